using System.Diagnostics;

namespace SglReference.Testing;

/// <summary>Runs an external program (an independent validator or peer) and captures its output.</summary>
public static class ExternalProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string All => StandardOutput + StandardError;
    }

    public static Result Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null, byte[]? stdin = null)
    {
        var (exitCode, stdout, stderr) = RunCore(fileName, arguments, workingDirectory, timeout, stdin, process => process.StandardOutput.ReadToEndAsync());
        return new Result(exitCode, stdout, stderr);
    }

    /// <summary>Runs a program whose standard output is binary (e.g. <c>unzip -p</c>): its exit code, bytes and standard error.</summary>
    public static (int ExitCode, byte[] StandardOutput, string StandardError) RunBinary(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null) =>
        RunCore(fileName, arguments, workingDirectory, timeout, stdin: null, async process =>
        {
            using var bytes = new MemoryStream();
            await process.StandardOutput.BaseStream.CopyToAsync(bytes);
            return bytes.ToArray();
        });

    private static (int ExitCode, T StandardOutput, string StandardError) RunCore<T>(
        string fileName, IEnumerable<string> arguments, string? workingDirectory, TimeSpan? timeout, byte[]? stdin, Func<Process, Task<T>> readStandardOutput)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Repo.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + fileName);
        var stdout = readStandardOutput(process);
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish in time");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>True when <paramref name="program"/> is on the PATH.</summary>
    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, program)));

    /// <summary>The tests/tools folder, where npm tools are installed (npm ci is run by the test script).</summary>
    public static string ToolsDirectory => Path.Combine(Repo.Root, "tests", "tools");

    /// <summary>Fails with a clear message when the npm tools are not installed.</summary>
    public static void RequireNodeTools()
    {
        if (!Directory.Exists(Path.Combine(ToolsDirectory, "node_modules")))
        {
            throw new InvalidOperationException("tests/tools/node_modules is missing: run ./test (it runs npm ci in tests/tools) or npm ci there");
        }
    }
}
