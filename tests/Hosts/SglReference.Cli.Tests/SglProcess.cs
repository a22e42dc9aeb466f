using System.Diagnostics;
using SglReference.Testing;

namespace SglReference.Cli.Tests;

/// <summary>
/// The sgl command line as a real child process (dotnet sgl.dll, built beside the tests): for what only a process can
/// show — exit codes from the runtime, signals, kill -9, file descriptor limits, memory.
/// </summary>
internal static class SglProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "sgl.dll");

    /// <summary>Runs sgl to completion.</summary>
    public static ExternalProcess.Result Run(IEnumerable<string> arguments, TimeSpan? timeout = null) =>
        ExternalProcess.Run("dotnet", [Dll, .. arguments], Repo.Root, timeout ?? TimeSpan.FromMinutes(2));

    /// <summary>Starts sgl (optionally under a shell prefix such as "ulimit -n 256;"), output redirected.</summary>
    public static Process Start(IEnumerable<string> arguments, string? shellPrefix = null)
    {
        var start = shellPrefix is null
            ? new ProcessStartInfo("dotnet")
            : new ProcessStartInfo("bash");
        if (shellPrefix is null)
        {
            start.ArgumentList.Add(Dll);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(shellPrefix + " exec dotnet \"$0\" \"$@\"");
            start.ArgumentList.Add(Dll);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = Repo.Root;
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start sgl");
    }

    /// <summary>SIGKILL, at once (what a crash or an OOM killer does): Process.Kill sends SIGKILL on Unix.</summary>
    public static void KillHard(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM (what systemd, docker stop or kill send), through the shell's kill builtin.</summary>
    public static void Terminate(Process process)
    {
        using var kill = Process.Start("bash", ["-c", "kill -TERM " + process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill?.WaitForExit();
    }
}
