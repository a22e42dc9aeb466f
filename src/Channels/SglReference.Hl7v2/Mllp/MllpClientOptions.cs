using SglReference.Domain.Validation;
using SglReference.Transport;

namespace SglReference.Hl7v2.Mllp;

/// <summary>Where and how the MLLP client sends (configuration section "hl7.mllp" or the send-hl7 options).</summary>
/// <param name="Host">The PFI's host.</param>
/// <param name="Port">Its MLLP port.</param>
/// <param name="Tls">TLS with client certificate; plain TCP when null (test peers only).</param>
/// <param name="ConnectTimeout">TCP connection and TLS handshake limit.</param>
/// <param name="AckTimeout">How long to wait for the ACK after the message is written.</param>
/// <param name="MaxAttempts">Attempts in all (first one included) for AR, timeouts and connection failures.</param>
/// <param name="InitialBackoff">Wait before the second attempt; doubled each time up to <paramref name="MaxBackoff"/>.</param>
/// <param name="MaxBackoff">Longest wait between attempts.</param>
public sealed record MllpClientOptions(
    string Host,
    int Port,
    TlsOptions? Tls,
    TimeSpan ConnectTimeout,
    TimeSpan AckTimeout,
    int MaxAttempts,
    TimeSpan InitialBackoff,
    TimeSpan MaxBackoff)
{
    /// <summary>Defaults: 10 s to connect, 60 s for the ACK, 5 attempts, backoff 2 s doubling up to 5 min.</summary>
    public static MllpClientOptions For(string host, int port, TlsOptions? tls) =>
        new(host, port, tls, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), 5, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5));

    /// <summary>Longest connection or acknowledgement timeout (10 minutes).</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Most attempts (100).</summary>
    public const int MaxAttemptsLimit = 100;

    /// <summary>Longest wait between attempts (1 hour).</summary>
    public static readonly TimeSpan MaxBackoffLimit = TimeSpan.FromHours(1);

    /// <summary>Checks every setting; throws <see cref="InvalidSettingException"/> naming the first that breaks its rule.</summary>
    public MllpClientOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(Host) || Host.Length > 253 || Host.Any(char.IsControl))
        {
            throw new InvalidSettingException("mllp.host", "must be a host name or an IP address");
        }

        SettingRules.Range("mllp.port", Port, 1, 65535);
        SettingRules.Duration("mllp.connectTimeout", ConnectTimeout, MaxTimeout);
        SettingRules.Duration("mllp.ackTimeout", AckTimeout, MaxTimeout);
        SettingRules.Range("mllp.attempts", MaxAttempts, 1, MaxAttemptsLimit);
        SettingRules.Duration("mllp.backoff", InitialBackoff, MaxBackoffLimit, allowZero: true);
        SettingRules.Duration("mllp.maxBackoff", MaxBackoff, MaxBackoffLimit, allowZero: true);
        return this;
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> (2-based).</summary>
    public TimeSpan BackoffBefore(int attempt)
    {
        var factor = Math.Pow(2, Math.Max(0, attempt - 2));
        var wait = TimeSpan.FromTicks((long)Math.Min(InitialBackoff.Ticks * factor, MaxBackoff.Ticks));
        return wait;
    }
}
