using System.Text;
using System.Text.Json.Nodes;
using SglReference.Testing;

namespace SglReference.Cli.Tests;

/// <summary>sgl render with many inputs: one process, bounded parallelism, a summary, each report all or nothing.</summary>
public sealed class BatchRenderTests
{
    [Fact]
    public void A_folder_renders_every_report_and_orders_the_revisions_of_one_report()
    {
        using var temp = Repo.TempDirectory();
        var outcome = CliRunner.Run("render", Repo.Fixtures, "--out", temp.File("out"), "--store", temp.File("store"), "--parallel", "2");
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var count = Repo.FixtureNames.Count;
        Assert.Contains($"rendered {count} report(s), refused 0, in ", outcome.Out, StringComparison.Ordinal);
        Assert.Equal(count, Directory.GetDirectories(temp.File("out")).Length);
        // correction.json is revision 2 of biochemistry.json: rendered after it, it replaces what it issued.
        var v1 = Manifest.Parse(File.ReadAllBytes(temp.File("out/CR-2026-00101-1/manifest.json")));
        var v2 = Manifest.Parse(File.ReadAllBytes(temp.File("out/CR-2026-00101-2/manifest.json")));
        var before = v1.Artifacts.Single(a => a.Kind == "cda-n3" && a.Audience == "professional");
        var after = v2.Artifacts.Single(a => a.Kind == "cda-n3" && a.Audience == "professional");
        Assert.Equal((before.SetId, before.Version + 1), (after.SetId, after.Version));
        Assert.Equal(before.DocumentId, after.Replaces!.Id);
    }

    [Fact]
    public void A_refused_report_is_reported_and_does_not_stop_the_others()
    {
        using var temp = Repo.TempDirectory();
        File.Copy(Repo.Fixture("thyroid"), temp.File("a-thyroid.json"));
        var broken = JsonNode.Parse(File.ReadAllText(Repo.Fixture("serology")))!.AsObject();
        broken["patient"]!["ins"]!["matricule"] = "2790351215189"; // wrong key
        File.WriteAllText(temp.File("b-broken.json"), broken.ToJsonString());
        var outcome = CliRunner.Run("render", temp.File("a-thyroid.json"), temp.File("b-broken.json"), "--out", temp.File("out"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("rendered 1 report(s), refused 1", outcome.Out, StringComparison.Ordinal);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.StartsWith(temp.File("b-broken.json") + ": patient.ins.matricule: ", line, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.File("out/CR-2026-00105-1/manifest.json")));
        Assert.Single(Directory.GetDirectories(temp.File("out")));
    }

    [Fact]
    [Trait("Needs", "sdk")]
    public void Ndjson_on_stdin_renders_one_report_per_line()
    {
        using var temp = Repo.TempDirectory();
        var lines = new StringBuilder();
        foreach (var name in new[] { "thyroid", "haematology-cbc", "coagulation" })
        {
            lines.Append(JsonNode.Parse(File.ReadAllText(Repo.Fixture(name)))!.ToJsonString()).Append('\n');
        }

        lines.Append("{\"reportId\": 12}\n");
        var sgl = Path.Combine(AppContext.BaseDirectory, "sgl.dll");
        var run = ExternalProcess.Run("dotnet", [sgl, "render", "-", "--out", temp.File("out")], stdin: Encoding.UTF8.GetBytes(lines.ToString()));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("rendered 3 report(s), refused 1", run.StandardOutput, StringComparison.Ordinal);
        Assert.StartsWith("stdin:4: reportId: must be a string", run.StandardError, StringComparison.Ordinal);
        Assert.Equal(3, Directory.GetDirectories(temp.File("out")).Length);
    }

    [Fact]
    public void Previous_names_one_report_so_a_batch_refuses_it()
    {
        using var temp = Repo.TempDirectory();
        var outcome = CliRunner.Run("render", Repo.Fixtures, "--out", temp.File("out"), "--previous", temp.File("manifest.json"));
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("--previous names the manifest of one report", outcome.Error, StringComparison.Ordinal);
    }
}
