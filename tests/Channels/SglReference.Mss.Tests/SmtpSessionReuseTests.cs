using MimeKit;
using SglReference.Channels;
using SglReference.Mss.Sending;
using SglReference.Testing;

namespace SglReference.Mss.Tests;

/// <summary>
/// The outbox's SMTP transport keeps one authenticated TLS session for several messages, against npm smtp-server, which
/// logs each TLS session it sets up and can drop idle sessions as operators do.
/// </summary>
[Trait("Needs", "server")]
[Trait("Needs", "node")]
public sealed class SmtpSessionReuseTests : IDisposable
{
    private readonly TestCertificates _certificates = new();
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public void Dispose()
    {
        _certificates.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Ten_messages_to_one_operator_share_one_TLS_session()
    {
        using var peer = SmtpPeer.Start(_certificates, _temp.File("server"));
        using var transport = new MssSmtpTransport(peer.Options(_certificates));
        var ids = Enumerable.Range(1, 10).Select(i => $"reuse-{i:00}@lab.example").ToList();
        foreach (var id in ids)
        {
            var outcome = await transport.SendAsync(Message(id));
            Assert.True(outcome.Status == DeliveryStatus.Delivered, outcome.Detail);
        }

        Assert.Equal(ids, peer.Messages.Select(MessageId));
        Assert.Single(peer.Events, e => e.GetProperty("event").GetString() == "secure");
    }

    [Fact]
    public async Task An_operator_dropping_the_idle_session_gets_every_message_once_on_a_new_session()
    {
        // The server closes a session idle for 400 ms (421 "Timeout - closing connection").
        using var peer = SmtpPeer.Start(_certificates, _temp.File("server"), extra: ["--idle-timeout", "400"]);
        using var transport = new MssSmtpTransport(peer.Options(_certificates));
        var ids = Enumerable.Range(1, 6).Select(i => $"drop-{i:00}@lab.example").ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            if (i == 3)
            {
                await Task.Delay(1500);
            }

            var outcome = await transport.SendAsync(Message(id));
            Assert.True(outcome.Status == DeliveryStatus.Delivered, $"{id}: {outcome.Detail}");
        }

        Assert.Equal(ids, peer.Messages.Select(MessageId));
        Assert.Equal(2, peer.Events.Count(e => e.GetProperty("event").GetString() == "secure"));
    }

    private static string MessageId(System.Text.Json.JsonElement message)
    {
        using var stream = File.OpenRead(message.GetProperty("file").GetString()!);
        return HeaderList.Load(stream)[HeaderId.MessageId]!.Trim().Trim('<', '>');
    }

    /// <summary>The thyroid fixture's rendered mail to professionals with another Message-ID.</summary>
    private static OutboundMessage Message(string messageId)
    {
        var mail = RenderCache.Package("thyroid").Messages.First(m => m.Channel == MssChannel.ChannelName && m.Audience == SglReference.Domain.Documents.Audience.Professional);
        using var mime = MimeMessage.Load(new MemoryStream(mail.Content.ToArray()));
        mime.MessageId = messageId;
        using var copy = new MemoryStream();
        mime.WriteTo(copy);
        return mail with { Content = copy.ToArray() };
    }
}
