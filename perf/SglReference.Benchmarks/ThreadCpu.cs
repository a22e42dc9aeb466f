using System.Globalization;

namespace SglReference.Benchmarks;

/// <summary>
/// CPU time per thread of this process, read from <c>/proc/self/task/*/stat</c> (Linux), grouped by thread name
/// (the runtime names its own: ".NET Finalizer", ".NET BGC", ".NET Tiered Com", ...), to tell the work of the
/// rendering threads from the runtime's around it.
/// </summary>
internal sealed class ThreadCpu
{
    /// <summary>The runtime's background tier-up thread, as the kernel names it (15 characters).</summary>
    public const string TieredCompilationThread = ".NET Tiered Com";

    /// <summary>One clock tick of <c>/proc</c> (USER_HZ is 100 on Linux).</summary>
    public const double MillisecondsPerTick = 10.0;

    private readonly Dictionary<int, (string Name, long Ticks)> _start;

    private ThreadCpu(Dictionary<int, (string Name, long Ticks)> start) => _start = start;

    /// <summary>Takes the first snapshot.</summary>
    public static ThreadCpu Start() => new(Snapshot());

    /// <summary>The CPU clock ticks the threads of that name have used so far.</summary>
    public static long TicksOf(string threadName) => Snapshot().Values.Where(t => t.Name == threadName).Sum(t => t.Ticks);

    /// <summary>
    /// The CPU each thread group spent since <see cref="Start"/>, by thread name (call it while the threads to
    /// measure still run: a thread that has ended is no longer listed).
    /// </summary>
    public IReadOnlyDictionary<string, (int Threads, long Ticks)> Spent()
    {
        var groups = new Dictionary<string, (int Threads, long Ticks)>(StringComparer.Ordinal);
        foreach (var (tid, (name, ticks)) in Snapshot())
        {
            var delta = ticks - (_start.TryGetValue(tid, out var s) ? s.Ticks : 0);
            if (delta > 0)
            {
                var group = groups.GetValueOrDefault(name);
                groups[name] = (group.Threads + 1, group.Ticks + delta);
            }
        }

        return groups;
    }

    /// <summary>Prints what <see cref="Spent"/> returned, in ms per report.</summary>
    public static void Print(IReadOnlyDictionary<string, (int Threads, long Ticks)> spent, long reports)
    {
        Console.WriteLine("CPU per thread group (ms/report):");
        foreach (var (name, (count, ticks)) in spent.OrderByDescending(g => g.Value.Ticks))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ticks * MillisecondsPerTick / reports,7:F2}  {name} ({count} thread{(count > 1 ? "s" : string.Empty)})"));
        }
    }

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
