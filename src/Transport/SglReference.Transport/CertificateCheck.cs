using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace SglReference.Transport;

/// <summary>
/// Checks our own certificate before it is presented: private key present, validity period, extended key usage for
/// the intended use, key usage compatible with TLS. Expiry within <see cref="DefaultWarningPeriod"/> is a warning
/// (IGC-Santé certificates last 3 years and their holders are warned 60 days ahead). Thread-safe, no I/O.
/// </summary>
public static class CertificateCheck
{
    /// <summary>Server authentication, 1.3.6.1.5.5.7.3.1.</summary>
    public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>Client authentication, 1.3.6.1.5.5.7.3.2.</summary>
    public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    private const string AnyExtendedKeyUsage = "2.5.29.37.0";
    private const string RsaEncryption = "1.2.840.113549.1.1.1";

    /// <summary>60 days.</summary>
    public static TimeSpan DefaultWarningPeriod { get; } = TimeSpan.FromDays(60);

    /// <summary>The status of <paramref name="certificate"/> for <paramref name="use"/> at <paramref name="now"/>.</summary>
    public static CertificateStatus Check(X509Certificate2 certificate, CertificateUse use, DateTimeOffset now, TimeSpan? warningPeriod = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var problem = ProblemOf(certificate, use, now, notBefore, notAfter);
        var soon = problem is null && notAfter - now <= (warningPeriod ?? DefaultWarningPeriod);
        return new CertificateStatus(certificate.Subject, certificate.Thumbprint, notBefore, notAfter, problem, soon);
    }

    /// <summary>True when the certificate's extended key usage allows <paramref name="use"/> (no extension: any use).</summary>
    public static bool AllowsUse(X509Certificate2 certificate, CertificateUse use)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var wanted = OidOf(use);
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509EnhancedKeyUsageExtension eku)
            {
                foreach (var oid in eku.EnhancedKeyUsages)
                {
                    if (oid.Value == wanted || oid.Value == AnyExtendedKeyUsage)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        return true;
    }

    /// <summary>The extended key usage OID of <paramref name="use"/>.</summary>
    public static string OidOf(CertificateUse use) => use == CertificateUse.Server ? ServerAuthentication : ClientAuthentication;

    private static string? ProblemOf(X509Certificate2 certificate, CertificateUse use, DateTimeOffset now, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        if (!certificate.HasPrivateKey)
        {
            return "its private key is missing (give the .p12/.pfx, or the PEM key with the certificate)";
        }

        if (now < notBefore)
        {
            return string.Create(CultureInfo.InvariantCulture, $"it is not valid before {notBefore.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        }

        if (now >= notAfter)
        {
            return string.Create(CultureInfo.InvariantCulture, $"it expired on {notAfter.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        }

        if (!AllowsUse(certificate, use))
        {
            return use == CertificateUse.Client
                ? "its extended key usage does not include client authentication (1.3.6.1.5.5.7.3.2): it is not a client certificate"
                : "its extended key usage does not include server authentication (1.3.6.1.5.5.7.3.1): it is not a server certificate";
        }

        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509KeyUsageExtension ku)
            {
                var flags = ku.KeyUsages;
                var rsaServer = use == CertificateUse.Server && certificate.PublicKey.Oid.Value == RsaEncryption;
                if ((flags & X509KeyUsageFlags.DigitalSignature) == 0 && !(rsaServer && (flags & X509KeyUsageFlags.KeyEncipherment) != 0))
                {
                    return "its key usage does not allow digital signature, which TLS authentication needs";
                }
            }
        }

        return null;
    }
}
