using System.Globalization;
using System.Text;
using System.Text.Json;
using SglReference.Testing;

namespace SglReference.Server.Tests;

/// <summary>The real PFI stand-in (tests/tools/mllp-peer.mjs: Node TLS server, redox HL7 parser), with its arrival log.</summary>
internal sealed class MllpPeer : IDisposable
{
    private readonly BackgroundProcess _process;
    private readonly List<JsonElement> _received = [];

    public MllpPeer(TestCertificates certificates, string directory, string script = "AA")
    {
        ExternalProcess.RequireNodeTools();
        _process = new BackgroundProcess("node",
            [Path.Combine(ExternalProcess.ToolsDirectory, "mllp-peer.mjs"), "--key", certificates.ServerKeyPem, "--cert", certificates.ServerCertificatePem,
             "--ca", certificates.AuthorityPem, "--out", directory, "--script", script], ExternalProcess.ToolsDirectory);
        Port = _process.NextJson(TimeSpan.FromSeconds(30)).GetProperty("port").GetInt32();
    }

    public int Port { get; }

    /// <summary>Every message received so far, in arrival order: its MSH-10 and whether the peer could parse it.</summary>
    public IReadOnlyList<(string ControlId, bool Parsed, string File)> Received
    {
        get
        {
            lock (_received)
            {
                _received.AddRange(_process.DrainJson().Where(j => j.TryGetProperty("n", out _)));
                return _received.Select(j => (j.GetProperty("msh10").GetString() ?? string.Empty, j.GetProperty("parseError").ValueKind == JsonValueKind.Null,
                    j.GetProperty("file").GetString()!)).ToList();
            }
        }
    }

    public void Dispose() => _process.Dispose();
}

/// <summary>The real MSSanté operator stand-in (tests/tools/smtp-peer.mjs: npm smtp-server with STARTTLS and client certificates).</summary>
internal sealed class SmtpPeer : IDisposable
{
    private readonly BackgroundProcess _process;
    private readonly List<(string MessageId, string File)> _messages = [];

    public SmtpPeer(TestCertificates certificates, string directory, params string[] extra)
    {
        ExternalProcess.RequireNodeTools();
        _process = new BackgroundProcess("node",
            [Path.Combine(ExternalProcess.ToolsDirectory, "smtp-peer.mjs"), "--key", certificates.ServerKeyPem, "--cert", certificates.ServerCertificatePem,
             "--ca", certificates.AuthorityPem, "--out", directory, "--port", "0", .. extra], ExternalProcess.ToolsDirectory);
        Port = _process.NextJson(TimeSpan.FromSeconds(30)).GetProperty("port").GetInt32();
    }

    public int Port { get; }

    /// <summary>Every message accepted so far, in arrival order, with the Message-ID read from the file the server wrote.</summary>
    public IReadOnlyList<(string MessageId, string File)> Messages
    {
        get
        {
            lock (_messages)
            {
                foreach (var e in _process.DrainJson().Where(j => j.GetProperty("event").GetString() == "message"))
                {
                    var file = e.GetProperty("file").GetString()!;
                    _messages.Add((MessageIdOf(file), file));
                }

                return _messages.ToList();
            }
        }
    }

    private static string MessageIdOf(string file)
    {
        foreach (var line in File.ReadLines(file, Encoding.UTF8))
        {
            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))
            {
                return line["Message-ID:".Length..].Trim().Trim('<', '>');
            }
        }

        return string.Empty;
    }

    public void Dispose() => _process.Dispose();
}

/// <summary>Writes the test's configuration file (peers, certificates, fast retry policy, API key).</summary>
internal static class TestConfig
{
    public const string Key = "test-key-lab-0123456789";

    public static string Write(string path, TestCertificates certificates, int? mllpPort, int? smtpPort, string? database = null, int? listenerPort = null,
        int maxAttempts = 6, double leaseSeconds = 6, int workers = 2, IReadOnlyDictionary<string, object?>? sections = null)
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

        var root = new Dictionary<string, object?> { ["server"] = server };
        foreach (var (name, value) in sections ?? new Dictionary<string, object?>())
        {
            root[name] = value;
        }

        File.WriteAllText(path, JsonSerializer.Serialize(root));
        return path;
    }

    public static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
