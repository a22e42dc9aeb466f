using System.Globalization;

namespace SglReference.Benchmarks;

/// <summary>
/// CPU time per thread of this process, read from <c>/proc/self/task/*/stat</c> (Linux), grouped by thread name
/// (the runtime names its own: ".NET Finalizer", ".NET BGC", ".NET Tiered Com", ...), to tell the work of the
/// rendering threads from the runtime's around it.
/// </summary>
internal sealed class ThreadCpu
{
    private readonly Dictionary<int, (string Name, long Ticks)> _start;
    private readonly Dictionary<int, (string Name, long Ticks)>? _end;

    private ThreadCpu(Dictionary<int, (string Name, long Ticks)> start, Dictionary<int, (string Name, long Ticks)>? end = null)
    {
        _start = start;
        _end = end;
    }

    /// <summary>Takes the first snapshot.</summary>
    public static ThreadCpu Start() => new(Snapshot());

    /// <summary>Takes the second snapshot (while the rendering threads still run).</summary>
    public ThreadCpu End() => new(_start, Snapshot());

    /// <summary>Prints the CPU each thread group spent between <see cref="Start"/> and <see cref="End"/>, in ms per report.</summary>
    public void Print(long reports)
    {
        var end = _end ?? Snapshot();
        var groups = new Dictionary<string, (int Threads, long Ticks)>(StringComparer.Ordinal);
        foreach (var (tid, (name, ticks)) in end)
        {
            var before = _start.TryGetValue(tid, out var s) ? s.Ticks : 0;
            var delta = ticks - before;
            if (delta <= 0)
            {
                continue;
            }

            var group = groups.GetValueOrDefault(name);
            groups[name] = (group.Threads + 1, group.Ticks + delta);
        }

        var tickMs = 1000.0 / 100; // USER_HZ is 100 on Linux
        Console.WriteLine("CPU per thread group (ms/report):");
        foreach (var (name, (count, ticks)) in groups.OrderByDescending(g => g.Value.Ticks))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ticks * tickMs / reports,7:F2}  {name} ({count} thread{(count > 1 ? "s" : string.Empty)})"));
        }
    }

    /// <summary>The CPU clock ticks (1/100 s) the threads of that name have used so far.</summary>
    public static long TicksOf(string threadName) => Snapshot().Values.Where(t => t.Name == threadName).Sum(t => t.Ticks);

    private static Dictionary<int, (string Name, long Ticks)> Snapshot()
    {
        var result = new Dictionary<int, (string, long)>();
        if (!Directory.Exists("/proc/self/task"))
        {
            return result;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                var name = stat[(open + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                // After the name: state(0) ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime(11) stime(12)
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                result[int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture)] = (name, ticks);
            }
            catch (IOException)
            {
                // The thread ended between the listing and the read.
            }
        }

        return result;
    }
}
