using System.Text;

namespace SglReference.Testing;

/// <summary>The real MSSanté operator stand-in (tests/tools/smtp-peer.mjs: npm smtp-server with STARTTLS and client certificates).</summary>
public sealed class SmtpPeer : IDisposable
{
    private readonly BackgroundProcess _process;
    private readonly List<(string MessageId, string File)> _messages = [];
    private int _sessions;

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
                Drain();
                return _messages.ToList();
            }
        }
    }

    /// <summary>TLS sessions the server set up so far (STARTTLS or implicit TLS completed, client certificate checked).</summary>
    public int Sessions
    {
        get
        {
            lock (_messages)
            {
                Drain();
                return _sessions;
            }
        }
    }

    private void Drain()
    {
        foreach (var e in _process.DrainJson())
        {
            switch (e.GetProperty("event").GetString())
            {
                case "message":
                    var file = e.GetProperty("file").GetString()!;
                    _messages.Add((MessageIdOf(file), file));
                    break;
                case "secure":
                    _sessions++;
                    break;
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
