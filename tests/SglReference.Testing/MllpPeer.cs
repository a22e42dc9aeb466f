using System.Text.Json;

namespace SglReference.Testing;

/// <summary>The real PFI stand-in (tests/tools/mllp-peer.mjs: Node TLS server, redox HL7 parser), with its arrival log.</summary>
public sealed class MllpPeer : IDisposable
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
