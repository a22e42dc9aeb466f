using SglReference.Channels;
using SglReference.Testing;

namespace SglReference.Dmp.Tests;

[Trait("Needs", "server")]
public sealed class SmokeTests(DmpServer server) : IClassFixture<DmpServer>
{
    [Fact]
    public async Task A_rendered_report_is_accepted_by_the_double()
    {
        var package = server.Render(Repo.Load("biochemistry"));
        using var client = server.Client();
        var outcome = await client.SendAsync(DmpServer.Request(package));
        var log = server.Peer.Log().ToJsonString();
        Assert.True(outcome.Status == DeliveryStatus.Delivered, outcome.Detail + "\n" + log);
    }
}

[Trait("Needs", "server")]
public sealed class DebugDump(DmpServer server) : IClassFixture<DmpServer>
{
    [Fact]
    public async Task Dump()
    {
        var package = server.Render(Repo.Load("correction") with { Revision = 1, Status = Domain.ReportStatus.Complete, CorrectionReason = null });
        using var client = server.Client();
        var first = await client.SendAsync(DmpServer.Request(package));
        var second = await client.SendAsync(DmpServer.Request(server.Render(Repo.Load("correction"), previous: package.Issued)));
        File.WriteAllText("/tmp/dmp-log.json", server.Peer.Log().ToJsonString() + "\n" + first + "\n" + second);
        foreach (var f in Directory.GetFiles(server.Peer.Directory)) File.Copy(f, "/tmp/dmp-req-" + Path.GetFileName(f), true);
    }
}
