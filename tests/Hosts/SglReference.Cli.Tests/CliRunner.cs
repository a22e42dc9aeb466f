namespace SglReference.Cli.Tests;

/// <summary>Runs the sgl command line in-process, as the sgl executable does, capturing its streams.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Out, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Outcome Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = SglApp.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        return new Outcome(code, stdout.ToString(), stderr.ToString());
    }
}
