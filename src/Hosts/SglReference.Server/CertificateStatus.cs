using System.Security.Cryptography.X509Certificates;
using SglReference.Transport;

namespace SglReference.Server;

/// <summary>
/// Where one configured certificate stands, as the health endpoint, the metrics and the page show it. Our own TLS
/// certificates are checked by <see cref="CertificateCheck"/> (private key, validity, extended key usage), so a
/// certificate the transports would refuse shows here as "unusable" with the same reason.
/// </summary>
/// <param name="Purpose">What it is for: "hl7 client", "mss client", "listener server", "hl7 authority"...</param>
/// <param name="Subject">Its subject.</param>
/// <param name="NotAfter">Its expiry.</param>
/// <param name="DaysLeft">Whole days until expiry (negative once expired).</param>
/// <param name="State">"ok", "expiring" (within the warning window), "expired" or "unusable" (see <paramref name="Problem"/>).</param>
/// <param name="Problem">Why it cannot be used, or null.</param>
public sealed record CertificateStatus(string Purpose, string Subject, DateTimeOffset NotAfter, int DaysLeft, string State, string? Problem = null)
{
    /// <summary>
    /// The status of <paramref name="certificate"/> at <paramref name="now"/>; <paramref name="tlsUse"/> is how we present it
    /// in TLS (null for authorities and signature certificates, which are judged on their dates only).
    /// </summary>
    public static CertificateStatus Of(string purpose, X509Certificate2 certificate, CertificateUse? tlsUse, DateTimeOffset now, int warningDays)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(certificate);
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var days = (int)Math.Floor((notAfter - now).TotalDays);
        if (notAfter <= now)
        {
            return new CertificateStatus(purpose, certificate.Subject, notAfter, days, "expired");
        }

        if (tlsUse is { } use && CertificateCheck.Check(certificate, use, now).Problem is { } problem)
        {
            return new CertificateStatus(purpose, certificate.Subject, notAfter, days, "unusable", problem);
        }

        return new CertificateStatus(purpose, certificate.Subject, notAfter, days, days < warningDays ? "expiring" : "ok");
    }
}
