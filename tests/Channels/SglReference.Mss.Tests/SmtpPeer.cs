using System.Text.Json;
using SglReference.Mss.Sending;
using SglReference.Testing;

namespace SglReference.Mss.Tests;

/// <summary>A real SMTP server process (tests/tools/smtp-peer.mjs, npm smtp-server) with TLS and client certificates.</summary>
internal sealed class SmtpPeer : IDisposable
{
    private readonly BackgroundProcess _process;
    private readonly List<JsonElement> _events = [];

    private SmtpPeer(BackgroundProcess process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public static SmtpPeer Start(TestCertificates certificates, string directory, bool implicitTls = false, int port = 0, params string[] extra)
    {
        ExternalProcess.RequireNodeTools();
        var arguments = new List<string>
        {
            Path.Combine(ExternalProcess.ToolsDirectory, "smtp-peer.mjs"),
            "--key", certificates.ServerKeyPem, "--cert", certificates.ServerCertificatePem, "--ca", certificates.AuthorityPem,
            "--out", directory, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (implicitTls)
        {
            arguments.Add("--implicit-tls");
        }

        arguments.AddRange(extra);
        var process = new BackgroundProcess("node", arguments, ExternalProcess.ToolsDirectory);
        var listening = process.NextJson(TimeSpan.FromSeconds(30));
        return new SmtpPeer(process, listening.GetProperty("port").GetInt32(), directory);
    }

    public SmtpOptions Options(TestCertificates certificates, bool implicitTls = false, bool untrustedClient = false) => new(
        "127.0.0.1", Port, implicitTls ? SmtpSecurity.ImplicitTls : SmtpSecurity.StartTls,
        untrustedClient ? certificates.UntrustedClient : certificates.Client, certificates.Authorities, "localhost", Timeout: TimeSpan.FromSeconds(20));

    /// <summary>Every event so far (secure, message, refused...).</summary>
    public IReadOnlyList<JsonElement> Events
    {
        get
        {
            _events.AddRange(_process.DrainJson());
            return _events;
        }
    }

    public IReadOnlyList<JsonElement> Messages => Events.Where(e => e.GetProperty("event").GetString() == "message").ToList();

    public void Dispose() => _process.Dispose();
}
