using System.Security.Cryptography.X509Certificates;
using SglReference.Domain.Validation;
using SglReference.Transport.XmlSignatures;

namespace SglReference.Dmp;

/// <summary>The lab's DMP settings (configuration section "dmp"), with the certificates already loaded.</summary>
/// <param name="Endpoint">The DMP services base (test: https://lps.dev9.dmp.gouv.fr/si-dmp-server/v2/services).</param>
/// <param name="Structures">The structures feeding the DMP, each with its signature certificate.</param>
/// <param name="Lps">The software's identity (VIHF LPS_* attributes).</param>
/// <param name="AuthenticationCertificate">The structure's authentication certificate (TLS client); needed to send only.</param>
/// <param name="TrustedAuthorities">The authorities the DMP's server certificate must chain to; the system store when empty.</param>
/// <param name="AuthenticationMode">INDIRECTE or INDIRECTE_RENFORCEE.</param>
/// <param name="Digest">The XML signature digest (VIHF and submission set): SHA-1 as every official example, or SHA-256.</param>
/// <param name="Sector">Secteur_Activite and healthcareFacilityTypeCode: SA25 (laboratoire de biologie médicale).</param>
/// <param name="AuthnContext">The VIHF AuthnContextClassRef.</param>
/// <param name="RepositoryPath">ITI-41 service, under <paramref name="Endpoint"/>.</param>
/// <param name="RegistryPath">ITI-18 and ITI-57 service.</param>
/// <param name="PatientsPath">TD0.2 service.</param>
/// <param name="Timeout">Per HTTP exchange.</param>
/// <param name="Attempts">Attempts in all for a transient failure.</param>
/// <param name="Backoff">Wait before the second attempt, doubled each time.</param>
public sealed record DmpOptions(
    Uri Endpoint,
    IReadOnlyList<DmpStructure> Structures,
    LpsIdentity Lps,
    X509Certificate2? AuthenticationCertificate = null,
    X509Certificate2Collection? TrustedAuthorities = null,
    DmpAuthenticationMode AuthenticationMode = DmpAuthenticationMode.Indirecte,
    SignatureDigest Digest = SignatureDigest.Sha1,
    string Sector = "SA25",
    string AuthnContext = DmpOptions.SmartcardPki,
    string RepositoryPath = "repository",
    string RegistryPath = "registry",
    string PatientsPath = "patients",
    TimeSpan? Timeout = null,
    int Attempts = 4,
    TimeSpan? Backoff = null)
{
    /// <summary>The AuthnContextClassRef of the official CNAM/GIE VIHF examples (all modes).</summary>
    public const string SmartcardPki = "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI";

    /// <summary>The AuthnContextClassRef DRIMbox sends.</summary>
    public const string TlsClient = "urn:oasis:names:tc:SAML:2.0:ac:classes:TLSClient";

    /// <summary>The ITI-41 endpoint.</summary>
    public Uri RepositoryUri => Service(RepositoryPath);

    /// <summary>The ITI-18 / ITI-57 endpoint.</summary>
    public Uri RegistryUri => Service(RegistryPath);

    /// <summary>The TD0.2 endpoint.</summary>
    public Uri PatientsUri => Service(PatientsPath);

    /// <summary>The timeout per exchange (60 s by default).</summary>
    public TimeSpan EffectiveTimeout => Timeout ?? TimeSpan.FromSeconds(60);

    /// <summary>The first backoff (2 s by default).</summary>
    public TimeSpan EffectiveBackoff => Backoff ?? TimeSpan.FromSeconds(2);

    /// <summary>The structure whose identifier is <paramref name="identifier"/>, or null.</summary>
    public DmpStructure? Structure(string identifier) => Structures.FirstOrDefault(s => string.Equals(s.Identifier, identifier, StringComparison.Ordinal));

    /// <summary>Checks every setting; throws <see cref="InvalidSettingException"/> naming the first that breaks its rule.</summary>
    public DmpOptions Validate()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || Endpoint.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(Endpoint.Query))
        {
            throw new InvalidSettingException("dmp.endpoint", "must be an absolute https URL without query (the DMP services base)");
        }

        if (Structures is null || Structures.Count == 0)
        {
            throw new InvalidSettingException("dmp.signatureCertificates", "at least one structure signature certificate is required (it signs the VIHF and the submission set)");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Structures.Count; i++)
        {
            var s = Structures[i];
            var where = $"dmp.signatureCertificates[{i}]";
            if (string.IsNullOrEmpty(s.Identifier) || s.Identifier.Length > 64 || !s.Identifier.All(char.IsAsciiLetterOrDigit))
            {
                throw new InvalidSettingException(where + ".structureId", "the structure id (IDNST) must be 1 to 64 letters or digits: give it, or use a certificate whose OU is the structure id");
            }

            if (!seen.Add(s.Identifier))
            {
                throw new InvalidSettingException(where + ".structureId", $"structure {s.Identifier} is configured twice");
            }

            if (!s.SigningCertificate.HasPrivateKey || s.SigningCertificate.GetRSAPublicKey() is null)
            {
                throw new InvalidSettingException(where, "the signature certificate must be RSA with its private key");
            }

            if (AuthenticationCertificate is not null && string.Equals(AuthenticationCertificate.Thumbprint, s.SigningCertificate.Thumbprint, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidSettingException("dmp.authenticationCertificate", "must differ from the signature certificate (the DMP refuses a VIHF signed with the authentication certificate: DMPInvalidCertificate)");
            }
        }

        if (AuthenticationCertificate is not null && !AuthenticationCertificate.HasPrivateKey)
        {
            throw new InvalidSettingException("dmp.authenticationCertificate", "must come with its private key (TLS client authentication)");
        }

        if (Lps is null)
        {
            throw new InvalidSettingException("dmp.lps", "is required (LPS_ID, LPS_Nom, LPS_Version, LPS_ID_HOMOLOGATION_DMP)");
        }

        SettingRules.Text("dmp.lps.id", Lps.Id, 64);
        SettingRules.Text("dmp.lps.name", Lps.Name, 128);
        SettingRules.Text("dmp.lps.version", Lps.Version, 32);
        SettingRules.Text("dmp.lps.homologation", Lps.Homologation, 64);
        if (!Enum.IsDefined(AuthenticationMode))
        {
            throw new InvalidSettingException("dmp.authenticationMode", "must be \"indirecte\" or \"indirecte-renforcee\"");
        }

        if (!Enum.IsDefined(Digest))
        {
            throw new InvalidSettingException("dmp.digest", "must be \"sha1\" or \"sha256\"");
        }

        if (Sector is null || Sector.Length != 4 || !Sector.StartsWith("SA", StringComparison.Ordinal) || !char.IsAsciiDigit(Sector[2]) || !char.IsAsciiDigit(Sector[3]))
        {
            throw new InvalidSettingException("dmp.sector", "must be a TRE_R02 sector code SAnn (SA25: laboratoire de biologie médicale)");
        }

        SettingRules.Text("dmp.authnContext", AuthnContext, 256, asciiOnly: true);
        foreach (var (name, path) in new[] { ("dmp.repositoryPath", RepositoryPath), ("dmp.registryPath", RegistryPath), ("dmp.patientsPath", PatientsPath) })
        {
            if (string.IsNullOrEmpty(path) || path.Length > 128 || !path.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '/' or '.'))
            {
                throw new InvalidSettingException(name, "must be a relative path of letters, digits, _ - . /");
            }
        }

        SettingRules.Duration("dmp.timeout", EffectiveTimeout, TimeSpan.FromMinutes(10));
        SettingRules.Duration("dmp.backoff", EffectiveBackoff, TimeSpan.FromMinutes(5), allowZero: true);
        SettingRules.Range("dmp.attempts", Attempts, 1, 10);
        return this;
    }

    private Uri Service(string path)
    {
        var root = Endpoint.AbsoluteUri.TrimEnd('/');
        return new Uri(root + "/" + path.TrimStart('/'));
    }
}
