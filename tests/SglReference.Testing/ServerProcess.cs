using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace SglReference.Testing;

/// <summary>A real <c>sgl serve</c> process (dotnet sgl.dll serve), started, killed (SIGKILL) or stopped (SIGTERM) by the test.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public ServerProcess(string configFile, string dataDirectory, int? port = null, string name = "server")
    {
        ConfigFile = configFile;
        DataDirectory = dataDirectory;
        Port = port ?? Network.FreePort();
        Name = name;
    }

    public string ConfigFile { get; }

    public string DataDirectory { get; }

    public int Port { get; }

    public string Name { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>Everything the process wrote (stdout and stderr), across restarts.</summary>
    public string Output => string.Join('\n', _output);

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The running process's id, or null.</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>The process's peak resident set size so far (VmHWM in /proc), in bytes; null when it is not running.</summary>
    public long? PeakResidentBytes() => ProcStatus("VmHWM:");

    /// <summary>The process's resident set size now (VmRSS in /proc), in bytes; null when it is not running.</summary>
    public long? ResidentBytes() => ProcStatus("VmRSS:");

    private long? ProcStatus(string field)
    {
        if (ProcessId is not { } pid)
        {
            return null;
        }

        try
        {
            var line = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? null : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>sgl.dll of the CLI build matching this test build's configuration.</summary>
    public static string SglDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
            var path = Path.Combine(Repo.Root, "src", "Hosts", "SglReference.Cli", "bin", configuration, "net10.0", "sgl.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build src/Hosts/SglReference.Cli");
        }
    }

    public ServerProcess Start(TimeSpan? ready = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = DataDirectory,
        };
        foreach (var argument in new[] { SglDll, "serve", "--config", ConfigFile, "--data", DataDirectory, "--urls", BaseAddress.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("SGL_API_KEY");
        start.Environment["DOTNET_gcServer"] = "0";
        _process = Process.Start(start) ?? throw new InvalidOperationException("cannot start sgl serve");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue("stderr: " + e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitReady(ready ?? TimeSpan.FromSeconds(60));
        return this;
    }

    public void WaitReady(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process?.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = client.GetAsync(new Uri(BaseAddress, "health/live")).GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException($"{Name} not ready within {timeout.TotalSeconds} s:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            process.WaitForExit(10_000);
        }
    }

    /// <summary>SIGTERM, then waits for the exit; returns the exit code.</summary>
    public int Terminate(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException("not started");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill!.WaitForExit();
        }

        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill();
            throw new TimeoutException($"{Name} did not stop within {timeout.TotalSeconds} s after SIGTERM:\n{Output}");
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
    }
}
