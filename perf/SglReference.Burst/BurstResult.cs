namespace SglReference.Burst;

/// <summary>What one burst measured and verified.</summary>
/// <param name="Store">"SQLite, 1 instance" or "PostgreSQL, 2 instances".</param>
/// <param name="Reports">Reports posted.</param>
/// <param name="Clients">Concurrent HTTP clients.</param>
/// <param name="Accepted">Reports answered 202.</param>
/// <param name="AcceptedSeconds">From the first post to the last 202.</param>
/// <param name="RenderedSeconds">From the first post until no render job was left (rendered, persisted, queued).</param>
/// <param name="Channels">Per channel: messages sent, seconds until the last was sent, duplicates the peer saw, peer connections.</param>
/// <param name="IntakeP50Ms">Median POST latency.</param>
/// <param name="IntakeP99Ms">99th percentile POST latency.</param>
/// <param name="IntakeMaxMs">Slowest POST.</param>
/// <param name="PeakRssBytes">Largest VmHWM among the instances.</param>
/// <param name="CpuSeconds">User + system CPU of the instances.</param>
/// <param name="Lost">Reports or messages not accounted for at the peers.</param>
/// <param name="Retries">POSTs answered other than 202 (retried).</param>
/// <param name="Problems">The first discrepancies found.</param>
internal sealed record BurstResult(
    string Store,
    int Reports,
    int Clients,
    int Accepted,
    double AcceptedSeconds,
    double RenderedSeconds,
    IReadOnlyList<ChannelResult> Channels,
    double IntakeP50Ms,
    double IntakeP99Ms,
    double IntakeMaxMs,
    long PeakRssBytes,
    double CpuSeconds,
    int Lost,
    int Retries,
    IReadOnlyList<string> Problems);

/// <summary>One channel's deliveries in a burst.</summary>
/// <param name="Channel">hl7v2, mss, dmp.</param>
/// <param name="Sent">Messages the outbox marked sent.</param>
/// <param name="Seconds">From the first post until the last was sent.</param>
/// <param name="Arrivals">Messages the peer received (duplicates included).</param>
/// <param name="Duplicates">Arrivals beyond the first of each message.</param>
/// <param name="Connections">Connections (TLS sessions) the peer accepted; null when the peer does not say.</param>
internal sealed record ChannelResult(string Channel, int Sent, double Seconds, int Arrivals, int Duplicates, int? Connections);
