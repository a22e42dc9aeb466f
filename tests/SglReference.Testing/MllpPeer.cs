using System.Text.Json;

namespace SglReference.Testing;

/// <summary>The real PFI stand-in (tests/tools/mllp-peer.mjs: Node TLS server, redox HL7 parser), with its arrival log.</summary>
public sealed class MllpPeer : IDisposable
{
    private readonly BackgroundProcess _process;
    private readonly List<JsonElement> _received = [];
    private int _connections;

    public MllpPeer(TestCertificates certificates, string directory, string script = "AA")
    {
        ExternalProcess.RequireNodeTools();
        _process = new BackgroundProcess("node",
            [Path.Combine(ExternalProcess.ToolsDirectory, "mllp-peer.mjs"), "--key", certificates.ServerKeyPem, "--cert", certificates.ServerCertificatePem,
             "--ca", certificates.AuthorityPem, "--out", directory, "--script", script, "--log-connections", "yes"], ExternalProcess.ToolsDirectory);
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
                Drain();
                return _received.Select(j => (j.GetProperty("msh10").GetString() ?? string.Empty, j.GetProperty("parseError").ValueKind == JsonValueKind.Null,
                    j.GetProperty("file").GetString()!)).ToList();
            }
        }
    }

    /// <summary>Connections the peer accepted so far (TLS handshakes completed, or TCP connections with --plain).</summary>
    public int Connections
    {
        get
        {
            lock (_received)
            {
                Drain();
                return _connections;
            }
        }
    }

    public void Dispose() => _process.Dispose();

    private void Drain()
    {
        foreach (var line in _process.DrainJson())
        {
            if (line.TryGetProperty("n", out _))
            {
                _received.Add(line);
            }
            else if (line.TryGetProperty("event", out var e) && e.GetString() == "connection")
            {
                _connections++;
            }
        }
    }
}
