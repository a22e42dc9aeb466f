using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SglReference.Domain;
using SglReference.Domain.Delivery;
using SglReference.Mss.Sending;
using SglReference.Engine;
using SglReference.Hosting;
using SglReference.Testing;

namespace SglReference.Mss.Tests;

/// <summary>
/// Sending over a real SMTP server process (npm smtp-server) with STARTTLS or implicit TLS and client certificates on
/// both ends, through the durable outbox; what arrives is read by an independent MIME parser (mailparser).
/// </summary>
[Trait("Needs", "server")]
public sealed class SmtpEndToEndTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly TestCertificates _certificates = new();
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public void Dispose()
    {
        _certificates.Dispose();
        _temp.Dispose();
    }

    public static TheoryData<string> Cases => new() { "default", "unqualified-ins", "invisible-to-patient", "masked-to-professionals", "minor-secret", "no-reply-read-receipt" };

    private static LabReport Case(string name) => name switch
    {
        "default" => Repo.Load("biochemistry"),
        "unqualified-ins" => Repo.Load("unqualified-ins"),
        "invisible-to-patient" => Repo.Load("serology"),
        "masked-to-professionals" => Repo.Load("thyroid") with { Delivery = DeliveryOptions.Default with { MaskedToProfessionals = true } },
        "minor-secret" => Repo.Load("minor"),
        "no-reply-read-receipt" => Repo.Load("thyroid") with { Delivery = DeliveryOptions.Default with { PatientMayNotReply = true, ReadAcknowledgement = true } },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_routing_case_delivers_the_right_mails_with_one_patient_headers_and_both_attachments(string name)
    {
        var report = Case(name);
        var plan = DeliveryPlanner.Plan(report);
        var artifacts = RenderedMss.Render(report);
        using var peer = SmtpPeer.Start(_certificates, _temp.File("server"));
        var outbox = new MssOutbox(_temp.File("outbox"));
        foreach (var eml in RenderedMss.Messages(artifacts))
        {
            outbox.Enqueue(eml.Bytes(), FixedTime.Default.GetUtcNow());
        }

        var results = await outbox.DeliverAsync(new MssSmtpSender(peer.Options(_certificates)).SendAsync, FixedTime.Default.GetUtcNow());
        Assert.All(results, r => Assert.Equal(OutboxState.Sent, r.State));
        var expectedMessages = (plan.Professionals.Count > 0 ? 1 : 0) + (plan.Patient is null ? 0 : 1);
        Assert.Equal(expectedMessages, results.Count);
        var delivered = WaitForMessages(peer, expectedMessages);
        var secure = peer.Events.Where(e => e.GetProperty("event").GetString() == "secure").ToList();
        Assert.Equal(expectedMessages, secure.Count); // one TLS session per message, each with our client certificate
        Assert.All(secure, e =>
        {
            Assert.True(e.GetProperty("authorized").GetBoolean());
            Assert.Equal("sgl-test-client", e.GetProperty("client").GetString());
        });

        var mails = MailParser.Parse(delivered.Select(d => d.GetProperty("file").GetString()!));
        var patientAddress = report.Patient.QualifiedIns is { } ins ? ins.Matricule + "@patient.mssante.fr" : null;
        var professionals = plan.Professionals.Select(p => p.Address).Order().ToList();
        for (var i = 0; i < mails.Count; i++)
        {
            var mail = mails[i];
            var envelope = delivered[i].GetProperty("to").EnumerateArray().Select(a => a.GetString()!).Order().ToList();
            var to = mail.GetProperty("to").EnumerateArray().Select(a => a.GetString()!).Order().ToList();
            Assert.Equal(to, envelope);
            var toPatient = patientAddress is not null && to.Contains(patientAddress);
            Assert.Equal(toPatient ? [patientAddress!] : professionals, to); // patient alone, or the professionals together
            Assert.Equal([report.Laboratory.MssanteMailbox!], mail.GetProperty("from").EnumerateArray().Select(a => a.GetString()!));

            // One patient per message: the subject names them, the archive has one patientId.
            Assert.Equal($"XDM/1.0/DDM+CR d'examens biologiques {report.Patient.BirthName} {report.Patient.FirstGivenName} {report.Patient.BirthDate:dd/MM/yyyy}", mail.GetProperty("subject").GetString());
            Assert.Equal("11502-2", mail.GetProperty("mssCodeCda").GetString());
            Assert.Equal(report.Patient.QualifiedIns is null ? "N" : "O", mail.GetProperty("mssIns").GetString());
            Assert.Equal(MssOptions.UndeclaredProduct, mail.GetProperty("mssNil").GetString());
            Assert.Equal(toPatient && report.Delivery.PatientMayNotReply ? "FIN" : null, mail.GetProperty("mssMes").GetString());
            Assert.Equal(report.Delivery.ReadAcknowledgement, mail.GetProperty("dispositionNotificationTo").ValueKind == JsonValueKind.String);

            var attachments = mail.GetProperty("attachments").EnumerateArray().ToList();
            Assert.Equal(["application/zip", "application/pdf"], attachments.Select(a => a.GetProperty("contentType").GetString()));
            Assert.Equal("IHE_XDM.zip", attachments[0].GetProperty("filename").GetString());
            var audience = toPatient ? Domain.Documents.Audience.Patient : Domain.Documents.Audience.Professional;
            var pdf = artifacts.Single(a => a.Kind == ArtifactKinds.Pdf && a.Audience == audience).Bytes();
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), attachments[1].GetProperty("sha256").GetString());
            var zip = Convert.FromBase64String(attachments[0].GetProperty("base64").GetString()!);
            Assert.Equal(artifacts.Single(a => a.Kind == ArtifactKinds.IheXdm && a.Audience == audience).Bytes(), zip);
            var metadata = Encoding.UTF8.GetString(RenderedMss.Unzip(zip)["IHE_XDM/SUBSET01/METADATA.XML"]);
            if (report.Patient.QualifiedIns is null)
            {
                foreach (var (_, bytes) in RenderedMss.Unzip(zip))
                {
                    Assert.DoesNotContain("1.2.250.1.213.1.4.", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
                }
            }
            else
            {
                Assert.Contains($"{report.Patient.QualifiedIns.Matricule}^^^&amp;{report.Patient.QualifiedIns.Oid}&amp;ISO^NH", metadata, StringComparison.Ordinal);
            }

            Assert.Contains(toPatient ? "Les résultats de vos examens" : "Veuillez trouver ci-joint", mail.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        switch (name)
        {
            case "unqualified-ins":
            case "invisible-to-patient":
                Assert.DoesNotContain(mails, m => m.GetProperty("to").EnumerateArray().Any(a => a.GetString()!.EndsWith("@patient.mssante.fr", StringComparison.Ordinal)));
                Assert.Single(mails);
                break;
            case "masked-to-professionals":
                Assert.Equal([patientAddress!], Assert.Single(mails).GetProperty("to").EnumerateArray().Select(a => a.GetString()!));
                break;
            case "minor-secret":
                Assert.Empty(mails);
                break;
            default:
                Assert.Equal(2, mails.Count);
                break;
        }
    }

    [Fact]
    public async Task A_5xx_is_final_with_the_reply_kept_and_a_4xx_is_retried()
    {
        var artifacts = RenderedMss.Render(Repo.Load("thyroid"));
        var toProfessionals = RenderedMss.Messages(artifacts).Single(a => a.FileName.Contains("to-professionals", StringComparison.Ordinal)).Bytes();
        var toPatient = RenderedMss.Messages(artifacts).Single(a => a.FileName.Contains("to-patient", StringComparison.Ordinal)).Bytes();

        using (var refusing = SmtpPeer.Start(_certificates, _temp.File("refusing"), extra: ["--rcpt-reject", "medecin.mssante.fr"]))
        {
            var outbox = new MssOutbox(_temp.File("outbox-5xx"));
            outbox.Enqueue(toProfessionals, DateTimeOffset.UtcNow);
            var result = Assert.Single(await outbox.DeliverAsync(new MssSmtpSender(refusing.Options(_certificates)).SendAsync, DateTimeOffset.UtcNow));
            Assert.Equal((OutboxState.Failed, 550), (result.State, result.LastReplyCode));
            Assert.Contains("Unknown MSSante mailbox", result.LastResult, StringComparison.Ordinal);
            Assert.Contains("refused", result.LastResult, StringComparison.Ordinal);
            Assert.Empty(await outbox.DeliverAsync(new MssSmtpSender(refusing.Options(_certificates)).SendAsync, DateTimeOffset.UtcNow.AddDays(1)));
            Assert.Empty(refusing.Messages);
            Assert.Single(outbox.Items(OutboxState.Failed));
        }

        using var busy = SmtpPeer.Start(_certificates, _temp.File("busy"), extra: ["--data-fail", "451x1"]);
        var box = new MssOutbox(_temp.File("outbox-4xx"), new OutboxPolicy(5, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)));
        var now = DateTimeOffset.UtcNow;
        box.Enqueue(toPatient, now);
        var first = Assert.Single(await box.DeliverAsync(new MssSmtpSender(busy.Options(_certificates)).SendAsync, now));
        Assert.Equal((OutboxState.Pending, 451, 1), (first.State, first.LastReplyCode, first.Attempts));
        Assert.Equal(now + TimeSpan.FromMinutes(1), first.NextAttemptAt);
        Assert.Empty(await box.DeliverAsync(new MssSmtpSender(busy.Options(_certificates)).SendAsync, now.AddSeconds(30))); // not due yet
        var second = Assert.Single(await box.DeliverAsync(new MssSmtpSender(busy.Options(_certificates)).SendAsync, now.AddMinutes(2)));
        Assert.Equal((OutboxState.Sent, 2), (second.State, second.Attempts));
        Assert.Single(WaitForMessages(busy, 1));
    }

    [Fact]
    public async Task A_server_down_then_up_gets_the_message_once()
    {
        var eml = RenderedMss.Messages(RenderedMss.Render(Repo.Load("thyroid")))[0].Bytes();
        var outbox = new MssOutbox(_temp.File("outbox"));
        var port = Network.FreePort();
        var downOptions = new SmtpOptions("127.0.0.1", port, SmtpSecurity.StartTls, _certificates.Client, _certificates.Authorities, "localhost", Timeout: TimeSpan.FromSeconds(5));
        outbox.Enqueue(eml, DateTimeOffset.UtcNow);
        var down = Assert.Single(await outbox.DeliverAsync(new MssSmtpSender(downOptions).SendAsync, DateTimeOffset.UtcNow));
        Assert.Equal(OutboxState.Pending, down.State);
        Assert.StartsWith("connection:", down.LastResult, StringComparison.Ordinal);
        Assert.Single(outbox.Items(OutboxState.Pending));

        // The same message queued again (a second run of the same render) is not a second message.
        outbox.Enqueue(eml, DateTimeOffset.UtcNow);
        Assert.Single(outbox.Items(OutboxState.Pending));

        using var peer = SmtpPeer.Start(_certificates, _temp.File("server"), port: port);
        var up = Assert.Single(await outbox.DeliverAsync(new MssSmtpSender(peer.Options(_certificates)).SendAsync, DateTimeOffset.UtcNow, ignoreSchedule: true));
        Assert.Equal((OutboxState.Sent, 2), (up.State, up.Attempts));
        Assert.Empty(await outbox.DeliverAsync(new MssSmtpSender(peer.Options(_certificates)).SendAsync, DateTimeOffset.UtcNow.AddDays(1), ignoreSchedule: true));
        outbox.Enqueue(eml, DateTimeOffset.UtcNow);
        Assert.Empty(await outbox.DeliverAsync(new MssSmtpSender(peer.Options(_certificates)).SendAsync, DateTimeOffset.UtcNow.AddDays(1), ignoreSchedule: true));
        Assert.Single(WaitForMessages(peer, 1));
        await Task.Delay(500);
        Assert.Single(peer.Messages);
    }

    [Fact]
    public async Task Implicit_tls_delivers_and_an_untrusted_client_certificate_is_refused_without_losing_the_message()
    {
        var eml = RenderedMss.Messages(RenderedMss.Render(Repo.Load("thyroid")))[0].Bytes();
        using var peer = SmtpPeer.Start(_certificates, _temp.File("server"), implicitTls: true);
        var refusedBox = new MssOutbox(_temp.File("rogue"));
        refusedBox.Enqueue(eml, DateTimeOffset.UtcNow);
        var refused = Assert.Single(await refusedBox.DeliverAsync(new MssSmtpSender(peer.Options(_certificates, implicitTls: true, untrustedClient: true)).SendAsync, DateTimeOffset.UtcNow));
        Assert.Equal(OutboxState.Pending, refused.State);
        Assert.Empty(peer.Messages);

        var box = new MssOutbox(_temp.File("outbox"));
        box.Enqueue(eml, DateTimeOffset.UtcNow);
        var sent = Assert.Single(await box.DeliverAsync(new MssSmtpSender(peer.Options(_certificates, implicitTls: true)).SendAsync, DateTimeOffset.UtcNow));
        Assert.Equal(OutboxState.Sent, sent.State);
        Assert.Single(WaitForMessages(peer, 1));
    }

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
