using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SglReference.Testing;

namespace SglReference.Server.Tests;

/// <summary>sgl serve with an Annuaire Santé configured: a missing MSSanté address is looked up before rendering.</summary>
[Trait("Needs", "server")]
[Trait("Needs", "node")]
public sealed class AnnuaireServeTests : IDisposable
{
    private const string KeyVariable = "SGL_TEST_SERVE_ESANTE_API_KEY";
    private readonly TestCertificates _certificates = new();
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public void Dispose()
    {
        _certificates.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_prescriber_without_a_mailbox_is_mailed_at_the_address_the_annuaire_publishes()
    {
        using var annuaire = AnnuairePeer.Start();
        using var mss = new SmtpPeer(_certificates, _temp.File("smtp"));
        Environment.SetEnvironmentVariable(KeyVariable, AnnuairePeer.ApiKey); // inherited by the server process
        var config = TestConfig.Write(_temp.File("sgl.json"), _certificates, null, mss.Port, sections: new Dictionary<string, object?>
        {
            ["annuaire"] = new Dictionary<string, object?> { ["baseUrl"] = annuaire.BaseUrl, ["apiKeyVariable"] = KeyVariable, ["timeoutSeconds"] = 5 },
        });
        Directory.CreateDirectory(_temp.File("data"));
        using var server = new ServerProcess(config, _temp.File("data")).Start();
        using var client = Api.Client(server);

        var report = JsonNode.Parse(Api.Report("thyroid", "ANNUAIRE-1"))!.AsObject();
        var prescriber = report["prescriber"]!.AsObject();
        prescriber["rpps"] = AnnuairePeer.FoundRpps;
        prescriber.Remove("mssanteAddress");
        report.Remove("attendingPhysician");
        report.Remove("copiesTo");
        Assert.Equal(HttpStatusCode.Accepted, (await Api.PostAsync(client, Encoding.UTF8.GetBytes(report.ToJsonString()))).Status);

        // No PFI is configured here: wait for the MSSanté mails only.
        List<System.Text.Json.JsonElement> mails = [];
        for (var i = 0; i < 400 && !(mails.Count == 2 && mails.All(d => d.GetProperty("status").GetString() == "sent")); i++)
        {
            await Task.Delay(150);
            mails = (await Api.GetReportAsync(client, "ANNUAIRE-1"))?.GetProperty("deliveries").EnumerateArray()
                .Where(d => d.GetProperty("channel").GetString() == "mss").ToList() ?? [];
        }

        Assert.Contains(mails, d => d.GetProperty("recipient").GetString() == "professionals" && d.GetProperty("status").GetString() == "sent");
        var mail = mss.Messages.Select(m => File.ReadAllText(m.File)).Single(text => text.Contains("pascal.charles@medecin.mssante.fr", StringComparison.Ordinal));
        Assert.Contains("To: ", mail, StringComparison.Ordinal);
        var asked = Assert.Single(annuaire.Received(1));
        Assert.Contains(AnnuairePeer.FoundRpps, asked.ToString(), StringComparison.Ordinal);
    }
}
