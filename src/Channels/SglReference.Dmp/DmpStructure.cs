using System.Security.Cryptography.X509Certificates;

namespace SglReference.Dmp;

/// <summary>
/// A health structure (a laboratory site) feeding the DMP: its national structure id (IDNST, <c>1</c> + FINESS of the
/// site, the VIHF <c>Identifiant_Structure</c> and the authorInstitution id) and its signature certificate (signs the
/// VIHF and the submission set; never the authentication certificate).
/// </summary>
/// <param name="Identifier">The IDNST; the OU of <paramref name="SigningCertificate"/> in indirect modes.</param>
/// <param name="SigningCertificate">The structure's signature certificate with its RSA private key.</param>
public sealed record DmpStructure(string Identifier, X509Certificate2 SigningCertificate)
{
    /// <summary>The structure of a signature certificate: its OU is the structure id (IGC-Santé organisation certificates).</summary>
    public static DmpStructure FromCertificate(X509Certificate2 certificate, string? identifier = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new DmpStructure(identifier ?? OrganizationalUnit(certificate) ?? string.Empty, certificate);
    }

    /// <summary>The OU of a certificate's subject, or null.</summary>
    public static string? OrganizationalUnit(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.GetSingleElementType().Value == "2.5.4.11")
            {
                return rdn.GetSingleElementValue();
            }
        }

        return null;
    }
}
