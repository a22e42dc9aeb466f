namespace SglReference.Channels;

/// <summary>Whether a channel runs for a report.</summary>
/// <param name="IsReady">True when the channel has messages to build.</param>
/// <param name="Reason">Why it does not run (no patient data), when it does not.</param>
public sealed record ChannelReadiness(bool IsReady, string? Reason)
{
    /// <summary>The channel runs.</summary>
    public static ChannelReadiness Ready { get; } = new(true, null);

    /// <summary>The channel does not run, for <paramref name="reason"/>.</summary>
    public static ChannelReadiness NotPlanned(string reason) => new(false, reason ?? throw new ArgumentNullException(nameof(reason)));
}
