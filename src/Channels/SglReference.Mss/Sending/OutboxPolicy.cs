namespace SglReference.Mss.Sending;

/// <summary>When the outbox tries again.</summary>
/// <param name="MaxAttempts">Attempts before a message that keeps failing temporarily is set aside as failed.</param>
/// <param name="InitialBackoff">Wait after the first failure; doubled after each one.</param>
/// <param name="MaxBackoff">Longest wait.</param>
public sealed record OutboxPolicy(int MaxAttempts, TimeSpan InitialBackoff, TimeSpan MaxBackoff)
{
    /// <summary>12 attempts, from 1 minute doubling up to 1 hour (about 8 hours in all).</summary>
    public static OutboxPolicy Default { get; } = new(12, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

    /// <summary>The wait after the <paramref name="failures"/>-th failure.</summary>
    public TimeSpan BackoffAfter(int failures) =>
        TimeSpan.FromTicks((long)Math.Min(InitialBackoff.Ticks * Math.Pow(2, Math.Max(0, failures - 1)), MaxBackoff.Ticks));
}
