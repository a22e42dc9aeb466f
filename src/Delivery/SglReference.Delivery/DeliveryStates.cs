namespace SglReference.Delivery;

/// <summary>The names <see cref="DeliveryState"/> and report statuses are stored and shown under.</summary>
public static class DeliveryStates
{
    /// <summary>"pending", "sent", "failed" or "dead".</summary>
    public static string Name(DeliveryState state) => state switch
    {
        DeliveryState.Pending => "pending",
        DeliveryState.Sent => "sent",
        DeliveryState.Failed => "failed",
        _ => "dead",
    };

    /// <summary>The state named <paramref name="name"/>.</summary>
    public static DeliveryState Parse(string name) => name switch
    {
        "pending" => DeliveryState.Pending,
        "sent" => DeliveryState.Sent,
        "failed" => DeliveryState.Failed,
        "dead" => DeliveryState.Dead,
        _ => throw new FormatException($"unknown delivery state \"{name}\""),
    };
}
