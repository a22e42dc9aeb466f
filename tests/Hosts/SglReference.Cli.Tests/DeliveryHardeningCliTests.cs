using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MimeKit;
using SglReference.Hl7v2.Acknowledgements;
using SglReference.Hl7v2.Codec;
using SglReference.Hl7v2.Mllp;
using SglReference.Testing;

namespace SglReference.Cli.Tests;

/// <summary>
/// send-hl7, listen-hl7 and send-mss against real peers (the Node MLLP peer and sender, the npm SMTP server) and as real
/// processes where only a process shows the fault (kill -9, file descriptor limits, memory).
/// </summary>
[Trait("Needs", "node")]
public sealed class DeliveryHardeningCliTests(TestCertificates certificates) : IClassFixture<TestCertificates>, IDisposable
{
    private const string Nir = "279035121518989";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public void Dispose() => _temp.Dispose();

    private string[] ClientTls => ["--tls", "--cert", certificates.ClientCertificatePem, "--key", certificates.ClientKeyPem, "--ca", certificates.AuthorityPem, "--peer-name", "localhost"];

    private string[] SmtpTls => ["--cert", certificates.ClientCertificatePem, "--key", certificates.ClientKeyPem, "--ca", certificates.AuthorityPem, "--peer-name", "localhost", "--timeout", "10"];

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private (string Directory, Manifest Manifest) Render(string fixture, string? previous = null)
    {
        var output = _temp.File(fixture + "-" + Guid.NewGuid().ToString("N")[..8]);
        string[] args = previous is null ? ["render", Repo.Fixture(fixture), "--out", output] : ["render", Repo.Fixture(fixture), "--out", output, "--previous", previous];
        Assert.Equal(0, CliRunner.Run(args).ExitCode);
        return (output, Manifest.Parse(File.ReadAllBytes(Path.Combine(output, Manifest.FileName))));
    }

    private string OruOf(string fixture)
    {
        var (directory, manifest) = Render(fixture);
        return Path.Combine(directory, manifest.Artifacts.Single(a => a.Kind == "hl7v2-oru").Path);
    }

    private BackgroundProcess MllpPeer(string script, out int port)
    {
        ExternalProcess.RequireNodeTools();
        var peer = new BackgroundProcess("node",
            [Path.Combine(ExternalProcess.ToolsDirectory, "mllp-peer.mjs"), "--key", certificates.ServerKeyPem, "--cert", certificates.ServerCertificatePem,
             "--ca", certificates.AuthorityPem, "--out", _temp.File("peer-" + Guid.NewGuid().ToString("N")), "--script", script], ExternalProcess.ToolsDirectory);
        port = peer.NextJson(Wait).GetProperty("port").GetInt32();
        return peer;
    }

    private BackgroundProcess SmtpPeer(out int port, params string[] extra)
    {
        ExternalProcess.RequireNodeTools();
        var server = new BackgroundProcess("node",
            [Path.Combine(ExternalProcess.ToolsDirectory, "smtp-peer.mjs"), "--key", certificates.ServerKeyPem, "--cert", certificates.ServerCertificatePem,
             "--ca", certificates.AuthorityPem, "--out", _temp.File("smtp-" + Guid.NewGuid().ToString("N")), .. extra], ExternalProcess.ToolsDirectory);
        var listening = server.NextJson(Wait);
        port = listening.GetProperty("port").GetInt32();
        return server;
    }

    private static List<JsonElement> Events(BackgroundProcess peer, string kind, int atLeast = 0)
    {
        var events = new List<JsonElement>();
        var deadline = DateTime.UtcNow + Wait;
        do
        {
            events.AddRange(peer.DrainJson().Where(e => e.TryGetProperty("event", out var k) && k.GetString() == kind));
            if (events.Count >= atLeast)
            {
                break;
            }

            Thread.Sleep(50);
        }
        while (DateTime.UtcNow < deadline);
        return events;
    }

    // ---- send-hl7

    [Fact]
    public void Send_hl7_counts_neither_ca_nor_a_message_that_is_not_an_ack_as_delivered()
    {
        var oru = OruOf("thyroid");
        using var peer = MllpPeer("CA,NOTACK", out var port);
        foreach (var expected in new[] { "MSA-1 CA is an enhanced-mode acknowledgement", "not an ACK" })
        {
            var outcome = CliRunner.Run(["send-hl7", oru, "--host", "127.0.0.1", "--port", Text(port), "--backoff", "0", .. ClientTls]);
            Assert.Equal(1, outcome.ExitCode);
            Assert.Equal(string.Empty, outcome.Out);
            Assert.Contains(expected, outcome.Error, StringComparison.Ordinal);
            Assert.Contains("after 1 attempt", outcome.Error, StringComparison.Ordinal);
        }

        Assert.Equal(2, new[] { peer.NextJson(Wait), peer.NextJson(Wait) }.Length);
        Assert.Empty(peer.DrainJson()); // each sent once
    }

    [Fact]
    public void A_journal_that_cannot_be_written_stops_send_hl7_before_anything_is_sent()
    {
        var oru = OruOf("thyroid");
        File.WriteAllText(_temp.File("not-a-directory"), "x");
        using var peer = MllpPeer("AA", out var port);
        var outcome = CliRunner.Run(["send-hl7", oru, "--host", "127.0.0.1", "--port", Text(port), "--journal", _temp.File("not-a-directory/journal"), .. ClientTls]);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("sgl: --journal: cannot record the message before sending it, so it was not sent", outcome.Error, StringComparison.Ordinal);
        Thread.Sleep(300);
        Assert.Empty(peer.DrainJson());
    }

    [Fact]
    public async Task An_aa_whose_outcome_cannot_be_journaled_is_still_a_delivery_with_a_warning()
    {
        var oru = OruOf("thyroid");
        using var peer = MllpPeer("SLOWAA", out var port);
        var journal = _temp.File("journal");
        var sending = Task.Run(() => CliRunner.Run(["send-hl7", oru, "--host", "127.0.0.1", "--port", Text(port), "--journal", journal, .. ClientTls]));
        peer.NextJson(Wait); // the peer has the message; its AA comes in 1.5 s
        Assert.Single(Directory.GetFiles(Path.Combine(journal, "sent"))); // recorded before it was sent
        Directory.Move(Path.Combine(journal, "sent"), Path.Combine(journal, "sent-moved-away"));
        File.WriteAllText(Path.Combine(journal, "sent"), "not a directory any more");

        var outcome = await sending.WaitAsync(Wait);

        Assert.Equal(0, outcome.ExitCode); // exit 1 would invite sending it again
        Assert.Contains("accepted (AA) after 1 attempt", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("sgl: warning: --journal: the outcome could not be recorded", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"Sending\"", File.ReadAllText(Directory.GetFiles(Path.Combine(journal, "sent-moved-away")).Single()), StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_certificate_stops_send_hl7_before_connecting_and_one_expiring_soon_is_a_warning()
    {
        var oru = OruOf("thyroid");
        var now = DateTimeOffset.UtcNow;
        var (_, expiredPem, expiredKey) = certificates.IssueCustom("bal-expired", now.AddDays(-400), now.AddDays(-1), TestCertificates.ClientAuthentication);
        var (_, soonPem, soonKey) = certificates.IssueCustom("bal-soon", now.AddDays(-1000), now.AddDays(30), TestCertificates.ClientAuthentication);
        using var peer = MllpPeer("AA", out var port);

        var expired = CliRunner.Run("send-hl7", oru, "--host", "127.0.0.1", "--port", Text(port), "--tls", "--cert", expiredPem, "--key", expiredKey, "--ca", certificates.AuthorityPem, "--peer-name", "localhost");
        Assert.Equal(1, expired.ExitCode);
        Assert.StartsWith("sgl: --cert: our certificate CN=bal-expired cannot be used: it expired on", expired.Error, StringComparison.Ordinal);
        Thread.Sleep(300);
        Assert.Empty(peer.DrainJson());

        var soon = CliRunner.Run("send-hl7", oru, "--host", "127.0.0.1", "--port", Text(port), "--tls", "--cert", soonPem, "--key", soonKey, "--ca", certificates.AuthorityPem, "--peer-name", "localhost");
        Assert.Equal(0, soon.ExitCode);
        Assert.StartsWith($"sgl: warning: the certificate CN=bal-soon expires on {now.AddDays(30).UtcDateTime:yyyy-MM-dd} (in 30 days): renew it", soon.Error, StringComparison.Ordinal);
    }

    // ---- listen-hl7

    private static string Z02(string controlId, string correlation, string error) =>
        File.ReadAllText(Path.Combine(Repo.Shared, "hl7v2-examples", "oru-v2.1-init", "Message metier lecture MSS"), Encoding.UTF8)
            .Replace("ZAM^Z03^ZAM_Z01|019|", $"ZAM^Z02^ZAM_Z01|{controlId}|", StringComparison.Ordinal)
            .Replace("ACK_LECTURE_MSS^Accusé de lecture", "ACK_RECEPTION_MSS^Accusé de réception", StringComparison.Ordinal)
            .Replace("|015|Y^^", $"|{correlation}|N^^", StringComparison.Ordinal)
            .Replace("adam.hoda@test-ci-sis.mssante.fr", Nir + "@patient.mssante.fr", StringComparison.Ordinal)
            .TrimEnd('\n', '\r') + "\n" + error + "\n";

    private (CliRunner.Outcome Listened, JsonElement Ack) Listen(string zam, params string[] extra)
    {
        File.WriteAllText(_temp.File("zam.hl7"), zam, new UTF8Encoding(false));
        var port = Network.FreePort();
        var listening = Task.Run(() => CliRunner.Run(["listen-hl7", "--port", Text(port), "--count", "1", "--duration", "60", .. extra,
            "--tls", "--cert", certificates.ServerCertificatePem, "--key", certificates.ServerKeyPem, "--ca", certificates.AuthorityPem]));
        Network.WaitForPort(port);
        var sender = ExternalProcess.Run("node",
            [Path.Combine(ExternalProcess.ToolsDirectory, "mllp-send.mjs"), "--host", "127.0.0.1", "--port", Text(port),
             "--key", certificates.ClientKeyPem, "--cert", certificates.ClientCertificatePem, "--ca", certificates.AuthorityPem, "--timeout", "10", _temp.File("zam.hl7")],
            ExternalProcess.ToolsDirectory, TimeSpan.FromMinutes(1));
        Assert.True(sender.ExitCode == 0, sender.All);
        Assert.True(listening.Wait(Wait), "listen-hl7 did not stop after its message");
        return (listening.Result, JsonDocument.Parse(sender.StandardOutput).RootElement[0].GetProperty("ack").Clone());
    }

    [Fact]
    public void Listen_hl7_keeps_the_patient_ins_out_of_its_output_and_journal_unless_asked()
    {
        var zam = Z02("021", "015", $"ERR|||207^Application error^messageErrorCondition|E|550^5.1.1 <{Nir}@patient.mssante.fr>: user {Nir} unknown^SMTPERRORCODE");
        var (listened, ack) = Listen(zam, "--journal", _temp.File("journal"));
        Assert.Equal("AA", ack.GetProperty("msa1").GetString());
        Assert.Equal(0, listened.ExitCode);
        Assert.Contains("Z02 MSSanté delivery of message 015", listened.Out, StringComparison.Ordinal);
        Assert.Contains("[patient]@patient.mssante.fr", listened.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Nir, listened.Out + listened.Error, StringComparison.Ordinal);
        var recorded = File.ReadAllText(Assert.Single(Directory.GetFiles(_temp.File("journal/acks"))));
        Assert.DoesNotContain(Nir, recorded, StringComparison.Ordinal);

        // Asked for, it is shown: the test sees the INS when it is there.
        var (shown, _) = Listen(zam.Replace("|021|", "|022|", StringComparison.Ordinal), "--show-patient-data");
        Assert.Contains(Nir, shown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Listen_hl7_acknowledges_a_zam_whose_control_id_has_300_characters()
    {
        var zam = File.ReadAllText(Path.Combine(Repo.Shared, "hl7v2-examples", "oru-v2.1-init", "Message metier reception DMP"), Encoding.UTF8)
            .Replace("|017|", "|" + new string('7', 300) + "|", StringComparison.Ordinal)
            .Replace("|015|", "|" + new string('5', 300) + "|", StringComparison.Ordinal);
        var (listened, ack) = Listen(zam, "--journal", _temp.File("journal"));
        Assert.Equal("AA", ack.GetProperty("msa1").GetString()); // an AR would make the PFI send it again for ever
        Assert.Equal(0, listened.ExitCode);
        Assert.Single(Directory.GetFiles(_temp.File("journal/acks")));
    }

    [Fact]
    public async Task Listen_hl7_survives_a_connection_flood_under_a_low_file_descriptor_limit_and_answers_the_pfi()
    {
        var port = Network.FreePort();
        using var listener = SglProcess.Start(["listen-hl7", "--port", Text(port), "--count", "1", "--duration", "90"], shellPrefix: "ulimit -n 128;");
        var errors = new StringBuilder();
        listener.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        listener.BeginErrorReadLine();
        Network.WaitForPort(port);
        var flood = new List<TcpClient>();
        try
        {
            // More connections than the listener has descriptors: the ones over its limit are closed when accepted.
            for (var i = 0; i < 200; i++)
            {
                var client = new TcpClient();
                flood.Add(client);
                try
                {
                    await client.ConnectAsync(IPAddress.Loopback, port);
                }
                catch (SocketException)
                {
                    // reset as soon as accepted: the listener is at its limit
                }
            }

            await Task.Delay(1500);
        }
        finally
        {
            foreach (var client in flood)
            {
                client.Dispose();
            }
        }

        Assert.False(listener.HasExited, "listen-hl7 died under the flood: " + errors);
        using var pfi = new TcpClient();
        await pfi.ConnectAsync(IPAddress.Loopback, port);
        var zam = await File.ReadAllBytesAsync(Path.Combine(Repo.Shared, "hl7v2-examples", "oru-v2.1-init", "Message metier reception DMP"));
        await MllpFraming.WriteAsync(pfi.GetStream(), zam, CancellationToken.None);
        using var timeout = new CancellationTokenSource(Wait);
        var reply = await new MllpFraming(pfi.GetStream()).ReadAsync(timeout.Token);
        Assert.NotNull(reply);
        Assert.Equal("AA", AcknowledgementParser.Parse(Hl7Parser.Parse(reply)).RawCode);
        Assert.True(listener.WaitForExit(30_000));
        Assert.Equal(0, listener.ExitCode);
        Assert.DoesNotContain("Out of memory", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Listen_hl7_refuses_a_connection_limit_its_file_descriptors_cannot_serve()
    {
        using var listener = SglProcess.Start(["listen-hl7", "--port", "0", "--max-connections", "1000"], shellPrefix: "ulimit -n 128;");
        Assert.True(listener.WaitForExit(30_000));
        Assert.Equal(2, listener.ExitCode);
        Assert.StartsWith("sgl: --max-connections: 1000 connections need more file descriptors than this process may open (limit 128", listener.StandardError.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_hl7_memory_stays_bounded_when_eight_clients_send_sixty_megabyte_frames()
    {
        var port = Network.FreePort();
        using var listener = SglProcess.Start(["listen-hl7", "--port", Text(port), "--duration", "60"]);
        Network.WaitForPort(port);
        var chunk = new byte[256 * 1024];
        chunk.AsSpan().Fill((byte)'A');
        var taken = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            var stream = client.GetStream();
            await stream.WriteAsync(new[] { MllpFraming.StartBlock });
            var sent = 0L;
            try
            {
                while (sent < 60L * 1024 * 1024)
                {
                    await stream.WriteAsync(chunk);
                    sent += chunk.Length;
                }
            }
            catch (IOException)
            {
            }

            return sent;
        }));
        var peak = PeakResidentKiB(listener.Id);
        SglProcess.Terminate(listener);
        listener.WaitForExit(10_000);
        Assert.All(taken, sent => Assert.True(sent < 60L * 1024 * 1024, $"a client could send {sent} bytes of one frame"));
        Assert.True(peak < 400 * 1024, $"listen-hl7 peaked at {peak / 1024} MiB");
    }

    private static long PeakResidentKiB(int pid)
    {
        var line = File.ReadAllLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    // ---- send-mss

    [Fact]
    public void Send_mss_exits_1_on_every_run_while_failed_holds_an_undelivered_message()
    {
        var (directory, manifest) = Render("biochemistry");
        var eml = Path.Combine(directory, manifest.Artifacts.Single(a => a.Kind == "mss-message" && a.Audience == "patient").Path);
        using var refusing = SmtpPeer(out var port, "--rcpt-reject", "patient.mssante.fr");
        var first = CliRunner.Run(["send-mss", eml, "--outbox", _temp.File("outbox"), "--host", "127.0.0.1", "--port", Text(port), .. SmtpTls]);
        Assert.Equal(1, first.ExitCode);
        Assert.Contains("failed, not retried", first.Error, StringComparison.Ordinal);

        var later = CliRunner.Run(["send-mss", "--outbox", _temp.File("outbox"), "--host", "127.0.0.1", "--port", Text(port), .. SmtpTls]);
        Assert.Equal(1, later.ExitCode);
        Assert.Contains("1 message(s) in ", later.Error, StringComparison.Ordinal);
        Assert.Contains("were not delivered", later.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Send_mss_against_a_server_without_starttls_exits_1_with_a_clear_error_and_keeps_the_messages_pending()
    {
        var (directory, manifest) = Render("biochemistry");
        var emls = manifest.Artifacts.Where(a => a.Kind == "mss-message").Select(a => Path.Combine(directory, a.Path)).ToArray();
        using var server = SmtpPeer(out var port, "--no-starttls");
        var outcome = CliRunner.Run(["send-mss", .. emls, "--outbox", _temp.File("outbox"), "--host", "127.0.0.1", "--port", Text(port), .. SmtpTls]);
        Assert.Equal(1, outcome.ExitCode);
        Assert.DoesNotContain("unexpected", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("does not offer STARTTLS; MSSanté messages are never sent in plaintext", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("2 message(s) pending", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(Events(server, "mail-from"));
    }

    [Fact]
    public void Send_mss_keeps_the_patient_ins_out_of_its_output_and_failed_states_unless_asked()
    {
        var (directory, manifest) = Render("biochemistry");
        var toPatient = Path.Combine(directory, manifest.Artifacts.Single(a => a.Kind == "mss-message" && a.Audience == "patient").Path);
        using var server = SmtpPeer(out var port, "--rcpt-reject", "patient.mssante.fr", "--rcpt-reject-message", "5.1.1 User {local} unknown here");
        var outcome = CliRunner.Run(["send-mss", toPatient, "--outbox", _temp.File("outbox"), "--host", "127.0.0.1", "--port", Text(port), .. SmtpTls]);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("[patient]", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Nir, outcome.Out + outcome.Error, StringComparison.Ordinal);
        var failed = File.ReadAllText(Assert.Single(Directory.GetFiles(_temp.File("outbox/failed"), "*.json")));
        Assert.DoesNotContain(Nir, failed, StringComparison.Ordinal);

        var shown = CliRunner.Run(["send-mss", toPatient, "--outbox", _temp.File("outbox-shown"), "--host", "127.0.0.1", "--port", Text(port), "--show-patient-data", .. SmtpTls]);
        Assert.Contains(Nir, shown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Send_mss_sends_each_replacement_after_its_original_whatever_order_they_were_queued_in()
    {
        var (v1, first) = Render("biochemistry");
        var (v2, second) = Render("correction", Path.Combine(v1, Manifest.FileName));
        string[] Emls(string directory, Manifest manifest) => manifest.Artifacts.Where(a => a.Kind == "mss-message").Select(a => Path.Combine(directory, a.Path)).ToArray();
        var outbox = _temp.File("outbox");
        var down = Text(Network.FreePort());
        // The corrections are queued first (an outage, a backlog replayed in the wrong order).
        Assert.Equal(1, CliRunner.Run(["send-mss", .. Emls(v2, second), .. Emls(v1, first), "--outbox", outbox, "--host", "127.0.0.1", "--port", down, .. SmtpTls]).ExitCode);

        using var server = SmtpPeer(out var port);
        var up = CliRunner.Run(["send-mss", "--outbox", outbox, "--host", "127.0.0.1", "--port", Text(port), .. SmtpTls]);
        Assert.Equal(0, up.ExitCode);
        var arrived = Events(server, "message", 4).Select(e => e.GetProperty("messageId").GetString()!.Trim('<', '>')).ToList();
        Assert.Equal(4, arrived.Count);
        foreach (var audience in new[] { "professional", "patient" })
        {
            var original = MessageIdOf(v1, first, audience);
            var replacement = MessageIdOf(v2, second, audience);
            Assert.True(arrived.IndexOf(original) < arrived.IndexOf(replacement), $"the {audience} replacement arrived before its original");
        }
    }

    private static string MessageIdOf(string directory, Manifest manifest, string audience) =>
        MimeMessage.Load(Path.Combine(directory, manifest.Artifacts.Single(a => a.Kind == "mss-message" && a.Audience == audience).Path)).MessageId!;

    [Fact]
    public void Killing_send_mss_at_random_instants_never_loses_a_message_and_counts_every_second_delivery()
    {
        var emls = new[] { "biochemistry", "thyroid", "haematology-cbc", "coagulation", "microbiology-urine" }
            .SelectMany(f =>
            {
                var (directory, manifest) = Render(f);
                return manifest.Artifacts.Where(a => a.Kind == "mss-message").Select(a => Path.Combine(directory, a.Path));
            }).ToArray();
        var ids = emls.Select(e => MimeMessage.Load(e).MessageId!).ToHashSet(StringComparer.Ordinal);
        using var server = SmtpPeer(out var port, "--data-delay", "200");
        var outbox = _temp.File("outbox");
        string[] args = ["send-mss", .. emls, "--outbox", outbox, "--host", "127.0.0.1", "--port", Text(port), .. SmtpTls];
        var random = new Random(20261202);
        for (var kill = 0; kill < 12; kill++)
        {
            using var run = SglProcess.Start(args);
            Thread.Sleep(random.Next(400, 1800));
            SglProcess.KillHard(run);
        }

        var last = CliRunner.Run(args);
        Assert.True(last.ExitCode == 0, last.Out + last.Error);

        var delivered = Events(server, "message", ids.Count).GroupBy(e => e.GetProperty("messageId").GetString()!.Trim('<', '>'))
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(ids.Order(StringComparer.Ordinal), delivered.Keys.Order(StringComparer.Ordinal)); // none lost
        var states = Directory.GetFiles(Path.Combine(outbox, "sent"), "*.json")
            .Select(f => JsonDocument.Parse(File.ReadAllBytes(f)).RootElement.Clone())
            .ToDictionary(s => s.GetProperty("MessageId").GetString()!, s => s.GetProperty("InterruptedAttempts").GetInt32(), StringComparer.Ordinal);
        Assert.Equal(ids.Count, states.Count);
        Assert.Equal(ids.Count, Directory.GetFiles(Path.Combine(outbox, "sent"), "*.eml").Length);
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(outbox, "pending")), f => !f.EndsWith(".tmp", StringComparison.Ordinal));
        foreach (var (id, count) in delivered)
        {
            // A second delivery only where a kill fell between handing the message over and recording the reply, and counted there.
            Assert.True(count - 1 <= states[id], $"{id} was delivered {count} times with {states[id]} interrupted attempt(s) recorded");
        }
    }
}
