using System.Diagnostics;
using System.Globalization;
using SglReference.Cda;
using SglReference.Channels;
using SglReference.Dmp;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Engine;
using SglReference.Hl7v2;
using SglReference.Hosting;
using SglReference.Mss;
using SglReference.Pdf;
using SglReference.Pdf.Archival;
using SglReference.Pdf.PdfSharp;

namespace SglReference.Benchmarks;

/// <summary>
/// Where one package's time goes, stage by stage, on one thread (Stopwatch, median of rounds over every fixture):
/// a development aid beside the BenchmarkDotNet figures.
/// <c>dotnet run -c Release --project perf/SglReference.Benchmarks -- stages [--rounds 30] [--renderer pdfsharp]</c>
/// </summary>
internal static class Stages
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 2 && args[1] == "--rounds" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30;
        var rendererName = Array.IndexOf(args, "--renderer") is var r and >= 0 ? args[r + 1] : "pdfsharp";
        using var fixtures = new PackageFixtures(SglConfiguration.ParseRenderer(rendererName));
        var reports = fixtures.SmallReports();
        var (renderer, fonts) = PdfRendering.Create(fixtures.Configuration.Pdf);
        var settings = DocumentSettings.Default;
        var pdf = new CrBioPdf(renderer, fonts, settings);
        IDeliveryChannel[] channels = [new Hl7v2Channel(fixtures.Configuration.Hl7), new MssChannel(fixtures.Configuration.Mss), new DmpChannel(fixtures.Configuration.Dmp!.Load())];
        var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var allocations = new Dictionary<string, long>(StringComparer.Ordinal);
        void Add(string stage, double ms)
        {
            if (!times.TryGetValue(stage, out var list))
            {
                times[stage] = list = [];
            }

            list.Add(ms);
        }

        for (var round = 0; round < rounds + 3; round++)
        {
            var sums = new Dictionary<string, double>(StringComparer.Ordinal);
            void Time(string stage, Action action)
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                action();
                sums[stage] = sums.GetValueOrDefault(stage) + Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                allocations[stage] = allocations.GetValueOrDefault(stage) + GC.GetAllocatedBytesForCurrentThread() - allocated;
            }

            foreach (var report in reports)
            {
                var package = fixtures.Engine.Render(new RenderRequest(report));
                Time("engine.Render (whole)", () => fixtures.Engine.Render(new RenderRequest(report)));
                foreach (var audience in settings.Audiences)
                {
                    var view = AudienceView.For(report, audience, settings);
                    var n3 = package.Documents.Get(DocumentKind.CdaN3, audience).Identity;
                    var n1 = package.Documents.Get(DocumentKind.CdaN1, audience).Identity;
                    Pdf.Layout.ReportLayout layout = null!;
                    byte[] drawn = [];
                    byte[] finished = [];
                    Time("pdf layout", () => layout = pdf.Layout(view, audience, n3));
                    if (renderer is PdfSharpRenderer sharp)
                    {
                        Time("pdf draw (PDFsharp)", () => drawn = sharp.Draw(layout));
                        Time("pdf finish", () => finished = PdfA1Finisher.Finish(drawn));
                        foreach (var level in new[] { System.IO.Compression.CompressionLevel.SmallestSize, System.IO.Compression.CompressionLevel.Optimal, System.IO.Compression.CompressionLevel.Fastest })
                        {
                            byte[] alternative = [];
                            Time("pdf finish " + level, () => alternative = PdfA1Finisher.Finish(drawn, level));
                            Add("pdf kB " + level, alternative.Length / 1000.0);
                        }
                    }
                    else
                    {
                        Time("pdf render", () => finished = renderer.Render(layout));
                    }

                    Time("cda n3", () => CrBioCdaWriter.WriteN3(view, n3, finished));
                    Time("cda n1", () => CrBioCdaWriter.WriteN1(view, n1, finished));
                }

                var context = new ChannelContext(report, package.Profile, package.Plan, package.Action, package.Documents, FixedTimeNow);
                foreach (var channel in channels)
                {
                    if (channel.Check(context).IsReady)
                    {
                        Time("channel " + channel.Name, () => channel.Build(context));
                    }
                }
            }

            if (round == 2)
            {
                allocations.Clear();
            }

            if (round >= 3)
            {
                foreach (var (stage, ms) in sums)
                {
                    Add(stage, ms / reports.Count);
                }
            }
        }

        Console.WriteLine($"{reports.Count} fixtures, {rounds} rounds, load {Throughput.LoadAverage()}; ms per report (both versions), median of rounds; kB allocated per report, mean");
        foreach (var (stage, list) in times)
        {
            list.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage,-24} {list[list.Count / 2],8:F2} ms {allocations.GetValueOrDefault(stage) / 1000.0 / (rounds * reports.Count),9:F0} kB allocated"));
        }

        return 0;
    }

    private static readonly DateTimeOffset FixedTimeNow = Testing.FixedTime.Default.GetLocalNow();
}
