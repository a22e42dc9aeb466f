using System.Diagnostics.Metrics;

namespace SglReference.Engine;

/// <summary>The engine's instruments on the <c>SglReference</c> meter.</summary>
internal sealed class EngineMetrics
{
    /// <summary>The meter every SglReference component publishes on.</summary>
    public const string MeterName = "SglReference";

    private readonly Counter<long> _rendered;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _messages;
    private readonly Histogram<double> _duration;

    public EngineMetrics(Meter meter)
    {
        _rendered = meter.CreateCounter<long>("sgl.reports.rendered", "{report}", "Reports rendered, by action.");
        _refused = meter.CreateCounter<long>("sgl.reports.refused", "{report}", "Renders refused for an input problem, by code.");
        _messages = meter.CreateCounter<long>("sgl.messages.planned", "{message}", "Channel messages built, by channel.");
        _duration = meter.CreateHistogram<double>("sgl.render.duration", "ms", "Time to render one report's package.");
    }

    public void Rendered(string action, double milliseconds)
    {
        _rendered.Add(1, new KeyValuePair<string, object?>("action", action));
        _duration.Record(milliseconds, new KeyValuePair<string, object?>("action", action));
    }

    public void Refused(string code) => _refused.Add(1, new KeyValuePair<string, object?>("code", code));

    public void Messages(string channel, int count) => _messages.Add(count, new KeyValuePair<string, object?>("channel", channel));
}
