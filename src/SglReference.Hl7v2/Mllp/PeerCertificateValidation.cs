using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SglReference.Hl7v2.Mllp;

/// <summary>Validates the peer's certificate against the configured authorities (custom trust store) or the system store.</summary>
internal static class PeerCertificateValidation
{
    public static RemoteCertificateValidationCallback For(MllpTlsOptions tls) => (_, certificate, chain, errors) =>
    {
        if (certificate is null)
        {
            return false;
        }

        if (tls.TrustedAuthorities.Count == 0)
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
        custom.ChainPolicy.CustomTrustStore.AddRange(tls.TrustedAuthorities);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements.Skip(1))
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(leaf);
    };
}
