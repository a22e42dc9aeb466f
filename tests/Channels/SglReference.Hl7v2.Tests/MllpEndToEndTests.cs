using SglReference.Transport;
using System.Net;
using System.Text.Json;
using SglReference.Hl7v2.Acknowledgements;
using SglReference.Hl7v2.Codec;
using SglReference.Hl7v2.Mllp;
using SglReference.Testing;

namespace SglReference.Hl7v2.Tests;

/// <summary>
/// Over real TCP with TLS and certificates on both ends: our client against a Node MLLP peer that is not our code
/// (tests/tools/mllp-peer.mjs), and our listener receiving the official ZAM files from a Node sender
/// (tests/tools/mllp-send.mjs). Certificates are made at test time.
/// </summary>
[Trait("Needs", "server")]
public sealed class MllpEndToEndTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly TestCertificates _certificates = new();
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public MllpEndToEndTests() => ExternalProcess.RequireNodeTools();

    public void Dispose()
    {
        _certificates.Dispose();
        _temp.Dispose();
    }

    private BackgroundProcess StartPeer(string script, out int port, bool plain = false)
    {
        var arguments = new List<string>
        {
            Path.Combine(ExternalProcess.ToolsDirectory, "mllp-peer.mjs"),
            "--key", _certificates.ServerKeyPem, "--cert", _certificates.ServerCertificatePem, "--ca", _certificates.AuthorityPem,
            "--out", _temp.File("peer-" + Guid.NewGuid().ToString("N")), "--script", script,
        };
        if (plain)
        {
            arguments.Add("--plain");
        }

        var peer = new BackgroundProcess("node", arguments, ExternalProcess.ToolsDirectory);
        port = peer.NextJson(Wait).GetProperty("port").GetInt32();
        return peer;
    }

    private MllpClientOptions Options(int port, TlsOptions? tls = null) => new(
        "127.0.0.1", port, tls ?? new TlsOptions(_certificates.Client, _certificates.Authorities, "localhost"),
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), 3, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));

    private static byte[] Oru(string fixture) => RenderedOru.Messages(fixture)[0].Bytes();

    [Fact]
    public async Task Aa_ae_and_ar_give_success_permanent_failure_and_retried_success()
    {
        using var peer = StartPeer("AA,AE,AR,AA", out var port);
        var client = new MllpClient(Options(port));

        var thyroid = Oru("thyroid");
        var delivered = await client.SendAsync(thyroid);
        Assert.Equal(SendStatus.Delivered, delivered.Status);
        Assert.Single(delivered.Attempts);
        var first = peer.NextJson(Wait);
        Assert.True(first.GetProperty("authorized").GetBoolean(), "the peer authenticated our client certificate");
        Assert.Equal("sgl-test-client", first.GetProperty("clientCertificateSubject").GetString());
        Assert.Equal("ORU^R01^ORU_R01", first.GetProperty("msh9").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("parseError").ValueKind);
        Assert.Equal(thyroid, await File.ReadAllBytesAsync(first.GetProperty("file").GetString()!));

        var refused = await client.SendAsync(Oru("biochemistry"));
        Assert.Equal(SendStatus.Refused, refused.Status);
        Assert.Single(refused.Attempts); // AE is never retried
        Assert.Equal(ConsumerError.InsIncomplete, Assert.Single(refused.Acknowledgement!.Errors).Consumer);
        Assert.Contains("905", refused.Describe(), StringComparison.Ordinal);

        var retried = await client.SendAsync(Oru("serology"));
        Assert.Equal(SendStatus.Delivered, retried.Status);
        Assert.Equal(["AR", "AA"], retried.Attempts.Select(a => a.Outcome));
        var received = new[] { peer.NextJson(Wait), peer.NextJson(Wait), peer.NextJson(Wait) };
        Assert.Equal(["AE", "AR", "AA"], received.Select(r => r.GetProperty("action").GetString()));
        Assert.Equal(received[1].GetProperty("msh10").GetString(), received[2].GetProperty("msh10").GetString()); // the same message again
    }

    [Fact]
    public async Task Connection_loss_and_ack_timeout_are_retried_then_reported()
    {
        using (var peer = StartPeer("CLOSE,AA", out var port))
        {
            var outcome = await new MllpClient(Options(port)).SendAsync(Oru("thyroid"));
            Assert.Equal(SendStatus.Delivered, outcome.Status);
            Assert.StartsWith("connection:", outcome.Attempts[0].Outcome, StringComparison.Ordinal);
            Assert.Equal("AA", outcome.Attempts[1].Outcome);
        }

        using (var silent = StartPeer("SILENT", out var port))
        {
            var options = Options(port) with { AckTimeout = TimeSpan.FromMilliseconds(700) };
            var outcome = await new MllpClient(options).SendAsync(Oru("thyroid"));
            Assert.Equal(SendStatus.Failed, outcome.Status);
            Assert.Equal(3, outcome.Attempts.Count);
            Assert.All(outcome.Attempts, a => Assert.StartsWith("timeout:", a.Outcome, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_server_down_is_retried_and_an_untrusted_certificate_fails_at_once()
    {
        var freePort = Network.FreePort();

        var down = await new MllpClient(Options(freePort)).SendAsync(Oru("thyroid"));
        Assert.Equal(SendStatus.Failed, down.Status);
        Assert.Equal(3, down.Attempts.Count);

        using var peer = StartPeer("AA", out var port);
        var rogue = new TlsOptions(_certificates.UntrustedClient, _certificates.Authorities, "localhost");
        var refused = await new MllpClient(Options(port, rogue)).SendAsync(Oru("thyroid"));
        Assert.Equal(SendStatus.Failed, refused.Status);
        Assert.DoesNotContain(refused.Attempts, a => a.Outcome == "AA");

        // Our client refuses a server whose certificate does not chain to the configured authorities.
        var wrongTrust = new TlsOptions(_certificates.Client, [_certificates.UntrustedClient], "localhost");
        var untrusted = await new MllpClient(Options(port, wrongTrust)).SendAsync(Oru("thyroid"));
        Assert.Equal(SendStatus.Failed, untrusted.Status);
        Assert.Single(untrusted.Attempts);
        Assert.StartsWith("tls:", untrusted.Attempts[0].Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Our_listener_acknowledges_the_official_zam_files_sent_by_an_independent_client()
    {
        var received = new List<BusinessAcknowledgement>();
        var receiver = new BusinessAckReceiver((ack, _) =>
        {
            lock (received)
            {
                received.Add(ack);
            }

            return ValueTask.CompletedTask;
        }, FixedTime.Default);
        var tls = new TlsOptions(_certificates.Server, _certificates.Authorities);
        await using var listener = MllpListener.Start(new MllpListenerOptions(new IPEndPoint(IPAddress.Loopback, 0), tls, true, TimeSpan.FromSeconds(30)), receiver);
        var files = new[] { "oru-v2.1-init/Message metier reception DMP", "oru-v2.1-init/Message metier lecture MSS" }.Select(RenderedOru.OfficialPath).ToList();
        var result = ExternalProcess.Run("node",
            [Path.Combine(ExternalProcess.ToolsDirectory, "mllp-send.mjs"), "--host", "127.0.0.1", "--port", listener.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--key", _certificates.ClientKeyPem, "--cert", _certificates.ClientCertificatePem, "--ca", _certificates.AuthorityPem, .. files],
            ExternalProcess.ToolsDirectory, TimeSpan.FromMinutes(1));
        Assert.True(result.ExitCode == 0, result.All);
        var acks = JsonDocument.Parse(result.StandardOutput).RootElement.EnumerateArray().Select(e => e.GetProperty("ack")).ToList();
        Assert.Equal(["ACK^Z01^ACK", "ACK^Z03^ACK"], acks.Select(a => a.GetProperty("msh9").GetString()));
        Assert.All(acks, a => Assert.Equal("2.6", a.GetProperty("msh12").GetString()));
        Assert.All(acks, a => Assert.Equal("AA", a.GetProperty("msa1").GetString()));
        Assert.Equal(["017", "019"], acks.Select(a => a.GetProperty("msa2").GetString()));

        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.Equal("015", r.CorrelationId));
        var dmp = received.Single(r => r.Kind == BusinessAckKind.DmpReception);
        Assert.False(dmp.Success);
        Assert.Equal("DMPClosed", dmp.Error!.ApplicationCode);
        Assert.True(received.Single(r => r.Kind == BusinessAckKind.MssRead).Success);
    }

    [Fact]
    public async Task The_listener_refuses_clients_without_a_trusted_certificate_and_answers_ae_to_what_is_not_a_zam()
    {
        var receiver = new BusinessAckReceiver((_, _) => ValueTask.CompletedTask, FixedTime.Default);
        var tls = new TlsOptions(_certificates.Server, _certificates.Authorities);
        await using var listener = MllpListener.Start(new MllpListenerOptions(new IPEndPoint(IPAddress.Loopback, 0), tls, true, TimeSpan.FromSeconds(30)), receiver);
        var rogue = ExternalProcess.Run("node",
            [Path.Combine(ExternalProcess.ToolsDirectory, "mllp-send.mjs"), "--host", "127.0.0.1", "--port", listener.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--key", _certificates.UntrustedClientKeyPem, "--cert", _certificates.UntrustedClientCertificatePem, "--ca", _certificates.AuthorityPem,
             RenderedOru.OfficialPath("oru-v2.1-init/Message metier lecture MSS")],
            ExternalProcess.ToolsDirectory, TimeSpan.FromMinutes(1));
        Assert.NotEqual(0, rogue.ExitCode);

        // An ORU sent to the ZAM listener: AE 200, through our own client (plain TLS check already covered above).
        var client = new MllpClient(Options(listener.Port) with { MaxAttempts = 1 });
        var outcome = await client.SendAsync(Oru("thyroid"));
        Assert.Equal(SendStatus.Refused, outcome.Status);
        Assert.Equal("200", Assert.Single(outcome.Acknowledgement!.Errors).Condition);
    }

    [Fact]
    public async Task A_failing_recorder_makes_the_listener_answer_ar_so_the_pfi_sends_again()
    {
        var receiver = new BusinessAckReceiver((_, _) => throw new IOException("disk full"), FixedTime.Default);
        await using var listener = MllpListener.Start(new MllpListenerOptions(new IPEndPoint(IPAddress.Loopback, 0), null, false, TimeSpan.FromSeconds(30)), receiver);
        var zam = await File.ReadAllBytesAsync(RenderedOru.OfficialPath("oru-v2.1-init/Message metier reception DMP"));
        var client = new MllpClient(Options(listener.Port) with { Tls = null, MaxAttempts = 2 });
        var outcome = await client.SendAsync(zam);
        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Equal(["AR", "AR"], outcome.Attempts.Select(a => a.Outcome));
        Assert.Equal("207", Assert.Single(outcome.Acknowledgement!.Errors).Condition);
    }
}
