using System.Security.Cryptography.X509Certificates;

namespace SglReference.Server;

/// <summary>
/// Where one configured certificate stands. A minimal status until the transport layer's own certificate-status API
/// lands (then this type goes).
/// </summary>
/// <param name="Purpose">What it is for: "hl7 client", "mss client", "listener server", "hl7 authority"...</param>
/// <param name="Subject">Its subject.</param>
/// <param name="NotAfter">Its expiry.</param>
/// <param name="DaysLeft">Whole days until expiry (negative once expired).</param>
/// <param name="State">"ok", "expiring" (within the warning window) or "expired".</param>
public sealed record CertificateStatus(string Purpose, string Subject, DateTimeOffset NotAfter, int DaysLeft, string State)
{
    /// <summary>The status of <paramref name="certificate"/> at <paramref name="now"/>.</summary>
    public static CertificateStatus Of(string purpose, X509Certificate2 certificate, DateTimeOffset now, int warningDays)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var days = (int)Math.Floor((notAfter - now).TotalDays);
        var state = notAfter <= now ? "expired" : days < warningDays ? "expiring" : "ok";
        return new CertificateStatus(purpose, certificate.Subject, notAfter, days, state);
    }
}
