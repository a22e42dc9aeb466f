using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SglReference.Transport;

/// <summary>
/// Validates a TLS peer's certificate against configured authorities (a custom trust store: only they are trusted) or,
/// when none are configured, the system store; in both cases the certificate must be issued for the peer's role
/// (extended key usage serverAuth for a server we connect to, clientAuth for a client our listener accepts). Shared by
/// the MLLP client and listener and the MSSanté SMTP sender.
/// </summary>
public static class PeerCertificateValidation
{
    /// <summary>The callback for <see cref="SslStream"/> with these options, for a peer acting as <paramref name="peer"/>.</summary>
    public static RemoteCertificateValidationCallback For(TlsOptions tls, CertificateUse peer = CertificateUse.Server)
    {
        ArgumentNullException.ThrowIfNull(tls);
        return (_, certificate, chain, errors) => IsTrusted(certificate, chain, errors, tls.TrustedAuthorities, peer);
    }

    /// <summary>
    /// True when <paramref name="certificate"/> is acceptable for a peer acting as <paramref name="peer"/>: no policy
    /// error against the system store when <paramref name="authorities"/> is empty, otherwise a chain to one of them
    /// and no host name mismatch; and, either way, an extended key usage allowing that role.
    /// </summary>
    public static bool IsTrusted(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, X509Certificate2Collection authorities, CertificateUse peer = CertificateUse.Server)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        if (certificate is null)
        {
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (!CertificateCheck.AllowsUse(leaf, peer))
        {
            return false;
        }

        if (authorities.Count == 0)
        {
            return errors == SslPolicyErrors.None;
        }

        // Name mismatch is still fatal; chain errors are re-evaluated against our own authorities only.
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(authorities);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.ApplicationPolicy.Add(new Oid(CertificateCheck.OidOf(peer)));
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements.Skip(1))
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(leaf);
    }
}
