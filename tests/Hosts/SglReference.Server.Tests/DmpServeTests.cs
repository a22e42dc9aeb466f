using System.Net;
using System.Text.Json;
using SglReference.Testing;

namespace SglReference.Server.Tests;

/// <summary>
/// sgl serve with a "dmp" section: the outbox delivers the rendered ITI-41 to the strict DMP double over mutual TLS,
/// and a withdrawal reaches it as an ITI-57 deletion.
/// </summary>
[Trait("Needs", "server")]
public sealed class DmpServeTests : IDisposable
{
    private const string Deleted = "urn:asip:ci-sis:2010:StatusType:Deleted";
    private readonly TestCertificates _certificates = new();
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public void Dispose()
    {
        _certificates.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_report_posted_to_sgl_serve_is_registered_by_the_DMP_and_its_withdrawal_deletes_the_entry()
    {
        using var dmp = DmpPeer.Start(_certificates, _temp.File("dmp"));
        var kit = DmpTestKit.Create(_certificates, dmp.Endpoint, _temp.File("dmp-kit"));
        // No PFI and no MSSanté operator: the DMP is the only channel with a transport.
        var config = TestConfig.Write(_temp.File("sgl.json"), _certificates, null, null, dmp: kit);
        Directory.CreateDirectory(_temp.File("data"));
        using var server = new ServerProcess(config, _temp.File("data")).Start();
        using var client = Api.Client(server);

        Assert.Equal(HttpStatusCode.Accepted, (await Api.PostAsync(client, Api.Report("thyroid", "DMP-SERVE-1"))).Status);
        var submission = await WaitDmpAsync(client, 1);
        Assert.Equal("sent", submission.GetProperty("status").GetString());
        var submissionSet = submission.GetProperty("messageId").GetString();
        Assert.False(string.IsNullOrEmpty(submissionSet), "the outbox knows the submission by its XDSSubmissionSet.uniqueId");

        // The double read the request as the DMP would: mutual TLS, the VIHF and the XAdES signature verified, registered.
        var line = Assert.Single(dmp.Log(), l => l!["path"]!.GetValue<string>() == "/repository")!;
        Assert.Equal(submissionSet, line["submissionSet"]!.GetValue<string>());
        Assert.True(line["vihf"]!.GetValue<bool>(), "VIHF verified: " + line.ToJsonString());
        Assert.True(line["xades"]!.GetValue<bool>(), "XAdES verified: " + line.ToJsonString());
        Assert.Equal("Success", line["reply"]!["status"]!.GetValue<string>());
        var document = submission.GetProperty("documentId").GetString()!;
        var entry = Assert.Single(dmp.Entries(), e => e!["uniqueId"]!.GetValue<string>() == document)!;
        Assert.NotEqual(Deleted, entry["status"]!.GetValue<string>());

        using (var withdrawn = await client.DeleteAsync(new Uri("api/v1/reports/DMP-SERVE-1", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Accepted, withdrawn.StatusCode);
        }

        var deletion = await WaitDmpAsync(client, 2);
        Assert.Equal("sent", deletion.GetProperty("status").GetString());
        Assert.Equal(document, deletion.GetProperty("documentId").GetString());
        Assert.Equal(Deleted, dmp.Entries().Where(e => e!["uniqueId"]!.GetValue<string>() == document).MaxBy(e => e!["version"]!.GetValue<int>())!["status"]!.GetValue<string>());
    }

    /// <summary>Waits until the report has <paramref name="count"/> DMP deliveries, all settled; returns the last.</summary>
    private static async Task<JsonElement> WaitDmpAsync(HttpClient client, int count)
    {
        List<JsonElement> dmp = [];
        for (var i = 0; i < 600; i++)
        {
            dmp = (await Api.GetReportAsync(client, "DMP-SERVE-1"))?.GetProperty("deliveries").EnumerateArray()
                .Where(d => d.GetProperty("channel").GetString() == "dmp").ToList() ?? [];
            if (dmp.Count == count && dmp.All(d => d.GetProperty("status").GetString() is "sent" or "dead"))
            {
                return dmp.OrderBy(d => d.GetProperty("sequence").GetInt32()).Last();
            }

            await Task.Delay(150);
        }

        throw new TimeoutException("the DMP deliveries did not settle: " + string.Join(", ", dmp.Select(d => d.ToString())));
    }
}
