using SglReference.Domain.Validation;

namespace SglReference.Delivery;

/// <summary>
/// When the dispatcher tries a message again: after the n-th transient failure it waits
/// min(<see cref="MaxBackoff"/>, <see cref="InitialBackoff"/> × 2^(n−1)), less a random share of at most
/// <see cref="Jitter"/> of it (so that messages failed together do not come back together); a message still failing
/// after <see cref="MaxAttempts"/> attempts, or failing permanently once, goes to the dead letter.
/// </summary>
/// <param name="MaxAttempts">Attempts in all before a transiently failing message is dead (1 to 100).</param>
/// <param name="InitialBackoff">The wait after the first failure.</param>
/// <param name="MaxBackoff">The longest wait.</param>
/// <param name="Jitter">The share of each wait drawn at random, 0 to 1.</param>
public sealed record DeliveryPolicy(int MaxAttempts, TimeSpan InitialBackoff, TimeSpan MaxBackoff, double Jitter)
{
    /// <summary>12 attempts, 30 s doubling up to 1 h (about 8 hours in all), 20 % jitter.</summary>
    public static DeliveryPolicy Default { get; } = new(12, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), 0.2);

    /// <summary>Checks every setting; <paramref name="section"/> prefixes the setting names.</summary>
    /// <exception cref="InvalidSettingException">A setting breaks its rule.</exception>
    public DeliveryPolicy Validate(string section = "server.delivery")
    {
        SettingRules.Range(section + ".maxAttempts", MaxAttempts, 1, 100);
        SettingRules.Duration(section + ".initialBackoffSeconds", InitialBackoff, TimeSpan.FromDays(1));
        SettingRules.Duration(section + ".maxBackoffSeconds", MaxBackoff, TimeSpan.FromDays(7));
        if (MaxBackoff < InitialBackoff)
        {
            throw new InvalidSettingException(section + ".maxBackoffSeconds", "must not be shorter than initialBackoffSeconds");
        }

        if (double.IsNaN(Jitter) || Jitter is < 0 or > 1)
        {
            throw new InvalidSettingException(section + ".jitter", "must be between 0 and 1");
        }

        return this;
    }

    /// <summary>The wait after the <paramref name="failures"/>-th failure, <paramref name="random"/> in [0, 1) drawing the jitter.</summary>
    public TimeSpan BackoffAfter(int failures, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var exponential = InitialBackoff.Ticks * Math.Pow(2, Math.Min(failures - 1, 40));
        var wait = Math.Min(exponential, MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)(wait * (1 - (Jitter * Math.Clamp(random, 0, 1)))));
    }
}
