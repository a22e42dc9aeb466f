using System.Text.Json.Nodes;
using SglReference.Hosting;

namespace SglReference.Testing;

/// <summary>
/// What a DMP test needs besides the double: the structures' signature certificates (OU = 1 + FINESS of each fixture
/// site) from the test CA, the authentication certificate (the test client, distinct), and the "dmp" configuration
/// pointing at an endpoint, as a file and as a <see cref="SglConfiguration"/>.
/// </summary>
public sealed class DmpTestKit
{
    private DmpTestKit(string configurationPath, SglConfiguration configuration, IReadOnlyList<string> signingCertificates)
    {
        ConfigurationPath = configurationPath;
        Configuration = configuration;
        SigningCertificates = signingCertificates;
    }

    /// <summary>The configuration file.</summary>
    public string ConfigurationPath { get; }

    /// <summary>The configuration (one object, so that RenderCache builds its engine once).</summary>
    public SglConfiguration Configuration { get; }

    /// <summary>The PEM signature certificates, one per structure.</summary>
    public IReadOnlyList<string> SigningCertificates { get; }

    public static DmpTestKit Create(TestCertificates certificates, Uri endpoint, string directory, string digest = "sha1", Action<JsonObject>? edit = null)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(endpoint);
        Directory.CreateDirectory(directory);
        var signatures = new JsonArray();
        var pems = new List<string>();
        foreach (var structure in DmpPeer.Structures)
        {
            var (_, pem, key) = certificates.IssueNamed("sign-" + structure + "-" + Guid.NewGuid().ToString("N")[..6],
                $"CN=Signature LBM {structure}, OU={structure}, O=Laboratoire de biologie medicale, C=FR");
            signatures.Add(new JsonObject { ["path"] = pem, ["key"] = key });
            pems.Add(pem);
        }

        var dmp = new JsonObject
        {
            ["endpoint"] = endpoint.AbsoluteUri.TrimEnd('/'),
            ["signatureCertificates"] = signatures,
            ["authenticationCertificate"] = new JsonObject { ["path"] = certificates.ClientCertificatePem, ["key"] = certificates.ClientKeyPem },
            ["trustedAuthorities"] = certificates.AuthorityPem,
            ["lps"] = new JsonObject { ["id"] = "1.2.250.1.999.77.1", ["name"] = "SglReference", ["version"] = "0.1.0", ["homologation"] = "SGL-TEST-0001" },
            ["digest"] = digest,
            ["timeoutSeconds"] = 5,
            ["attempts"] = 4,
            ["backoffSeconds"] = 0.05,
        };
        edit?.Invoke(dmp);
        var path = Path.Combine(directory, "sgl-dmp-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        File.WriteAllText(path, new JsonObject { ["dmp"] = dmp }.ToJsonString());
        return new DmpTestKit(path, SglConfiguration.Load(path), pems);
    }
}
