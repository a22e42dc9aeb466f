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

    /// <summary>The wait before attempt <paramref name="attempt"/> (2-based).</summary>
    public TimeSpan BackoffBefore(int attempt)
    {
        var factor = Math.Pow(2, Math.Max(0, attempt - 2));
        var wait = TimeSpan.FromTicks((long)Math.Min(InitialBackoff.Ticks * factor, MaxBackoff.Ticks));
        return wait;
    }
}
