using System.Globalization;
using System.Text;
using System.Text.Json;
using SglReference.Testing;

namespace SglReference.Server.Tests;

/// <summary>Writes the test's configuration file (peers, certificates, fast retry policy, API key).</summary>
internal static class TestConfig
{
    public const string Key = "test-key-lab-0123456789";

    public static string Write(string path, TestCertificates certificates, int? mllpPort, int? smtpPort, string? database = null, int? listenerPort = null,
        int maxAttempts = 6, double leaseSeconds = 6, int workers = 2, DmpTestKit? dmp = null, IReadOnlyDictionary<string, object?>? sections = null)
    {
        var tls = new Dictionary<string, object?>
        {
            ["certificate"] = certificates.ClientCertificatePem, ["key"] = certificates.ClientKeyPem, ["authorities"] = certificates.AuthorityPem, ["peerName"] = "localhost",
        };
        var server = new Dictionary<string, object?>
        {
            ["apiKeys"] = new[] { new Dictionary<string, object?> { ["name"] = "lab-test", ["key"] = Key, ["laboratory"] = null } },
            ["workers"] = workers,
            ["renderLeaseSeconds"] = leaseSeconds,
            ["shutdownTimeoutSeconds"] = 20,
            ["delivery"] = new Dictionary<string, object?>
            {
                ["maxAttempts"] = maxAttempts, ["initialBackoffSeconds"] = 0.2, ["maxBackoffSeconds"] = 1.0, ["jitter"] = 0.2, ["concurrency"] = 4,
                ["leaseSeconds"] = leaseSeconds, ["pollMilliseconds"] = 150,
            },
            ["database"] = database,
        };
        if (mllpPort is { } mllp)
        {
            server["hl7"] = new Dictionary<string, object?>(tls) { ["host"] = "127.0.0.1", ["port"] = mllp, ["ackTimeoutSeconds"] = 10, ["connectTimeoutSeconds"] = 5 };
        }

        if (smtpPort is { } smtp)
        {
            server["mss"] = new Dictionary<string, object?>(tls) { ["host"] = "127.0.0.1", ["port"] = smtp, ["timeoutSeconds"] = 20 };
        }

        if (listenerPort is { } listener)
        {
            server["listener"] = new Dictionary<string, object?>
            {
                ["bind"] = "127.0.0.1", ["port"] = listener, ["certificate"] = certificates.ServerCertificatePem, ["key"] = certificates.ServerKeyPem, ["authorities"] = certificates.AuthorityPem,
            };
        }

        var file = new Dictionary<string, object?> { ["server"] = server };
        if (dmp is not null)
        {
            // The kit's "dmp" section as it wrote it (absolute paths to the test CA's certificates).
            file["dmp"] = JsonDocument.Parse(File.ReadAllBytes(dmp.ConfigurationPath)).RootElement.GetProperty("dmp").Clone();
        }

        foreach (var (name, value) in sections ?? new Dictionary<string, object?>())
        {
            file[name] = value;
        }

        File.WriteAllText(path, JsonSerializer.Serialize(file));
        return path;
    }

    public static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
