namespace SglReference.Testing;

/// <summary>A clock stopped at one instant (Europe/Paris offset), so that rendered messages are reproducible.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static FixedTime Default { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.FromHours(1)));

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("Paris-fixed", now.Offset, "Paris", "Paris");
}
