using System.Net;
using System.Text;
using System.Text.Json;
using SglReference.Testing;

namespace SglReference.Server.Tests;

/// <summary>Intake against a real sgl serve process (embedded store, no peers: messages wait in the outbox).</summary>
[Trait("Needs", "server")]
public sealed class IntakeTests : IClassFixture<IntakeTests.Service>
{
    private readonly Service _service;

    public IntakeTests(Service service) => _service = service;

    /// <summary>One server for the class.</summary>
    public sealed class Service : IDisposable
    {
        private readonly TestCertificates _certificates = new();
        private readonly TempDirectory _temp = Repo.TempDirectory();

        public Service()
        {
            var config = TestConfig.Write(_temp.File("sgl.json"), _certificates, null, null);
            Directory.CreateDirectory(_temp.File("data"));
            Server = new ServerProcess(config, _temp.File("data")).Start();
        }

        internal ServerProcess Server { get; }

        public void Dispose()
        {
            Server.Dispose();
            _certificates.Dispose();
            _temp.Dispose();
        }
    }

    [Fact]
    public async Task Every_malformed_input_is_refused_with_400_problem_json_naming_the_field_and_never_a_5xx()
    {
        using var client = Api.Client(_service.Server);
        var failures = new List<string>();
        foreach (var testCase in MalformedInputCorpus.All)
        {
            var contentType = testCase.Name.StartsWith("FHIR", StringComparison.Ordinal) ? "application/fhir+json" : "application/json";
            var (status, body, response) = await Api.PostAsync(client, testCase.Bytes(), contentType);
            using (response)
            {
                if (status != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{testCase.Name}: {(int)status} {response.Content.Headers.ContentType}");
                    continue;
                }

                var errors = body.GetProperty("errors").EnumerateArray().Select(e => (Path: e.GetProperty("path").GetString()!, Message: e.GetProperty("message").GetString()!, Code: e.GetProperty("code").GetString()!)).ToList();
                var named = errors.Where(e => e.Code == testCase.Code && (testCase.Path is null || e.Path.StartsWith(testCase.Path, StringComparison.Ordinal))).ToList();
                if (named.Count == 0)
                {
                    failures.Add($"{testCase.Name}: expected {testCase.Code} at {testCase.Path}, got {string.Join("; ", errors.Select(e => $"{e.Path} {e.Code}"))}");
                }

                var text = body.ToString();
                if (text.Contains("Exception", StringComparison.Ordinal) || text.Contains("   at ", StringComparison.Ordinal))
                {
                    failures.Add($"{testCase.Name}: a stack trace leaked");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(MalformedInputCorpus.All.Count >= 60);
        Assert.DoesNotContain("stderr: ", _service.Server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_valid_key_every_api_call_is_401_and_the_page_asks_for_the_key()
    {
        using var anonymous = Api.Client(_service.Server, key: null);
        using var wrong = Api.Client(_service.Server, key: "not-the-key-0123456789");
        foreach (var client in new[] { anonymous, wrong })
        {
            var (status, body, response) = await Api.PostAsync(client, Api.Report("thyroid", "AUTH-1"));
            response.Dispose();
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal("An API key is required", body.GetProperty("title").GetString());
            using var get = await client.GetAsync(new Uri("api/v1/reports/AUTH-1", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
            using var delete = await client.DeleteAsync(new Uri("api/v1/reports/AUTH-1", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
        }

        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _service.Server.BaseAddress };
        using var page = await noRedirect.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/connexion", page.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_identical_repeat_is_idempotent_a_new_revision_replaces_and_a_changed_or_older_revision_conflicts()
    {
        using var client = Api.Client(_service.Server);
        var first = Api.Report("thyroid", "IDEM-1");
        var (s1, b1, r1) = await Api.PostAsync(client, first);
        Assert.Equal(HttpStatusCode.Accepted, s1);
        Assert.Equal("/api/v1/reports/IDEM-1", r1.Headers.Location!.OriginalString);
        Assert.Equal(1, b1.GetProperty("revision").GetInt32());
        var (s2, _, _) = await Api.PostAsync(client, first);
        Assert.Equal(HttpStatusCode.Accepted, s2);

        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(first).Replace("\"reportId\"", " \"reportId\"", StringComparison.Ordinal));
        var (s3, b3, _) = await Api.PostAsync(client, changed);
        Assert.Equal(HttpStatusCode.Conflict, s3);
        Assert.Contains("new revision", b3.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (s4, b4, _) = await Api.PostAsync(client, Api.Report("thyroid", "IDEM-1", 2));
        Assert.Equal(HttpStatusCode.Accepted, s4);
        Assert.Equal(2, b4.GetProperty("revision").GetInt32());
        var (s5, _, _) = await Api.PostAsync(client, first);
        Assert.Equal(HttpStatusCode.Accepted, s5); // the identical repeat of revision 1 is still recognised
        Assert.Equal(HttpStatusCode.Accepted, (await Api.PostAsync(client, Api.Report("minor", "IDEM-2", 2))).Status);
        var (s6, b6, _) = await Api.PostAsync(client, Api.Report("minor", "IDEM-2", 1));
        Assert.Equal(HttpStatusCode.Conflict, s6);
        Assert.Contains("older than revision 2", b6.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var revisions = await client.GetAsync(new Uri("api/v1/reports/IDEM-1/revisions", UriKind.Relative));
        var list = JsonDocument.Parse(await revisions.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal([1, 2], list.EnumerateArray().Select(r => r.GetProperty("revision").GetInt32()));
        using var body1 = await client.GetAsync(new Uri("api/v1/reports/IDEM-1/revisions/1", UriKind.Relative));
        Assert.Equal(first, await body1.Content.ReadAsByteArrayAsync()); // the modified result's first version is kept as received

        var audit = await WaitForAsync(client, "IDEM-1", a => a.Any(e => e.GetProperty("event").GetString() == "rendered" && e.GetProperty("revision").GetInt32() == 2));
        var events = audit.Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Equal(2, events.Count(e => e == "received"));
        Assert.Contains("replaced", events);

    }

    [Fact]
    public async Task A_report_is_rendered_in_the_background_and_its_documents_are_served()
    {
        using var client = Api.Client(_service.Server);
        var (status, _, _) = await Api.PostAsync(client, await File.ReadAllBytesAsync(Repo.FhirFixture("thyroid")), "application/fhir+json");
        Assert.Equal(HttpStatusCode.Accepted, status);
        var reportId = JsonDocument.Parse(await File.ReadAllTextAsync(Repo.Fixture("thyroid"))).RootElement.GetProperty("reportId").GetString()!;
        JsonElement report = default;
        for (var i = 0; i < 100 && report.ValueKind != JsonValueKind.Object; i++)
        {
            var found = await Api.GetReportAsync(client, reportId);
            if (found is { } f && f.GetProperty("status").GetString() == "rendered")
            {
                report = f;
            }
            else
            {
                await Task.Delay(200);
            }
        }

        Assert.Equal(JsonValueKind.Object, report.ValueKind);
        var pdf = report.GetProperty("artifacts").EnumerateArray().First(a => a.GetProperty("kind").GetString() == "pdf");
        using var bytes = await client.GetAsync(new Uri($"api/v1/reports/{reportId}/artifacts/{pdf.GetProperty("documentId").GetString()}?kind=pdf", UriKind.Relative));
        Assert.Equal("application/pdf", bytes.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-1.", Encoding.ASCII.GetString((await bytes.Content.ReadAsByteArrayAsync())[..8]), StringComparison.Ordinal);
        var deliveries = report.GetProperty("deliveries").EnumerateArray().ToList();
        Assert.Contains(deliveries, d => d.GetProperty("channel").GetString() == "hl7v2" && d.GetProperty("recipient").GetString() == "pfi");
        Assert.All(deliveries, d => Assert.Equal("pending", d.GetProperty("status").GetString())); // no peer configured: they wait
        Assert.DoesNotContain(deliveries, d => d.GetProperty("recipient").GetString()!.Contains('@', StringComparison.Ordinal));

        using var openApi = await client.GetAsync(new Uri("openapi/v1.json", UriKind.Relative));
        var paths = JsonDocument.Parse(await openApi.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/reports", out _));
        Assert.True(paths.TryGetProperty("/api/v1/reports/{reportId}", out _));
    }

    private static async Task<List<JsonElement>> WaitForAsync(HttpClient client, string reportId, Func<List<JsonElement>, bool> done)
    {
        for (var i = 0; i < 150; i++)
        {
            using var response = await client.GetAsync(new Uri($"api/v1/reports/{reportId}/audit", UriKind.Relative));
            var audit = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
            if (done(audit))
            {
                return audit;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the audit trail of " + reportId + " did not reach the expected state");
    }
}
