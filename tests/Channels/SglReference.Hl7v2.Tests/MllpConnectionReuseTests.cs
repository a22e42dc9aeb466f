using System.Text;
using SglReference.Channels;
using SglReference.Hl7v2.Mllp;
using SglReference.Testing;
using SglReference.Transport;

namespace SglReference.Hl7v2.Tests;

/// <summary>
/// The outbox's MLLP transport keeps its connection to the PFI open across messages (original mode: each message waits
/// for its ACK), against the Node MLLP peer that counts the connections it accepts.
/// </summary>
[Trait("Needs", "server")]
[Trait("Needs", "node")]
public sealed class MllpConnectionReuseTests : IDisposable
{
    private readonly TestCertificates _certificates = new();
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public void Dispose()
    {
        _certificates.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Twenty_messages_to_one_PFI_share_one_connection_each_acknowledged_in_turn()
    {
        using var peer = new MllpPeer(_certificates, _temp.File("pfi"));
        using var transport = Transport(peer.Port);
        var ids = Enumerable.Range(1, 20).Select(i => $"REUSE-{i:00}").ToList();
        foreach (var id in ids)
        {
            var outcome = await transport.SendAsync(Message(id));
            Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
        }

        Assert.Equal(ids, peer.Received.Select(r => r.ControlId));
        Assert.Equal(1, peer.Connections);
    }

    [Fact]
    public async Task A_PFI_dropping_the_kept_connection_gets_every_message_once_on_a_new_connection()
    {
        // The peer closes the connection right after every third ACK.
        using var peer = new MllpPeer(_certificates, _temp.File("pfi"), "AA,AA,AACLOSE,AA,AA,AACLOSE,AA");
        using var transport = Transport(peer.Port);
        var ids = Enumerable.Range(1, 8).Select(i => $"DROP-{i:00}").ToList();
        foreach (var id in ids)
        {
            var outcome = await transport.SendAsync(Message(id));
            Assert.True(outcome.Status == DeliveryStatus.Delivered, $"{id}: {outcome.Status} {outcome.Detail}");
        }

        Assert.Equal(ids, peer.Received.Select(r => r.ControlId));
        Assert.Equal(3, peer.Connections);
    }

    [Fact]
    public async Task Concurrent_sends_use_at_most_one_connection_each_and_lose_nothing()
    {
        using var peer = new MllpPeer(_certificates, _temp.File("pfi"));
        using var transport = Transport(peer.Port);
        var ids = Enumerable.Range(1, 24).Select(i => $"PAR-{i:00}").ToList();
        for (var round = 0; round < ids.Count; round += 4)
        {
            var outcomes = await Task.WhenAll(ids.Skip(round).Take(4).Select(id => transport.SendAsync(Message(id))));
            Assert.All(outcomes, o => Assert.Equal(DeliveryStatus.Delivered, o.Status));
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), peer.Received.Select(r => r.ControlId).Order(StringComparer.Ordinal));
        Assert.InRange(peer.Connections, 1, 4);
    }

    private MllpTransport Transport(int port) => new(new MllpClientOptions(
        "127.0.0.1", port, new TlsOptions(_certificates.Client, _certificates.Authorities, "localhost"),
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), 1, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)));

    /// <summary>The thyroid fixture's rendered ORU with another MSH-10.</summary>
    private static OutboundMessage Message(string controlId)
    {
        var oru = RenderCache.Package("thyroid").Messages.First(m => m.Channel == Hl7v2Channel.ChannelName);
        var text = Encoding.UTF8.GetString(oru.Content.Span);
        var end = text.IndexOf('\r', StringComparison.Ordinal);
        var header = text[..end].Split('|');
        header[9] = controlId;
        return oru with { Content = Encoding.UTF8.GetBytes(string.Join('|', header) + text[end..]) };
    }
}
