using SglReference.Channels;
using SglReference.Testing;

namespace SglReference.Dmp.Tests;

/// <summary>A DMP double that only offers a cipher suite outside PDT-INF-579v4's LPS list.</summary>
public sealed class OutsideSuitesServer : IDisposable
{
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public OutsideSuitesServer()
    {
        Certificates = new TestCertificates();
        Peer = DmpPeer.Start(Certificates, _temp.File("requests"), "--cipher", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");
        Kit = DmpTestKit.Create(Certificates, Peer.Endpoint, _temp.File("config"));
    }

    public TestCertificates Certificates { get; }

    public DmpPeer Peer { get; }

    public DmpTestKit Kit { get; }

    public void Dispose()
    {
        Peer.Dispose();
        Certificates.Dispose();
        _temp.Dispose();
    }
}

[Trait("Needs", "server")]
public sealed class DmpTlsTests(OutsideSuitesServer server) : IClassFixture<OutsideSuitesServer>
{
    [Fact]
    public async Task A_server_offering_only_a_suite_outside_PDT_INF_579_is_not_reached()
    {
        var package = RenderCache.Render(Repo.Load("thyroid"), server.Kit.Configuration);
        using var client = new Sending.DmpClient(server.Kit.Configuration.Dmp!.Load() with { Attempts = 1 });
        var outcome = await client.SendAsync(Soap.DmpHttpRequest.Parse(package.Messages.Single(m => m.Channel == "dmp").Content.Span));
        Assert.Equal((DeliveryStatus.Transient, "connection"), (outcome.Status, outcome.Code));
        Assert.Empty(server.Peer.Log());

        // Control: a TLS 1.2 client with the platform's default suites does reach it, with that suite.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(System.Net.IPAddress.Loopback, server.Peer.Port);
        using var tls = new System.Net.Security.SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new System.Net.Security.SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            EnabledSslProtocols = System.Security.Authentication.SslProtocols.Tls12,
            ClientCertificates = [server.Certificates.Client],
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) => Transport.PeerCertificateValidation.IsTrusted(certificate, chain, errors, server.Certificates.Authorities),
        });
        Assert.Equal(System.Net.Security.TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, tls.NegotiatedCipherSuite);
    }
}
