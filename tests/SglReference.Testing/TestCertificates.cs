using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SglReference.Testing;

/// <summary>
/// A throw-away PKI made at test time (never committed): a CA, a server certificate for localhost/127.0.0.1, a client
/// certificate, and a second client from an unrelated CA (to be refused). Written as PEM files for the external peers.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly RSA _caKey = RSA.Create(2048);

    public TestCertificates()
    {
        var caKey = _caKey;
        Authority = MakeAuthority("SglReference Test CA", caKey);
        using var rogueKey = RSA.Create(2048);
        using var rogue = MakeAuthority("Rogue CA", rogueKey);
        Server = Issue(Authority, caKey, "localhost", server: true);
        Client = Issue(Authority, caKey, "sgl-test-client", server: false);
        UntrustedClient = Issue(rogue, rogueKey, "rogue-client", server: false);
        AuthorityPem = Write("ca.pem", Authority.ExportCertificatePem());
        (ServerCertificatePem, ServerKeyPem) = WritePair("server", Server);
        (ClientCertificatePem, ClientKeyPem) = WritePair("client", Client);
        (UntrustedClientCertificatePem, UntrustedClientKeyPem) = WritePair("rogue-client", UntrustedClient);
    }

    public X509Certificate2 Authority { get; }

    public X509Certificate2 Server { get; }

    public X509Certificate2 Client { get; }

    public X509Certificate2 UntrustedClient { get; }

    public string AuthorityPem { get; }

    public string ServerCertificatePem { get; }

    public string ServerKeyPem { get; }

    public string ClientCertificatePem { get; }

    public string ClientKeyPem { get; }

    public string UntrustedClientCertificatePem { get; }

    public string UntrustedClientKeyPem { get; }

    public X509Certificate2Collection Authorities => [Authority];

    /// <summary>
    /// Another certificate from the test CA, with a full subject (e.g. a structure's signature certificate
    /// "CN=..., OU=1920001237, O=..., C=FR"), written as PEM files.
    /// </summary>
    public (X509Certificate2 Certificate, string CertificatePem, string KeyPem) IssueNamed(string fileName, string subject, bool digitalSignatureOnly = true)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(digitalSignatureOnly ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation : X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Authority, true, false));
        var signer = X509SignatureGenerator.CreateForRSA(_caKey, RSASignaturePadding.Pkcs1);
        using var issued = request.Create(Authority.SubjectName, signer, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), RandomNumberGenerator.GetBytes(12));
        using var withKey = issued.CopyWithPrivateKey(key);
        var certificate = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
        var (pem, keyPem) = WritePair(fileName, certificate);
        return (certificate, pem, keyPem);
    }

    /// <summary>Server authentication, for certificates a server presents.</summary>
    public static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    /// <summary>Client authentication, for certificates a client presents.</summary>
    public static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    /// <summary>
    /// A certificate from the test CA with the given validity and extended key usages (none: no EKU extension), for
    /// localhost/127.0.0.1, with its private key; its PEM files are written beside the others.
    /// </summary>
    public (X509Certificate2 Certificate, string CertificatePem, string KeyPem) IssueCustom(string name, DateTimeOffset notBefore, DateTimeOffset notAfter, params Oid[] usages)
    {
        var certificate = Issue(Authority, _caKey, name, usages, notBefore, notAfter);
        var (pem, key) = WritePair(name, certificate);
        return (certificate, pem, key);
    }

    public void Dispose()
    {
        _caKey.Dispose();
        Authority.Dispose();
        Server.Dispose();
        Client.Dispose();
        UntrustedClient.Dispose();
        _directory.Dispose();
    }

    private static X509Certificate2 MakeAuthority(string name, RSA key)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, RSA authorityKey, string name, bool server) =>
        // 29 days: sgl warns that they expire soon (the service's tests show it); tests needing other dates issue their own.
        Issue(authority, authorityKey, name, [server ? ServerAuthentication : ClientAuthentication], DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29));

    private static X509Certificate2 Issue(X509Certificate2 authority, RSA authorityKey, string name, Oid[] usages, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        if (usages.Length > 0)
        {
            var collection = new OidCollection();
            foreach (var usage in usages)
            {
                collection.Add(usage);
            }

            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(collection, false));
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        if (name == "localhost" || usages.Any(u => u.Value == ServerAuthentication.Value) || name.StartsWith("server", StringComparison.Ordinal))
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        var signer = X509SignatureGenerator.CreateForRSA(authorityKey, RSASignaturePadding.Pkcs1);
        using var issued = request.Create(authority.SubjectName, signer, notBefore, notAfter, serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        // Round-trip through PKCS#12 so that the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }

    private (string Certificate, string Key) WritePair(string name, X509Certificate2 certificate)
    {
        using var key = certificate.GetRSAPrivateKey()!;
        return (Write(name + ".pem", certificate.ExportCertificatePem()), Write(name + ".key", key.ExportPkcs8PrivateKeyPem()));
    }

    private string Write(string name, string pem)
    {
        var path = _directory.File(name);
        File.WriteAllText(path, pem);
        return path;
    }
}
