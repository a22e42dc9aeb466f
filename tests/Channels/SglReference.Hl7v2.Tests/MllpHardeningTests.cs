using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SglReference.Hl7v2.Acknowledgements;
using SglReference.Hl7v2.Mllp;
using SglReference.Testing;
using SglReference.Transport;

namespace SglReference.Hl7v2.Tests;

/// <summary>
/// Faults an MLLP peer can inflict (issue 11), over real sockets: the Node peer and sender of tests/tools for protocol
/// faults and certificates, raw TCP clients for connection floods and oversized frames.
/// </summary>
[Trait("Needs", "node")]
public sealed class MllpHardeningTests(TestCertificates certificates) : IClassFixture<TestCertificates>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public void Dispose() => _temp.Dispose();

    private BackgroundProcess StartPeer(string script, out int port, string? serverCertificate = null, string? serverKey = null)
    {
        ExternalProcess.RequireNodeTools();
        var peer = new BackgroundProcess("node",
            [Path.Combine(ExternalProcess.ToolsDirectory, "mllp-peer.mjs"), "--key", serverKey ?? certificates.ServerKeyPem, "--cert", serverCertificate ?? certificates.ServerCertificatePem,
             "--ca", certificates.AuthorityPem, "--out", _temp.File("peer-" + Guid.NewGuid().ToString("N")), "--script", script], ExternalProcess.ToolsDirectory);
        port = peer.NextJson(Wait).GetProperty("port").GetInt32();
        return peer;
    }

    private MllpClientOptions Options(int port, TlsOptions? tls = null) => new(
        "127.0.0.1", port, tls ?? new TlsOptions(certificates.Client, certificates.Authorities, "localhost"),
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), 3, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));

    private static byte[] Oru(string fixture) => RenderedOru.Messages(fixture)[0].Bytes();

    private static BusinessAckReceiver Receiver(List<BusinessAcknowledgement>? received = null) => new((ack, _) =>
    {
        if (received is not null)
        {
            lock (received)
            {
                received.Add(ack);
            }
        }

        return ValueTask.CompletedTask;
    }, FixedTime.Default);

    private static byte[] Zam(string controlId = "017") =>
        Encoding.UTF8.GetBytes(File.ReadAllText(RenderedOru.OfficialPath("oru-v2.1-init/Message metier reception DMP"), Encoding.UTF8).Replace("|017|", $"|{controlId}|", StringComparison.Ordinal));

    [Fact]
    public async Task An_ack_whose_end_block_lacks_the_trailing_cr_is_read_at_once_and_not_resent()
    {
        using var peer = StartPeer("NOCR", out var port);
        var outcome = await new MllpClient(Options(port)).SendAsync(Oru("thyroid"));
        Assert.Equal(SendStatus.Delivered, outcome.Status);
        Assert.Equal(["AA"], outcome.Attempts.Select(a => a.Outcome));
        Assert.True(outcome.Attempts[0].Duration < TimeSpan.FromSeconds(5), "answered before the ACK timeout");
        peer.NextJson(Wait);
        Assert.Empty(peer.DrainJson()); // sent once
    }

    [Fact]
    public async Task Ca_a_message_that_is_not_an_ack_and_an_ack_of_another_message_are_not_a_delivery_and_not_resent()
    {
        using var peer = StartPeer("CA,NOTACK,WRONGID", out var port);
        var client = new MllpClient(Options(port));
        foreach (var expected in new[] { "MSA-1 CA is an enhanced-mode acknowledgement", "answered a ORU^R01^ORU_R01 message, not an ACK", "the acknowledgement is for message \"OTHER" })
        {
            var outcome = await client.SendAsync(Oru("thyroid"));
            Assert.Equal(SendStatus.Failed, outcome.Status);
            var attempt = Assert.Single(outcome.Attempts); // never sent again: the peer may hold it
            Assert.Contains(expected, attempt.Outcome, StringComparison.Ordinal);
            Assert.StartsWith("ack: ", attempt.Outcome, StringComparison.Ordinal);
        }

        Assert.Equal(3, new[] { peer.NextJson(Wait), peer.NextJson(Wait), peer.NextJson(Wait) }.Length);
        Assert.Empty(peer.DrainJson());
    }

    [Fact]
    public async Task A_zam_framed_without_the_trailing_cr_is_acknowledged()
    {
        var received = new List<BusinessAcknowledgement>();
        var tls = new TlsOptions(certificates.Server, certificates.Authorities);
        await using var listener = MllpListener.Start(new MllpListenerOptions(new IPEndPoint(IPAddress.Loopback, 0), tls, true, TimeSpan.FromSeconds(30)), Receiver(received));
        var file = _temp.File("zam.hl7");
        await File.WriteAllBytesAsync(file, Zam());
        var result = ExternalProcess.Run("node",
            [Path.Combine(ExternalProcess.ToolsDirectory, "mllp-send.mjs"), "--host", "127.0.0.1", "--port", listener.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--key", certificates.ClientKeyPem, "--cert", certificates.ClientCertificatePem, "--ca", certificates.AuthorityPem, "--no-cr", "--timeout", "5", file],
            ExternalProcess.ToolsDirectory, TimeSpan.FromMinutes(1));
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal("AA", JsonDocument.Parse(result.StandardOutput).RootElement[0].GetProperty("ack").GetProperty("msa1").GetString());
        Assert.Single(received);
    }

    [Fact]
    public async Task The_listener_serves_at_most_its_connection_limit_and_serves_again_when_one_closes()
    {
        await using var listener = MllpListener.Start(new MllpListenerOptions(new IPEndPoint(IPAddress.Loopback, 0), null, false, TimeSpan.FromSeconds(30), MaxConnections: 2), Receiver());
        using var first = await Connect(listener.Port);
        using var second = await Connect(listener.Port);
        await WaitUntil(() => listener.ActiveConnections == 2);

        // The third is closed as soon as accepted (reset): the connect or the first read fails, nothing is answered.
        try
        {
            using var third = await Connect(listener.Port);
            Assert.Equal(0, await ReadOrReset(third));
        }
        catch (SocketException)
        {
        }

        await WaitUntil(() => listener.RefusedConnections == 1);

        Assert.Equal(1, listener.RefusedConnections);
        Assert.Equal("AA", await Exchange(first, Zam("101")));
        first.Dispose();
        await WaitUntil(() => listener.ActiveConnections == 1);
        using var fourth = await Connect(listener.Port);
        Assert.Equal("AA", await Exchange(fourth, Zam("102")));
        Assert.Equal(1, listener.RefusedConnections);
    }

    [Fact]
    public async Task A_frame_over_the_size_limit_closes_its_connection_and_the_listener_serves_the_next()
    {
        await using var listener = MllpListener.Start(new MllpListenerOptions(new IPEndPoint(IPAddress.Loopback, 0), null, false, TimeSpan.FromSeconds(30), MaxFrameBytes: 64 * 1024), Receiver());
        using (var flood = await Connect(listener.Port))
        {
            var stream = flood.GetStream();
            var chunk = new byte[64 * 1024];
            chunk.AsSpan().Fill((byte)'A');
            chunk[0] = MllpFraming.StartBlock;
            var sent = 0L;
            try
            {
                // 60 MB without an end block: the listener must close long before.
                for (var i = 0; i < 960; i++)
                {
                    await stream.WriteAsync(chunk);
                    sent += chunk.Length;
                }
            }
            catch (IOException)
            {
            }

            Assert.True(sent < 60L * 1024 * 1024, $"the listener took {sent} bytes of one frame");
        }

        await WaitUntil(() => listener.RejectedFrames == 1);
        using var next = await Connect(listener.Port);
        Assert.Equal("AA", await Exchange(next, Zam()));
    }

    [Fact]
    public async Task A_server_certificate_not_issued_for_server_authentication_is_refused_even_with_our_authorities()
    {
        var (_, pem, key) = certificates.IssueCustom("server-client-eku", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(20), TestCertificates.ClientAuthentication);
        using var peer = StartPeer("AA", out var port, pem, key);
        var outcome = await new MllpClient(Options(port)).SendAsync(Oru("thyroid"));
        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.StartsWith("tls:", Assert.Single(outcome.Attempts).Outcome, StringComparison.Ordinal);
        Assert.DoesNotContain(peer.DrainJson(), e => e.TryGetProperty("msh10", out _));
    }

    [Fact]
    public async Task The_listener_refuses_a_client_certificate_not_issued_for_client_authentication()
    {
        var (_, pem, key) = certificates.IssueCustom("client-server-eku", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(20), TestCertificates.ServerAuthentication);
        var received = new List<BusinessAcknowledgement>();
        var tls = new TlsOptions(certificates.Server, certificates.Authorities);
        await using var listener = MllpListener.Start(new MllpListenerOptions(new IPEndPoint(IPAddress.Loopback, 0), tls, true, TimeSpan.FromSeconds(30)), Receiver(received));
        var file = _temp.File("zam.hl7");
        await File.WriteAllBytesAsync(file, Zam());
        var result = ExternalProcess.Run("node",
            [Path.Combine(ExternalProcess.ToolsDirectory, "mllp-send.mjs"), "--host", "127.0.0.1", "--port", listener.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--key", key, "--cert", pem, "--ca", certificates.AuthorityPem, "--timeout", "5", file],
            ExternalProcess.ToolsDirectory, TimeSpan.FromMinutes(1));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(received);
        Assert.Equal(1, listener.RejectedHandshakes);
    }

    [Theory]
    [InlineData("expired", "it expired on")]
    [InlineData("not yet valid", "it is not valid before")]
    [InlineData("server only", "not a client certificate")]
    public async Task Our_unusable_client_certificate_is_refused_before_connecting_and_not_retried(string kind, string reason)
    {
        var now = DateTimeOffset.UtcNow;
        var (certificate, _, _) = kind switch
        {
            "expired" => certificates.IssueCustom("bal-expired", now.AddDays(-400), now.AddDays(-1), TestCertificates.ClientAuthentication),
            "not yet valid" => certificates.IssueCustom("bal-future", now.AddDays(2), now.AddDays(400), TestCertificates.ClientAuthentication),
            _ => certificates.IssueCustom("bal-server-eku", now.AddDays(-1), now.AddDays(20), TestCertificates.ServerAuthentication),
        };
        using var peer = StartPeer("AA", out var port);
        var outcome = await new MllpClient(Options(port, new TlsOptions(certificate, certificates.Authorities, "localhost"))).SendAsync(Oru("thyroid"));
        Assert.Equal(SendStatus.Failed, outcome.Status);
        var attempt = Assert.Single(outcome.Attempts);
        Assert.StartsWith("certificate: our certificate CN=bal-", attempt.Outcome, StringComparison.Ordinal);
        Assert.Contains(reason, attempt.Outcome, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Empty(peer.DrainJson()); // no connection at all: no TLS error, no message
    }

    [Fact]
    public async Task A_client_certificate_the_peer_refuses_is_named_as_the_likely_cause()
    {
        using var peer = StartPeer("AA", out var port);
        var rogue = new TlsOptions(certificates.UntrustedClient, certificates.Authorities, "localhost");
        var outcome = await new MllpClient(Options(port, rogue)).SendAsync(Oru("thyroid"));
        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.All(outcome.Attempts, a => Assert.True(
            a.Outcome.StartsWith("tls:", StringComparison.Ordinal) || a.Outcome.Contains("it may not accept our client certificate", StringComparison.Ordinal), a.Outcome));
    }

    [Fact]
    public void The_listener_refuses_to_start_with_an_expired_server_certificate()
    {
        var (expired, _, _) = certificates.IssueCustom("localhost", DateTimeOffset.UtcNow.AddDays(-400), DateTimeOffset.UtcNow.AddDays(-1), TestCertificates.ServerAuthentication);
        var options = new MllpListenerOptions(new IPEndPoint(IPAddress.Loopback, 0), new TlsOptions(expired, certificates.Authorities), true, TimeSpan.FromSeconds(30));
        var error = Assert.Throws<InvalidOperationException>(() => MllpListener.Start(options, Receiver()));
        Assert.StartsWith("our certificate CN=localhost cannot be used: it expired on", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mllp.backoff")]
    [InlineData("mllp.ackTimeout")]
    [InlineData("mllp.connectTimeout")]
    [InlineData("mllp.attempts")]
    public void Client_options_that_would_hang_or_overflow_are_refused(string setting)
    {
        var options = MllpClientOptions.For("127.0.0.1", 2575, null);
        options = setting switch
        {
            "mllp.backoff" => options with { InitialBackoff = TimeSpan.FromMilliseconds(-1) }, // Task.Delay: forever
            "mllp.ackTimeout" => options with { AckTimeout = Timeout.InfiniteTimeSpan },
            "mllp.connectTimeout" => options with { ConnectTimeout = TimeSpan.FromDays(100) },
            _ => options with { MaxAttempts = 0 },
        };
        var error = Assert.Throws<Domain.Validation.InvalidSettingException>(() => new MllpClient(options));
        Assert.Equal(setting, error.Setting);
    }

    private static async Task<TcpClient> Connect(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        return client;
    }

    private static async Task<int> ReadOrReset(TcpClient client)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Wait);
            return await client.GetStream().ReadAsync(new byte[16], timeout.Token);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static async Task<string> Exchange(TcpClient client, byte[] message)
    {
        var stream = client.GetStream();
        await MllpFraming.WriteAsync(stream, message, CancellationToken.None);
        using var timeout = new CancellationTokenSource(Wait);
        var reply = await new MllpFraming(stream).ReadAsync(timeout.Token) ?? throw new IOException("closed without an answer");
        return AcknowledgementParser.Parse(Codec.Hl7Parser.Parse(reply)).RawCode;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached");
            await Task.Delay(20);
        }
    }
}
