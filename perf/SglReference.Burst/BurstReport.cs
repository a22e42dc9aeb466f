using System.Globalization;
using System.Text;

namespace SglReference.Burst;

/// <summary>The markdown of perf/results/burst.md.</summary>
internal static class BurstReport
{
    public static string Markdown(string machineBefore, string machineAfter, IReadOnlyList<BurstResult> results)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"# Service burst (perf/SglReference.Burst)");
        Line($"");
        Line($"Machine at start: {machineBefore}  ");
        Line($"Machine at end: {machineAfter}");
        Line($"");
        Line($"Real `sgl serve` processes (Release, workstation GC) fed over HTTP by concurrent clients; peers on loopback with TLS and");
        Line($"client certificates: Node MLLP PFI (tests/tools/mllp-peer.mjs), npm smtp-server (smtp-peer.mjs), the strict DMP double");
        Line($"(VIHF and XAdES verified on every request). Fixtures cycled with distinct report ids. \"Rendered\" = no render job left:");
        Line($"every accepted report rendered, its artifacts persisted and its messages queued in the outbox.");
        Line($"");
        Line($"| | {string.Join(" | ", results.Select(r => r.Store))} |");
        Line($"|---|{string.Concat(results.Select(_ => "---:|"))}");
        Row("reports posted / accepted (clients)", r => $"{r.Reports:N0} / {r.Accepted:N0} ({r.Clients})");
        Row("accepted in / accepted/s", r => $"{r.AcceptedSeconds:0.0} s / {r.Accepted / r.AcceptedSeconds:0}");
        Row("rendered, persisted, queued in / rendered/s", r => $"**{r.RenderedSeconds:0.0} s** / {r.Accepted / r.RenderedSeconds:0.0}");
        foreach (var channel in results.SelectMany(r => r.Channels.Select(c => c.Channel)).Distinct(StringComparer.Ordinal))
        {
            Row($"{channel}: sent, all sent in, delivered/s", r => r.Channels.FirstOrDefault(c => c.Channel == channel) is { } c
                ? $"{c.Sent:N0}, {c.Seconds:0.0} s, {c.Sent / c.Seconds:0.0}/s"
                : "-");
            Row($"{channel}: peer arrivals, duplicates, connections", r => r.Channels.FirstOrDefault(c => c.Channel == channel) is { } c
                ? $"{c.Arrivals:N0}, {c.Duplicates}, {(c.Connections is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "?")}"
                : "-");
        }

        Row("intake latency p50 / p99 / max", r => $"{r.IntakeP50Ms:0} / {r.IntakeP99Ms:0} / {r.IntakeMaxMs:0} ms");
        Row("peak RSS (largest instance, VmHWM)", r => $"{r.PeakRssBytes / 1024.0 / 1024.0:0} MiB");
        Row("CPU of the instances (user+sys)", r => $"{r.CpuSeconds:0} s");
        Row("POSTs retried (not 202)", r => $"{r.Retries}");
        Row("lost (reports or messages not at the peers)", r => $"**{r.Lost}**");
        foreach (var r in results.Where(r => r.Problems.Count > 0))
        {
            Line($"");
            Line($"{r.Store}, first problems:");
            foreach (var p in r.Problems)
            {
                Line($"- {p}");
            }
        }

        return text.ToString();

        void Row(string name, Func<BurstResult, string> cell) => text.Append("| ").Append(name).Append(" | ").AppendJoin(" | ", results.Select(cell)).AppendLine(" |");
    }
}
