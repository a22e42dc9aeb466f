using SglReference.Dmp;
using SglReference.Dmp.Sending;
using SglReference.Dmp.Soap;
using SglReference.Domain;
using SglReference.Engine;
using SglReference.Testing;

namespace SglReference.Dmp.Tests;

/// <summary>One DMP double process per test class, with the certificates and the configuration pointing at it.</summary>
public sealed class DmpServer : IDisposable
{
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public DmpServer()
    {
        Certificates = new TestCertificates();
        Peer = DmpPeer.Start(Certificates, _temp.File("requests"));
        Kit = DmpTestKit.Create(Certificates, Peer.Endpoint, _temp.File("config"));
        Options = Kit.Configuration.Dmp!.Load();
    }

    public TestCertificates Certificates { get; }

    public DmpPeer Peer { get; }

    public DmpTestKit Kit { get; }

    public DmpOptions Options { get; }

    public string Temp(string name) => _temp.File(name);

    public RenderPackage Render(LabReport report, RenderAction action = RenderAction.Publish, IReadOnlyList<Domain.Documents.IssuedDocument>? previous = null) =>
        RenderCache.Render(report, Kit.Configuration, action, previous);

    public static DmpHttpRequest Request(RenderPackage package) =>
        DmpHttpRequest.Parse(package.Messages.Single(m => m.Channel == DmpChannel.ChannelName).Content.Span);

    public DmpClient Client(DmpOptions? options = null) => new(options ?? Options);

    public void Dispose()
    {
        Peer.Dispose();
        Certificates.Dispose();
        _temp.Dispose();
    }
}
