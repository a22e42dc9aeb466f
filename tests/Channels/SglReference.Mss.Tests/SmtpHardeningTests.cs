using System.Text.Json;
using MimeKit;
using SglReference.Domain;
using SglReference.Mss.Sending;
using SglReference.Testing;

namespace SglReference.Mss.Tests;

/// <summary>
/// The outbox and the SMTP sender against a real SMTP server process (npm smtp-server) misbehaving as issue 11 found:
/// no STARTTLS, wrong certificates, order after an outage, interrupted runs; and names that would forge headers.
/// </summary>
[Trait("Needs", "node")]
public sealed class SmtpHardeningTests(TestCertificates certificates) : IClassFixture<TestCertificates>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public void Dispose() => _temp.Dispose();

    private static byte[] Eml(string fixture, string group = "to-professionals") =>
        RenderedMss.Messages(RenderedMss.Artifacts(fixture)).Single(a => a.FileName.Contains(group, StringComparison.Ordinal)).Bytes();

    [Fact]
    public async Task A_server_without_starttls_gets_nothing_in_plaintext_and_the_message_stays_pending_uncounted()
    {
        using var peer = SmtpPeer.Start(certificates, _temp.File("server"), extra: ["--no-starttls"]);
        var outbox = new MssOutbox(_temp.File("outbox"));
        outbox.Enqueue(Eml("thyroid"), DateTimeOffset.UtcNow);
        outbox.Enqueue(Eml("biochemistry"), DateTimeOffset.UtcNow);

        var results = await outbox.DeliverAsync(new MssSmtpSender(peer.Options(certificates)).SendAsync, DateTimeOffset.UtcNow);

        var result = Assert.Single(results); // the run stops: every message would meet the same server
        Assert.Equal((OutboxState.Pending, 0), (result.State, result.Attempts));
        Assert.StartsWith("tls: 127.0.0.1:", result.LastResult, StringComparison.Ordinal);
        Assert.Contains("does not offer STARTTLS; MSSanté messages are never sent in plaintext", result.LastResult, StringComparison.Ordinal);
        Assert.Equal(2, outbox.Items(OutboxState.Pending).Count);
        await Task.Delay(300);
        Assert.DoesNotContain(peer.Events, e => e.GetProperty("event").GetString() is "mail-from" or "message");
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("server only")]
    public async Task Our_unusable_client_certificate_is_refused_before_connecting_and_the_message_stays_pending(string kind)
    {
        var now = DateTimeOffset.UtcNow;
        var (certificate, _, _) = kind == "expired"
            ? certificates.IssueCustom("bal-expired", now.AddDays(-400), now.AddDays(-1), TestCertificates.ClientAuthentication)
            : certificates.IssueCustom("bal-server-eku", now.AddDays(-1), now.AddDays(20), TestCertificates.ServerAuthentication);
        using var peer = SmtpPeer.Start(certificates, _temp.File("server"));
        var outbox = new MssOutbox(_temp.File("outbox"));
        outbox.Enqueue(Eml("thyroid"), now);
        var sender = new MssSmtpSender(peer.Options(certificates) with { ClientCertificate = certificate });

        var result = Assert.Single(await outbox.DeliverAsync(sender.SendAsync, now));

        Assert.Equal((OutboxState.Pending, 0), (result.State, result.Attempts));
        Assert.StartsWith("certificate: our certificate CN=bal-", result.LastResult, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.DoesNotContain(peer.Events, e => e.GetProperty("event").GetString() != "listening");
    }

    [Fact]
    public async Task Without_a_client_certificate_a_server_that_wants_one_is_named_as_the_cause()
    {
        using var peer = SmtpPeer.Start(certificates, _temp.File("server"));
        var outbox = new MssOutbox(_temp.File("outbox"));
        outbox.Enqueue(Eml("thyroid"), DateTimeOffset.UtcNow);
        var sender = new MssSmtpSender(peer.Options(certificates) with { ClientCertificate = null });
        var result = Assert.Single(await outbox.DeliverAsync(sender.SendAsync, DateTimeOffset.UtcNow));
        Assert.Equal(OutboxState.Pending, result.State);
        Assert.DoesNotContain("decryption operation failed", result.LastResult, StringComparison.Ordinal);
        Assert.Contains("client certificate", result.LastResult, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_certificate_issued_for_client_authentication_is_refused()
    {
        var (_, pem, key) = certificates.IssueCustom("server-client-eku", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(20), TestCertificates.ClientAuthentication);
        using var peer = StartPeer(_temp.File("server"), ["--cert", pem, "--key", key]);
        var outbox = new MssOutbox(_temp.File("outbox"));
        outbox.Enqueue(Eml("thyroid"), DateTimeOffset.UtcNow);
        var result = Assert.Single(await outbox.DeliverAsync(new MssSmtpSender(peer.Options(certificates)).SendAsync, DateTimeOffset.UtcNow));
        Assert.Equal(OutboxState.Pending, result.State);
        Assert.StartsWith("tls:", result.LastResult, StringComparison.Ordinal);
        Assert.Empty(peer.Messages);
    }

    [Fact]
    public async Task A_replacement_queued_before_its_original_is_sent_after_it_and_waits_while_the_original_is_pending()
    {
        var original = Eml("thyroid");
        var replacement = Eml("biochemistry");
        var unrelated = Eml("serology");
        var originalId = MessageId(original);
        var replacementId = MessageId(replacement);
        var outbox = new MssOutbox(_temp.File("outbox"));
        var now = DateTimeOffset.UtcNow;
        outbox.Enqueue(replacement, now, "1.2.250.1.chain", 4);
        outbox.Enqueue(original, now.AddSeconds(1), "1.2.250.1.chain", 2);
        outbox.Enqueue(unrelated, now.AddSeconds(2), "1.2.250.1.other", 2);

        // The original meets a 451: its replacement must not go before it, the unrelated message goes.
        using (var busy = SmtpPeer.Start(certificates, _temp.File("busy"), extra: ["--data-fail", "451x1"]))
        {
            var first = await outbox.DeliverAsync(new MssSmtpSender(busy.Options(certificates)).SendAsync, now.AddSeconds(3));
            Assert.Equal([(originalId, OutboxState.Pending), (MessageId(unrelated), OutboxState.Sent)], first.Select(r => (r.MessageId, r.State)));
        }

        using var peer = SmtpPeer.Start(certificates, _temp.File("server"));
        var second = await outbox.DeliverAsync(new MssSmtpSender(peer.Options(certificates)).SendAsync, now, ignoreSchedule: true);
        Assert.Equal([originalId, replacementId], second.Select(r => r.MessageId));
        Assert.All(second, r => Assert.Equal(OutboxState.Sent, r.State));
        Assert.Equal([originalId, replacementId], WaitForMessages(peer, 2).Select(m => Id(m.GetProperty("messageId").GetString())));
    }

    [Fact]
    public async Task An_attempt_a_crash_interrupted_is_sent_again_once_and_counted_as_a_possible_duplicate()
    {
        var eml = Eml("thyroid");
        var outbox = new MssOutbox(_temp.File("outbox"));
        var item = outbox.Enqueue(eml, DateTimeOffset.UtcNow);
        // What a kill -9 during the SMTP exchange leaves: the attempt recorded as started, no outcome.
        var state = _temp.File($"outbox/pending/{item.Id}.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(state))!;
        json["AttemptStartedAt"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(state, json.ToJsonString());

        using var peer = SmtpPeer.Start(certificates, _temp.File("server"));
        var sent = Assert.Single(await outbox.DeliverAsync(new MssSmtpSender(peer.Options(certificates)).SendAsync, DateTimeOffset.UtcNow));
        Assert.Equal((OutboxState.Sent, 2, 1), (sent.State, sent.Attempts, sent.InterruptedAttempts));
        Assert.True(sent.MayBeDuplicate);
        Assert.Empty(await outbox.DeliverAsync(new MssSmtpSender(peer.Options(certificates)).SendAsync, DateTimeOffset.UtcNow));
        Assert.Single(WaitForMessages(peer, 1));
    }

    [Fact]
    public async Task A_message_an_earlier_crash_left_in_sent_without_its_state_is_never_queued_nor_sent_again()
    {
        var eml = Eml("thyroid");
        var outbox = new MssOutbox(_temp.File("outbox"));
        var item = outbox.Enqueue(eml, DateTimeOffset.UtcNow);
        // What the earlier outbox left when killed between its two steps: sent/X.eml, and the state still in pending/ without its .eml.
        File.Move(_temp.File($"outbox/pending/{item.Id}.eml"), _temp.File($"outbox/sent/{item.Id}.eml"));

        var again = outbox.Enqueue(eml, DateTimeOffset.UtcNow);
        Assert.Equal(OutboxState.Sent, again.State);
        using var peer = SmtpPeer.Start(certificates, _temp.File("server"));
        Assert.Empty(await outbox.DeliverAsync(new MssSmtpSender(peer.Options(certificates)).SendAsync, DateTimeOffset.UtcNow));
        Assert.Single(outbox.Items(OutboxState.Sent));
        Assert.Empty(outbox.Items(OutboxState.Pending));
        await Task.Delay(300);
        Assert.Empty(peer.Messages);
    }

    [Fact]
    public async Task Two_message_ids_that_map_to_the_same_file_name_are_two_messages()
    {
        var outbox = new MssOutbox(_temp.File("outbox"));
        var a = WithMessageId(Eml("thyroid"), "a/1@lab.mssante.fr");
        var b = WithMessageId(Eml("thyroid"), "a_1@lab.mssante.fr");
        var first = outbox.Enqueue(a, DateTimeOffset.UtcNow);
        var second = outbox.Enqueue(b, DateTimeOffset.UtcNow);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(2, outbox.Items(OutboxState.Pending).Count);
        using var peer = SmtpPeer.Start(certificates, _temp.File("server"));
        Assert.Equal(2, (await outbox.DeliverAsync(new MssSmtpSender(peer.Options(certificates)).SendAsync, DateTimeOffset.UtcNow)).Count(r => r.State == OutboxState.Sent));
    }

    [Fact]
    public async Task An_encoded_word_in_a_name_reaches_the_headers_as_literal_text_and_forges_nothing()
    {
        const string forged = "=?utf-8?q?=0D=0ABcc:_spy@evil.example?=";
        var thyroid = Repo.Load("thyroid");
        var report = thyroid with
        {
            Patient = thyroid.Patient with { BirthName = "DUPONT " + forged },
            Laboratory = thyroid.Laboratory with { Name = "Labo " + forged },
            Prescriber = thyroid.Prescriber! with { FamilyName = "MARTIN =?utf-8?b?QUJD?= Ł" },
        };
        var artifacts = RenderedMss.Render(report);
        var files = RenderedMss.Messages(artifacts).Select((a, i) =>
        {
            var path = _temp.File($"{i}.eml");
            File.WriteAllBytes(path, a.Bytes());
            return path;
        }).ToList();
        var mails = MailParser.Parse(files);
        Assert.NotEmpty(mails);
        foreach (var mail in mails)
        {
            Assert.Equal($"XDM/1.0/DDM+CR d'examens biologiques DUPONT {forged} {report.Patient.FirstGivenName} {report.Patient.BirthDate:dd/MM/yyyy}", mail.GetProperty("subject").GetString());
            Assert.Equal(["Labo " + forged], mail.GetProperty("fromNames").EnumerateArray().Select(n => n.GetString()));
            Assert.DoesNotContain(mail.GetProperty("headerNames").EnumerateArray(), h => h.GetString() == "bcc");
            Assert.DoesNotContain("spy@evil.example", string.Join(",", mail.GetProperty("to").EnumerateArray().Select(t => t.GetString())), StringComparison.Ordinal);
        }

        var professional = mails.Single(m => m.GetProperty("toNames").EnumerateArray().Any(n => n.GetString()!.Contains("MARTIN", StringComparison.Ordinal)));
        Assert.Contains(professional.GetProperty("toNames").EnumerateArray(), n => n.GetString()!.Contains("MARTIN =?utf-8?b?QUJD?= Ł", StringComparison.Ordinal));
    }

    private static string MessageId(byte[] eml) => MimeMessage.Load(new MemoryStream(eml)).MessageId ?? string.Empty;

    private static string Id(string? header) => header?.Trim('<', '>') ?? string.Empty;

    private static byte[] WithMessageId(byte[] eml, string id)
    {
        var message = MimeMessage.Load(new MemoryStream(eml));
        message.MessageId = id;
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }

    private SmtpPeer StartPeer(string directory, string[] overrides) => SmtpPeer.Start(certificates, directory, extra: overrides);

    private static List<JsonElement> WaitForMessages(SmtpPeer peer, int count)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (peer.Messages.Count < count && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        Assert.Equal(count, peer.Messages.Count);
        return peer.Messages.ToList();
    }
}
