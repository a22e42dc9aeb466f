using System.Text;
using System.Text.Json.Nodes;
using SglReference.Hl7v2.Codec;
using SglReference.Testing;

namespace SglReference.Cli.Tests;

/// <summary>
/// The seams where wave 1 made one decision twice (issue "The engine"), seen from the command line: each of these
/// failed before the engine gave the pipeline one owner per decision.
/// </summary>
public sealed class EngineSeamTests
{
    private static Hl7Message Oru(string directory, string fileName) => Hl7Parser.Parse(File.ReadAllBytes(Path.Combine(directory, fileName)));

    private static string CarriedDocumentId(Hl7Message oru)
    {
        var cda = Encoding.UTF8.GetString(Convert.FromBase64String(oru.All("OBX").First(o => o.Value(2) == "ED").Value(5, 5)));
        var start = cda.IndexOf("<id root=\"", cda.IndexOf("<ClinicalDocument", StringComparison.Ordinal), StringComparison.Ordinal) + 10;
        return cda[start..cda.IndexOf('"', start)];
    }

    [Fact]
    public void A_patient_only_oru_carries_the_patient_version()
    {
        using var temp = Repo.TempDirectory();
        var report = JsonNode.Parse(File.ReadAllText(Repo.Fixture("biochemistry")))!.AsObject();
        report["delivery"] = new JsonObject { ["maskedToProfessionals"] = true };
        File.WriteAllText(temp.File("masked.json"), report.ToJsonString());
        Assert.Equal(0, CliRunner.Run("render", temp.File("masked.json"), "--out", temp.File("out")).ExitCode);
        var manifest = Manifest.Parse(File.ReadAllBytes(temp.File("out/manifest.json")));
        var patientOnly = manifest.Artifacts.Where(a => a.Kind == "hl7v2-oru").Select(a => Oru(temp.File("out"), a.Path))
            .Single(m => m.All("OBX").Single(o => o.Value(3) == "DESTMSSANTEPAT").Value(5) == "Y");
        Assert.Equal("N", patientOnly.All("OBX").Single(o => o.Value(3) == "DESTMSSANTEPS").Value(5));
        var patientN3 = manifest.Artifacts.Single(a => a.Kind == "cda-n3" && a.Audience == "patient");
        Assert.Equal(patientN3.DocumentId, CarriedDocumentId(patientOnly));
        var carried = Encoding.UTF8.GetString(Convert.FromBase64String(patientOnly.All("OBX").First(o => o.Value(2) == "ED").Value(5, 5)));
        Assert.DoesNotContain("Insuffisance rénale légère (stade 2)", carried, StringComparison.Ordinal); // an interpretation, for professionals only
    }

    [Fact]
    public void Withdrawing_a_correction_that_was_never_issued_deletes_the_last_issued_version()
    {
        using var temp = Repo.TempDirectory();
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("biochemistry"), "--out", temp.File("v1")).ExitCode);
        var withdrawal = CliRunner.Run("render", Repo.Fixture("correction"), "--out", temp.File("del"), "--previous", temp.File("v1/manifest.json"), "--withdraw");
        Assert.True(withdrawal.ExitCode == 0, withdrawal.Error);
        var v1 = Manifest.Parse(File.ReadAllBytes(temp.File("v1/manifest.json")));
        var deletion = Manifest.Parse(File.ReadAllBytes(temp.File("del/manifest.json")));
        foreach (var kind in new[] { "cda-n3", "cda-n1" })
        {
            foreach (var audience in new[] { "professional", "patient" })
            {
                var issued = v1.Artifacts.Single(a => a.Kind == kind && a.Audience == audience);
                var deleted = deletion.Artifacts.Single(a => a.Kind == kind && a.Audience == audience);
                Assert.Equal((issued.DocumentId, issued.SetId, issued.Version), (deleted.DocumentId, deleted.SetId, deleted.Version));
            }
        }

        var oru = Oru(temp.File("del"), deletion.Artifacts.Single(a => a.Kind == "hl7v2-oru").Path);
        Assert.Equal("CA", oru.First("ORC")!.Value(1));
        Assert.Equal("D", oru.All("OBX").First().Value(11));
        Assert.Equal(v1.Artifacts.Single(a => a.Kind == "cda-n3" && a.Audience == "professional").DocumentId, CarriedDocumentId(oru));
    }

    [Fact]
    public void Withdrawing_without_knowing_what_was_issued_is_refused_with_exit_2()
    {
        using var temp = Repo.TempDirectory();
        var outcome = CliRunner.Run("render", Repo.Fixture("biochemistry"), "--out", temp.File("del"), "--withdraw");
        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("revision: nothing was issued", outcome.ErrorLines[0], StringComparison.Ordinal);
        Assert.EndsWith("[SGL-CONSISTENCY]", outcome.ErrorLines[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("del")));
    }

    [Fact]
    public void Rendering_the_same_correction_twice_with_a_store_keeps_its_replacement()
    {
        using var temp = Repo.TempDirectory();
        var store = temp.File("store");
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("biochemistry"), "--out", temp.File("v1"), "--store", store).ExitCode);
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("correction"), "--out", temp.File("v2"), "--store", store).ExitCode);
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("correction"), "--out", temp.File("v2-again"), "--store", store).ExitCode);
        var first = Manifest.Parse(File.ReadAllBytes(temp.File("v2/manifest.json")));
        var again = Manifest.Parse(File.ReadAllBytes(temp.File("v2-again/manifest.json")));
        Assert.Equal(first.Artifacts.Select(a => (a.Kind, a.DocumentId, a.Version)), again.Artifacts.Select(a => (a.Kind, a.DocumentId, a.Version)));
        var v1 = Manifest.Parse(File.ReadAllBytes(temp.File("v1/manifest.json")));
        foreach (var n3 in again.Artifacts.Where(a => a.Kind == "cda-n3"))
        {
            var replaced = v1.Artifacts.Single(a => a.Kind == "cda-n3" && a.Audience == n3.Audience);
            var xml = File.ReadAllText(Path.Combine(temp.File("v2-again"), n3.Path));
            Assert.Contains("<relatedDocument typeCode=\"RPLC\">", xml, StringComparison.Ordinal);
            Assert.Contains($"<id root=\"{replaced.DocumentId}\" />", xml, StringComparison.Ordinal);
        }

        var oru = Oru(temp.File("v2-again"), again.Artifacts.Single(a => a.Kind == "hl7v2-oru").Path);
        Assert.Equal("RO", oru.First("ORC")!.Value(1));
        Assert.Equal("C", oru.All("OBX").First().Value(11));
    }

    [Fact]
    public void A_lab_without_an_mssante_mailbox_is_warned_by_check_and_rendered_without_mails()
    {
        using var temp = Repo.TempDirectory();
        var report = JsonNode.Parse(File.ReadAllText(Repo.Fixture("biochemistry")))!.AsObject();
        report["laboratory"]!.AsObject().Remove("mssanteMailbox");
        File.WriteAllText(temp.File("no-bal.json"), report.ToJsonString());

        var check = CliRunner.Run("check", temp.File("no-bal.json"));
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("warning: mss not planned: MSSanté: the laboratory has no BAL applicative", check.Out, StringComparison.Ordinal);

        var render = CliRunner.Run("render", temp.File("no-bal.json"), "--out", temp.File("out"));
        Assert.True(render.ExitCode == 0, render.Error);
        var kinds = Manifest.Parse(File.ReadAllBytes(temp.File("out/manifest.json"))).Artifacts.Select(a => a.Kind).ToList();
        Assert.Equal(2, kinds.Count(k => k == "pdf"));
        Assert.Equal(2, kinds.Count(k => k == "cda-n3"));
        Assert.Contains("hl7v2-oru", kinds);
        Assert.DoesNotContain("mss-message", kinds);
    }

    [Theory]
    [InlineData("""{"hl7": {"charset": "ASCII"}}""", "hl7.charset: must be")]
    [InlineData("""{"hl7": {"sendingApplication": "LAB|^X"}}""", "hl7.sendingApplication: must be 1 to 180 characters without HL7 delimiters")]
    [InlineData("""{"hl7": {"includeN1": "yes"}}""", "hl7.includeN1: must be true or false")]
    [InlineData("""{"documents": {"versions": 2}}""", "documents.versions: must be a string")]
    public void A_bad_configuration_exits_2_naming_the_setting(string json, string expected)
    {
        using var temp = Repo.TempDirectory();
        File.WriteAllText(temp.File("sgl.json"), json);
        var outcome = CliRunner.Run("render", Repo.Fixture("thyroid"), "--out", temp.File("out"), "--config", temp.File("sgl.json"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(expected, Assert.Single(outcome.ErrorLines), StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", outcome.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
    }
}
