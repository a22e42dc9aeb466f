using SglReference.Domain.Validation;

namespace SglReference.Delivery;

/// <summary>How the dispatcher works through the outbox.</summary>
/// <param name="Policy">Retries, backoff, dead letter.</param>
/// <param name="Concurrency">Messages sent at once (each of a different chain), 1 to 64.</param>
/// <param name="Lease">How long a claim holds: longer than the slowest transport's timeout; a crashed instance's claims come back after it.</param>
/// <param name="PollInterval">How often an idle dispatcher looks for due messages.</param>
public sealed record DispatcherOptions(DeliveryPolicy Policy, int Concurrency, TimeSpan Lease, TimeSpan PollInterval)
{
    /// <summary>The default policy, 4 at once, 2-minute leases, polling every 500 ms.</summary>
    public static DispatcherOptions Default { get; } = new(DeliveryPolicy.Default, 4, TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(500));

    /// <summary>Checks every setting.</summary>
    /// <exception cref="InvalidSettingException">A setting breaks its rule.</exception>
    public DispatcherOptions Validate(string section = "server.delivery")
    {
        ArgumentNullException.ThrowIfNull(Policy);
        Policy.Validate(section);
        SettingRules.Range(section + ".concurrency", Concurrency, 1, 64);
        SettingRules.Duration(section + ".leaseSeconds", Lease, TimeSpan.FromHours(1));
        SettingRules.Duration(section + ".pollMilliseconds", PollInterval, TimeSpan.FromMinutes(1));
        return this;
    }
}
