using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace SglReference.Testing;

/// <summary>A long-running external peer (a Node server...) whose stdout lines are collected; killed on dispose.</summary>
public sealed class BackgroundProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = [];
    private readonly ConcurrentQueue<string> _errors = new();

    public BackgroundProcess(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Repo.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + fileName);
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _lines.Add(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _errors.Enqueue(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>What the process wrote on stderr so far.</summary>
    public string Errors => string.Join('\n', _errors);

    /// <summary>The next stdout line parsed as JSON, waiting at most <paramref name="timeout"/>.</summary>
    public JsonElement NextJson(TimeSpan timeout)
    {
        if (!_lines.TryTake(out var line, timeout))
        {
            throw new TimeoutException($"no output within {timeout.TotalSeconds} s; exited: {_process.HasExited}; stderr: {Errors}");
        }

        return JsonDocument.Parse(line).RootElement.Clone();
    }

    /// <summary>Every stdout line available now, parsed as JSON.</summary>
    public IReadOnlyList<JsonElement> DrainJson()
    {
        var list = new List<JsonElement>();
        while (_lines.TryTake(out var line))
        {
            list.Add(JsonDocument.Parse(line).RootElement.Clone());
        }

        return list;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _lines.Dispose();
    }
}
