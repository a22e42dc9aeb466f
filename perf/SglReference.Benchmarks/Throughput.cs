using System.Diagnostics;
using System.Globalization;
using SglReference.Domain;
using SglReference.Engine;
using SglReference.Hosting;

namespace SglReference.Benchmarks;

/// <summary>
/// The in-process throughput harness: renders a stream of fixtures (cycled) on N threads for a few seconds after a
/// warm-up, and prints the median of per-second reports/s, CPU ms per report, allocations per report and GC counts.
/// <c>dotnet run -c Release --project perf/SglReference.Benchmarks -- throughput [--threads 2] [--seconds 20] [--renderer pdfsharp] [--gc-reasons] [--jit] [--small] [--warmup-seconds 90]</c>
/// (<c>--small</c>: the fixtures of fewer than 100 results only, as <c>stages</c> does)
/// </summary>
internal static class Throughput
{
    public static int Run(string[] args)
    {
        var threads = Option(args, "--threads", 2);
        var seconds = Option(args, "--seconds", 20);
        var renderer = SglConfiguration.ParseRenderer(OptionText(args, "--renderer") ?? "pdfsharp");
        using var fixtures = new PackageFixtures(renderer);
        var reports = args.Contains("--small") ? fixtures.SmallReports() : fixtures.Reports();
        var engine = fixtures.Engine;
        Console.WriteLine($"renderer {renderer}, {reports.Count} fixtures, {threads} threads, {seconds} s, {Environment.ProcessorCount} cores, load {LoadAverage()}");

        // Warm-up: every fixture a few times on each thread, then on until the JIT's background tier-up is done
        // (tiered PGO promotes thousands of methods over the first tens of seconds: measured before it settles, the
        // harness counts the JIT's thread as the engine's cost). --warmup-seconds caps it (default 90).
        var warmupCap = TimeSpan.FromSeconds(Option(args, "--warmup-seconds", 90));
        var warmup = Stopwatch.StartNew();
        var warmupReports = 0L;
        var quiet = 0;
        var jitTicks = ThreadCpu.TicksOf(ThreadCpu.TieredCompilationThread);
        while (true)
        {
            var second = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                for (var i = 0; i < reports.Count || second.ElapsedMilliseconds < 1000; i++)
                {
                    engine.Render(new RenderRequest(reports[(i + (t * 7)) % reports.Count]));
                    Interlocked.Increment(ref warmupReports);
                }
            });
            var jitTicksNow = ThreadCpu.TicksOf(ThreadCpu.TieredCompilationThread);
            var jitMs = (jitTicksNow - jitTicks) * ThreadCpu.MillisecondsPerTick / second.Elapsed.TotalSeconds;
            jitTicks = jitTicksNow;
            quiet = jitMs < 20 ? quiet + 1 : 0; // < 2 % of one core for 3 seconds in a row
            if (quiet >= 3 || warmup.Elapsed > warmupCap)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"warm-up {warmup.Elapsed.TotalSeconds:F0} s, {warmupReports} reports; JIT background thread {jitMs:F0} ms/s at its end{(quiet >= 3 ? string.Empty : " (cap reached: still compiling)")}"));
                break;
            }
        }

        using var gcReasons = args.Contains("--gc-reasons") ? new GcReasons() : null;
        gcReasons?.Start();
        using var jit = args.Contains("--jit") ? new JitEvents() : null;
        jit?.Start();
        long done = 0;
        var stop = false;
        var samples = new List<double>();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pauseBefore = GC.GetTotalPauseDuration();
        var threadCpu = ThreadCpu.Start();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var i = t * 7;
            while (!Volatile.Read(ref stop))
            {
                engine.Render(new RenderRequest(reports[i++ % reports.Count]));
                Interlocked.Increment(ref done);
            }
        }) { IsBackground = true, Name = "render " + t }).ToList();
        var wall = Stopwatch.StartNew();
        workers.ForEach(w => w.Start());
        long last = 0;
        var lastAt = TimeSpan.Zero;
        for (var s = 0; s < seconds; s++)
        {
            Thread.Sleep(1000);
            var now = Interlocked.Read(ref done);
            var at = wall.Elapsed;
            samples.Add((now - last) / (at - lastAt).TotalSeconds);
            last = now;
            lastAt = at;
        }

        var threadCpuSpent = threadCpu.Spent();
        Volatile.Write(ref stop, true);
        workers.ForEach(w => w.Join());
        var elapsed = wall.Elapsed;
        process.Refresh();
        var total = Interlocked.Read(ref done);
        gcReasons?.Stop();
        jit?.Stop();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reports/s median {samples[samples.Count / 2]:F1} (min {samples[0]:F1}, max {samples[^1]:F1}); mean {total / elapsed.TotalSeconds:F1} over {total} reports"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU {cpu / total:F2} ms/report (process, all threads); allocated {allocated / (double)total / 1e6:F2} MB/report; GC gen0 {GC.CollectionCount(0) - gcBefore.Item1}, gen1 {GC.CollectionCount(1) - gcBefore.Item2}, gen2 {GC.CollectionCount(2) - gcBefore.Item3}, pauses {(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds / elapsed.TotalMilliseconds * 100:F1}% of wall; peak working set {process.PeakWorkingSet64 / 1e6:F0} MB; load {LoadAverage()}"));
        ThreadCpu.Print(threadCpuSpent, total);
        gcReasons?.Print(total);
        jit?.Print(total);
        return 0;
    }

    internal static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
