using System.Net;
using System.Text;
using System.Text.Json;
using SglReference.Testing;

namespace SglReference.Server.Tests;

/// <summary>Delivery through a real sgl serve process to real peers: dead letters, retries from the page, ZAM, withdrawal, SIGTERM.</summary>
[Trait("Needs", "server")]
[Trait("Needs", "node")]
public sealed class DeliveryTests : IDisposable
{
    private readonly TestCertificates _certificates = new();
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public void Dispose()
    {
        _certificates.Dispose();
        _temp.Dispose();
    }

    private ServerProcess StartServer(int? mllp, int? smtp, int? listener = null)
    {
        var config = TestConfig.Write(_temp.File("sgl.json"), _certificates, mllp, smtp, listenerPort: listener);
        Directory.CreateDirectory(_temp.File("data"));
        return new ServerProcess(config, _temp.File("data")).Start();
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string reportId, Func<JsonElement, bool> done)
    {
        JsonElement last = default;
        for (var i = 0; i < 200; i++)
        {
            if (await Api.GetReportAsync(client, reportId) is { } report)
            {
                last = report;
                if (done(report))
                {
                    return report;
                }
            }

            await Task.Delay(150);
        }

        throw new TimeoutException($"report {reportId} did not reach the expected state: {last}");
    }

    private static IEnumerable<JsonElement> Deliveries(JsonElement report, string? channel = null) =>
        report.GetProperty("deliveries").EnumerateArray().Where(d => channel is null || d.GetProperty("channel").GetString() == channel);

    [Fact]
    public async Task The_page_shows_a_report_with_its_statuses_in_chromium_and_retries_a_dead_letter()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is needed (./test installs it)");
        using var pfi = new MllpPeer(_certificates, _temp.File("pfi"), "AE,AA");
        using var mss = new SmtpPeer(_certificates, _temp.File("smtp"));
        using var server = StartServer(pfi.Port, mss.Port);
        using var client = Api.Client(server);
        Assert.Equal(HttpStatusCode.Accepted, (await Api.PostAsync(client, Api.Report("thyroid", "PAGE-1"))).Status);
        var report = await WaitAsync(client, "PAGE-1", r => Deliveries(r, "hl7v2").Any(d => d.GetProperty("status").GetString() == "dead")
            && Deliveries(r, "mss").All(d => d.GetProperty("status").GetString() == "sent"));
        var dead = Deliveries(report, "hl7v2").Single();
        Assert.StartsWith("refused: ", dead.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Contains("AE", dead.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, dead.GetProperty("attempts").GetInt32()); // AE is permanent: no retry storm

        var screenshot = _temp.File("page.png");
        var run = ExternalProcess.Run("node", [Path.Combine(ExternalProcess.ToolsDirectory, "page-check.mjs"), "--url", server.BaseAddress.ToString().TrimEnd('/'),
            "--key", TestConfig.Key, "--report", "PAGE-1", "--screenshot", screenshot, "--profile", _temp.File("chromium-profile")], ExternalProcess.ToolsDirectory, TimeSpan.FromMinutes(4));
        Assert.True(run.ExitCode == 0, run.All);
        var page = JsonDocument.Parse(run.StandardOutput).RootElement;
        Assert.False(page.TryGetProperty("error", out var error), error.ToString());
        Assert.Equal("/connexion", page.GetProperty("loginUrl").GetString());
        Assert.Equal("fr", page.GetProperty("lang").GetString());
        Assert.Equal("rendered", page.GetProperty("listStatus").GetString());
        Assert.Equal("produit", page.GetProperty("listStatusText").GetString());
        var statuses = page.GetProperty("listDeliveries").EnumerateArray().Select(d => d.GetProperty("text").GetString()).ToList();
        Assert.Contains("1 lettre morte", statuses);
        Assert.Contains("2 envoyés", statuses); // the two MSSanté mails
        Assert.Equal(1, page.GetProperty("deadLettersBefore").GetInt32());
        Assert.Contains("expire le", page.GetProperty("certificateBanner").GetString(), StringComparison.Ordinal); // the test certificates last 29 days
        Assert.Contains("/artifacts/", page.GetProperty("pdfFrame").GetString(), StringComparison.Ordinal);
        Assert.Equal(dead.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), page.GetProperty("retried").GetString());
        Assert.Equal(302, page.GetProperty("retryResponse").GetInt32()); // the form posts, the service redirects back
        Assert.Equal("sent", page.GetProperty("afterRetry").GetString());
        Assert.Equal(0, page.GetProperty("deadLettersAfter").GetInt32());
        Assert.Equal("lab-test (page)", page.GetProperty("retriedBy").GetString());
        Assert.Equal(2, pfi.Received.Count); // AE, then AA after the retry
        Assert.Equal(pfi.Received[0].ControlId, pfi.Received[1].ControlId); // the same message, MSH-10 kept
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        var docs = Path.Combine(Repo.Root, "docs", "service-page.png");
        if (Environment.GetEnvironmentVariable("SGL_UPDATE_DOCS") == "1")
        {
            File.Copy(screenshot, docs, overwrite: true);
        }
    }

    [Fact]
    public async Task Expiring_certificates_show_in_health_and_metrics()
    {
        using var pfi = new MllpPeer(_certificates, _temp.File("pfi"));
        using var server = StartServer(pfi.Port, null);
        using var client = Api.Client(server);
        var health = await Api.HealthAsync(client);
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        var client1 = health.GetProperty("certificates").EnumerateArray().Single(c => c.GetProperty("purpose").GetString() == "hl7 client");
        Assert.Equal("expiring", client1.GetProperty("state").GetString());
        Assert.InRange(client1.GetProperty("daysLeft").GetInt32(), 27, 29);
        var metrics = await client.GetStringAsync(new Uri("metrics", UriKind.Relative));
        Assert.Contains("sgl_certificate_days_remaining", metrics, StringComparison.Ordinal);
        Assert.Contains("purpose=\"hl7 client\"", metrics, StringComparison.Ordinal);
        Assert.Contains("expires on", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zam_business_acknowledgement_from_the_pfi_updates_the_delivery_it_names()
    {
        using var pfi = new MllpPeer(_certificates, _temp.File("pfi"));
        var listenerPort = Network.FreePort();
        using var server = StartServer(pfi.Port, null, listenerPort);
        using var client = Api.Client(server);
        Assert.Equal(HttpStatusCode.Accepted, (await Api.PostAsync(client, Api.Report("thyroid", "ZAM-1"))).Status);
        var report = await WaitAsync(client, "ZAM-1", r => Deliveries(r, "hl7v2").Any() && Deliveries(r, "hl7v2").All(d => d.GetProperty("status").GetString() == "sent"));
        var oru = Deliveries(report, "hl7v2").First();
        var controlId = oru.GetProperty("messageId").GetString()!;
        Assert.Contains(pfi.Received, r => r.ControlId == controlId);

        // The official ZAM^Z03 example, acknowledging our ORU (OBX-4 = its MSH-10), sent by a Node MLLP client over TLS.
        var official = await File.ReadAllTextAsync(Path.Combine(Repo.Shared, "hl7v2-examples", "oru-v2.1-init", "Message metier lecture MSS"));
        var zam = _temp.File("zam.hl7");
        await File.WriteAllTextAsync(zam, official.Replace("|ACK_LECTURE_MSS^Accusé de lecture^AckMetierZAM|015|", $"|ACK_LECTURE_MSS^Accusé de lecture^AckMetierZAM|{controlId}|", StringComparison.Ordinal), new UTF8Encoding(false));
        var send = ExternalProcess.Run("node", [Path.Combine(ExternalProcess.ToolsDirectory, "mllp-send.mjs"), "--host", "127.0.0.1", "--port", Api.S(listenerPort),
            "--key", _certificates.ClientKeyPem, "--cert", _certificates.ClientCertificatePem, "--ca", _certificates.AuthorityPem, zam], ExternalProcess.ToolsDirectory, TimeSpan.FromMinutes(1));
        Assert.True(send.ExitCode == 0, send.All);
        Assert.Equal("AA", JsonDocument.Parse(send.StandardOutput).RootElement[0].GetProperty("ack").GetProperty("msa1").GetString());

        var acknowledged = await WaitAsync(client, "ZAM-1", r => Deliveries(r, "hl7v2").Any(d => d.GetProperty("acknowledgement").ValueKind == JsonValueKind.String));
        var ack = Deliveries(acknowledged, "hl7v2").Single(d => d.GetProperty("messageId").GetString() == controlId).GetProperty("acknowledgement").GetString()!;
        Assert.Equal("Z03 MSSanté read: success", ack);
        using var audit = await client.GetAsync(new Uri("api/v1/reports/ZAM-1/audit", UriKind.Relative));
        var text = await audit.Content.ReadAsStringAsync();
        Assert.Contains("\"acknowledged\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("adam.hoda", text, StringComparison.Ordinal); // the reader's mailbox is not kept
    }

    [Fact]
    public async Task A_withdrawal_sends_the_deletion_of_the_last_issued_version_after_its_publication()
    {
        using var pfi = new MllpPeer(_certificates, _temp.File("pfi"));
        using var mss = new SmtpPeer(_certificates, _temp.File("smtp"));
        using var server = StartServer(pfi.Port, mss.Port);
        using var client = Api.Client(server);
        Assert.Equal(HttpStatusCode.Accepted, (await Api.PostAsync(client, Api.Report("thyroid", "DEL-1"))).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await Api.PostAsync(client, Api.Report("thyroid", "DEL-1", 2))).Status);
        using (var delete = await client.DeleteAsync(new Uri("api/v1/reports/DEL-1", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
            Assert.Equal("withdrawing", JsonDocument.Parse(await delete.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        }

        var report = await WaitAsync(client, "DEL-1", r => r.GetProperty("status").GetString() == "withdrawn" && Deliveries(r).All(d => d.GetProperty("status").GetString() == "sent"));
        var oru = Deliveries(report, "hl7v2").ToList();
        var deletion = oru.Single(d => d.GetProperty("sequence").GetInt32() % 2 == 1);
        Assert.Equal(2, deletion.GetProperty("version").GetInt32()); // names the last issued version, not one never issued
        Assert.Equal(5, deletion.GetProperty("sequence").GetInt32());
        var order = pfi.Received.Select(r => r.ControlId).ToList();
        Assert.Equal(oru.OrderBy(d => d.GetProperty("sequence").GetInt32()).Select(d => d.GetProperty("messageId").GetString()), order);
        var deletionText = await File.ReadAllTextAsync(pfi.Received[^1].File);
        Assert.Contains("ORC|CA", deletionText.Replace("\r", "\n", StringComparison.Ordinal), StringComparison.Ordinal);

        using var noKey = Api.Client(server, null);
        using var audit = await client.GetAsync(new Uri("api/v1/reports/DEL-1/audit", UriKind.Relative));
        var events = JsonDocument.Parse(await audit.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Contains("withdrawal-requested", events);
        Assert.Contains("withdrawn", events);
        using var revisions = await client.GetAsync(new Uri("api/v1/reports/DEL-1/revisions", UriKind.Relative));
        Assert.Equal(2, JsonDocument.Parse(await revisions.Content.ReadAsStringAsync()).RootElement.GetArrayLength()); // the deleted results stay in the history
    }

    [Fact]
    public async Task Sigterm_closes_intake_finishes_work_and_releases_every_claim()
    {
        using var pfi = new MllpPeer(_certificates, _temp.File("pfi"), "SILENT");
        using var server = StartServer(pfi.Port, null);
        using var client = Api.Client(server);
        Assert.Equal(HttpStatusCode.Accepted, (await Api.PostAsync(client, Api.Report("thyroid", "TERM-1"))).Status);
        // The PFI never answers: the ORU is being sent (claimed) when SIGTERM arrives.
        await WaitAsync(client, "TERM-1", r => Deliveries(r, "hl7v2").Any());
        for (var i = 0; i < 100 && pfi.Received.Count == 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, server.Terminate(TimeSpan.FromSeconds(40)));
        Assert.Contains("Application is shutting down", server.Output, StringComparison.Ordinal);
        Assert.Contains("released", server.Output, StringComparison.Ordinal);

        // Restarted, the instance finds the message unclaimed and sends it again (the peer now answers AA).
        using var answering = new MllpPeer(_certificates, _temp.File("pfi2"));
        var config = TestConfig.Write(_temp.File("sgl.json"), _certificates, answering.Port, null);
        using var again = new ServerProcess(config, _temp.File("data")).Start();
        using var client2 = Api.Client(again);
        var sent = await WaitAsync(client2, "TERM-1", r => Deliveries(r, "hl7v2").All(d => d.GetProperty("status").GetString() == "sent"));
        Assert.Contains("timeout", Deliveries(sent, "hl7v2").First().GetProperty("lastError").GetString() ?? "timeout", StringComparison.Ordinal);
        Assert.Single(answering.Received);
    }
}
