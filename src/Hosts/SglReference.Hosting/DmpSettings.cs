using SglReference.Dmp;
using SglReference.Domain.Validation;
using SglReference.Transport;
using SglReference.Transport.XmlSignatures;

namespace SglReference.Hosting;

/// <summary>
/// The "dmp" section of the configuration: the DMP endpoint, the certificates as files (loaded when the engine is
/// built), the LPS identity, the VIHF mode and the signature digest. JSON form:
/// <code>
/// "dmp": { "endpoint": "https://lps2.dmp.gouv.fr/si-dmp-server/v2/services",
///          "signatureCertificates": [ { "path": "sign.p12", "passwordVariable": "SGL_DMP_SIGN_PASSWORD", "structureId": null } ],
///          "authenticationCertificate": { "path": "auth.p12", "passwordVariable": "SGL_DMP_AUTH_PASSWORD" },
///          "trustedAuthorities": "igc-sante.pem",
///          "lps": { "id": "...", "name": "SglReference", "version": "0.1.0", "homologation": "..." },
///          "authenticationMode": "indirecte" | "indirecte-renforcee", "digest": "sha1" | "sha256", "sector": "SA25",
///          "authnContext": "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI",
///          "repositoryPath": "repository", "registryPath": "registry", "patientsPath": "patients",
///          "timeoutSeconds": 60, "attempts": 4, "backoffSeconds": 2 }
/// </code>
/// Relative paths are read from the configuration file's folder.
/// </summary>
public sealed record DmpSettings(
    string Endpoint,
    IReadOnlyList<DmpCertificateFile> SignatureCertificates,
    LpsIdentity Lps,
    DmpCertificateFile? AuthenticationCertificate = null,
    string? TrustedAuthorities = null,
    DmpAuthenticationMode AuthenticationMode = DmpAuthenticationMode.Indirecte,
    SignatureDigest Digest = SignatureDigest.Sha1,
    string Sector = "SA25",
    string AuthnContext = DmpOptions.SmartcardPki,
    string RepositoryPath = "repository",
    string RegistryPath = "registry",
    string PatientsPath = "patients",
    double TimeoutSeconds = 60,
    int Attempts = 4,
    double BackoffSeconds = 2)
{
    /// <summary>The folder relative paths are read from (the configuration file's); the current folder when null.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Checks what can be checked without the files.</summary>
    public DmpSettings Validate()
    {
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidSettingException("dmp.endpoint", "must be an absolute https URL (the DMP services base)");
        }

        if (SignatureCertificates is null || SignatureCertificates.Count == 0)
        {
            throw new InvalidSettingException("dmp.signatureCertificates", "at least one structure signature certificate is required");
        }

        foreach (var (file, i) in SignatureCertificates.Select((f, i) => (f, i)))
        {
            SettingRules.Text($"dmp.signatureCertificates[{i}].path", file.Path, 4096);
        }

        if (AuthenticationCertificate is { } auth)
        {
            SettingRules.Text("dmp.authenticationCertificate.path", auth.Path, 4096);
        }

        SettingRules.Range("dmp.attempts", Attempts, 1, 10);
        return this;
    }

    /// <summary>Loads the certificates and returns the validated options; throws <see cref="InvalidOperationException"/> when a file cannot be read.</summary>
    public DmpOptions Load()
    {
        Validate();
        var structures = SignatureCertificates.Select(f => DmpStructure.FromCertificate(Certificate(f), f.StructureId)).ToList();
        var options = new DmpOptions(
            new Uri(Endpoint), structures, Lps,
            AuthenticationCertificate is { } auth ? Certificate(auth) : null,
            TrustedAuthorities is { } ca ? CertificateFiles.LoadAuthorities(Resolve(ca)) : [],
            AuthenticationMode, Digest, Sector, AuthnContext, RepositoryPath, RegistryPath, PatientsPath,
            TimeSpan.FromSeconds(TimeoutSeconds), Attempts, TimeSpan.FromSeconds(BackoffSeconds));
        return options.Validate();
    }

    private System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate(DmpCertificateFile file)
    {
        var password = file.PasswordVariable is { } variable
            ? Environment.GetEnvironmentVariable(variable) ?? throw new InvalidOperationException($"the environment variable {variable} (certificate password) is not set")
            : null;
        return CertificateFiles.LoadWithKey(Resolve(file.Path), file.KeyPath is null ? null : Resolve(file.KeyPath), password);
    }

    private string Resolve(string path) => System.IO.Path.IsPathRooted(path) || BaseDirectory is null ? path : System.IO.Path.Combine(BaseDirectory, path);
}
