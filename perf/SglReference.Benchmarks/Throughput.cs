using System.Diagnostics;
using System.Globalization;
using SglReference.Domain;
using SglReference.Engine;
using SglReference.Hosting;

namespace SglReference.Benchmarks;

/// <summary>
/// The in-process throughput harness: renders a stream of fixtures (cycled) on N threads for a few seconds after a
/// warm-up, and prints the median of per-second reports/s, CPU ms per report, allocations per report and GC counts.
/// <c>dotnet run -c Release --project perf/SglReference.Benchmarks -- throughput [--threads 2] [--seconds 20] [--renderer pdfsharp] [--gc-reasons] [--small]</c>
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
        var reports = args.Contains("--small") ? fixtures.Reports().Where(r => r.AllObservations().Count() < 100).ToList() : fixtures.Reports();
        var engine = fixtures.Engine;
        Console.WriteLine($"renderer {renderer}, {reports.Count} fixtures, {threads} threads, {seconds} s, {Environment.ProcessorCount} cores, load {LoadAverage()}");

        // Warm-up: every fixture a few times on each thread (JIT tiers, caches).
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            for (var i = 0; i < reports.Count * 4; i++)
            {
                engine.Render(new RenderRequest(reports[i % reports.Count]));
            }
        });

        using var gcReasons = args.Contains("--gc-reasons") ? new GcReasons() : null;
        gcReasons?.Start();
        long done = 0;
        var stop = false;
        var samples = new List<double>();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pauseBefore = GC.GetTotalPauseDuration();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var i = t * 7;
            while (!Volatile.Read(ref stop))
            {
                engine.Render(new RenderRequest(reports[i++ % reports.Count]));
                Interlocked.Increment(ref done);
            }
        }) { IsBackground = true }).ToList();
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

        Volatile.Write(ref stop, true);
        workers.ForEach(w => w.Join());
        var elapsed = wall.Elapsed;
        process.Refresh();
        var total = Interlocked.Read(ref done);
        gcReasons?.Stop();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reports/s median {samples[samples.Count / 2]:F1} (min {samples[0]:F1}, max {samples[^1]:F1}); mean {total / elapsed.TotalSeconds:F1} over {total} reports"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU {cpu / total:F2} ms/report (process, all threads); allocated {allocated / (double)total / 1e6:F2} MB/report; GC gen0 {GC.CollectionCount(0) - gcBefore.Item1}, gen1 {GC.CollectionCount(1) - gcBefore.Item2}, gen2 {GC.CollectionCount(2) - gcBefore.Item3}, pauses {(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds / elapsed.TotalMilliseconds * 100:F1}% of wall; peak working set {process.PeakWorkingSet64 / 1e6:F0} MB; load {LoadAverage()}"));
        gcReasons?.Print(total);
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
