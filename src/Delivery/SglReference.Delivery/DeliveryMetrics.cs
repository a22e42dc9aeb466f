using System.Diagnostics.Metrics;

namespace SglReference.Delivery;

/// <summary>The dispatcher's instruments on the <c>SglReference</c> meter.</summary>
internal sealed class DeliveryMetrics
{
    public const string MeterName = "SglReference";

    private readonly Counter<long> _attempts;
    private readonly Histogram<double> _duration;

    public DeliveryMetrics(Meter meter)
    {
        _attempts = meter.CreateCounter<long>("sgl.deliveries.attempts", "{attempt}", "Delivery attempts, by channel and outcome (sent, failed, dead).");
        _duration = meter.CreateHistogram<double>("sgl.delivery.duration", "ms", "Time to send one message, by channel.");
    }

    public void Attempted(string channel, DeliveryState outcome, double milliseconds)
    {
        _attempts.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", DeliveryStates.Name(outcome)));
        _duration.Record(milliseconds, new KeyValuePair<string, object?>("channel", channel));
    }
}
