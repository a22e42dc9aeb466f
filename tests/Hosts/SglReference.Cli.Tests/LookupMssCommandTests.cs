using System.Text.Json.Nodes;
using SglReference.Testing;

namespace SglReference.Cli.Tests;

/// <summary>sgl lookup-mss and render's fill of missing mailboxes, against the local Annuaire Santé double (a real process).</summary>
[Trait("Needs", "node")]
public sealed class LookupMssCommandTests : IDisposable
{
    private const string KeyVariable = "SGL_TEST_ESANTE_API_KEY";
    private readonly AnnuairePeer _peer = AnnuairePeer.Start();
    private readonly TempDirectory _temp = Repo.TempDirectory();
    private readonly string _config;

    public LookupMssCommandTests()
    {
        Environment.SetEnvironmentVariable(KeyVariable, AnnuairePeer.ApiKey);
        _config = _temp.File("sgl.json");
        File.WriteAllText(_config, new JsonObject
        {
            ["annuaire"] = new JsonObject { ["baseUrl"] = _peer.BaseUrl, ["apiKeyVariable"] = KeyVariable, ["timeoutSeconds"] = 5 },
        }.ToJsonString());
    }

    [Fact]
    public void A_published_mailbox_is_printed_with_exit_0()
    {
        var outcome = CliRunner.Run("lookup-mss", "--rpps", AnnuairePeer.FoundRpps, "--config", _config);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("pascal.charles@medecin.mssante.fr", outcome.Out.Trim());
    }

    [Fact]
    public void Several_mailboxes_print_the_winner_first_then_the_others()
    {
        var outcome = CliRunner.Run("lookup-mss", "--rpps", AnnuairePeer.SeveralRpps, "--config", _config);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["a.leroy@ch-boulogne.mssante.fr", "also: anne.leroy@medecin.mssante.fr (PractitionerRole/pr-leroy-1)"], outcome.Out.Trim().Split('\n'));
    }

    [Fact]
    public void No_mailbox_is_exit_1_saying_so()
    {
        var outcome = CliRunner.Run("lookup-mss", "--rpps", AnnuairePeer.NotFoundRpps, "--config", _config);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(string.Empty, outcome.Out);
        Assert.StartsWith("sgl: no MSSanté mailbox for RPPS 10003059879", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_error_is_exit_1_with_the_status_and_the_operation_outcome()
    {
        var outcome = CliRunner.Run("lookup-mss", "--rpps", AnnuairePeer.ErrorRpps, "--config", _config);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("HTTP 503", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("Service temporairement indisponible", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_rpps_is_exit_2_and_nothing_is_asked()
    {
        var outcome = CliRunner.Run("lookup-mss", "--rpps", "10002422978", "--config", _config);
        Assert.Equal(2, outcome.ExitCode);
        Assert.EndsWith("[SGL-RPPS-KEY]", outcome.Error.Trim(), StringComparison.Ordinal);
        Assert.Empty(_peer.Received(0));
    }

    [Fact]
    public void Render_fills_a_missing_prescriber_mailbox_before_rendering_and_mails_it()
    {
        var report = JsonNode.Parse(File.ReadAllText(Repo.Fixture("thyroid")))!.AsObject();
        report["prescriber"]!.AsObject().Remove("mssanteAddress");
        var input = _temp.File("thyroid.json");
        File.WriteAllText(input, report.ToJsonString());
        var outDir = _temp.File("out");

        var outcome = CliRunner.Run("render", input, "--out", outDir, "--config", _config);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("annuaire: prescriber RPPS 10002422979: pascal.charles@medecin.mssante.fr", outcome.Out, StringComparison.Ordinal);
        var request = Assert.Single(_peer.Received(1));
        Assert.EndsWith("|810002422979", request.GetProperty("query").GetProperty("practitioner.identifier").GetString(), StringComparison.Ordinal);
        var mail = File.ReadAllText(Directory.GetFiles(outDir, "*-to-professionals.eml").Single());
        Assert.Contains("pascal.charles@medecin.mssante.fr", mail, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_goes_on_with_a_warning_when_the_directory_fails()
    {
        var report = JsonNode.Parse(File.ReadAllText(Repo.Fixture("thyroid")))!.AsObject();
        report["prescriber"]!["rpps"] = AnnuairePeer.ErrorRpps;
        report["prescriber"]!.AsObject().Remove("mssanteAddress");
        var input = _temp.File("thyroid.json");
        File.WriteAllText(input, report.ToJsonString());

        var outcome = CliRunner.Run("render", input, "--out", _temp.File("out"), "--config", _config);

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("warning: annuaire: prescriber RPPS 10023456782: lookup failed (the Annuaire Santé answered HTTP 503", outcome.Out, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _peer.Dispose();
        _temp.Dispose();
    }
}
