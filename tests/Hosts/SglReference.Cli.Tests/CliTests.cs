using SglReference.Testing;

namespace SglReference.Cli.Tests;

public class CliTests
{
    public static TheoryData<string> Fixtures => new(Repo.FixtureNames);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Check_accepts_every_fixture(string name)
    {
        var outcome = CliRunner.Run("check", Repo.Fixture(name));
        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("valid: report CR-2026-", outcome.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, outcome.Error);
    }

    [Fact]
    public void Check_detects_fhir_bundles()
    {
        var outcome = CliRunner.Run("check", Repo.FhirFixture("thyroid"));
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("report CR-2026-00105 revision 1, 1 chapter(s), 2 result(s)", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_file_is_one_line_and_exit_1()
    {
        var outcome = CliRunner.Run("check", "/nonexistent/report.json");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("sgl: input file not found: /nonexistent/report.json", outcome.Error.TrimEnd());
    }

    [Fact]
    public void Render_writes_a_manifest_naming_the_report()
    {
        using var temp = Repo.TempDirectory();
        var outcome = CliRunner.Run("render", Repo.Fixture("thyroid"), "--out", temp.Path);
        Assert.Equal(0, outcome.ExitCode);
        var manifest = Manifest.Parse(File.ReadAllBytes(temp.File("manifest.json")));
        Assert.Equal("CR-2026-00105", manifest.ReportId);
        Assert.Empty(Directory.GetDirectories(temp.Path, ".sgl-staging-*"));
    }

    [Fact]
    public void Render_writes_one_pdf_per_version_listed_in_the_manifest()
    {
        using var temp = Repo.TempDirectory();
        var outcome = CliRunner.Run("render", Repo.Fixture("biochemistry"), "--out", temp.Path);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("PDF renderer: PDFsharp 6.5 under the AGPL-3.0 (licence: agpl)", outcome.Out, StringComparison.Ordinal);
        var manifest = Manifest.Parse(File.ReadAllBytes(temp.File("manifest.json")));
        Assert.Equal(["pdf", "cda-n3", "cda-n1", "pdf", "cda-n3", "cda-n1", "hl7v2-oru", "ihe-xdm", "mss-message", "ihe-xdm", "mss-message"], manifest.Artifacts.Select(a => a.Kind));
        var pdfs = manifest.Artifacts.Where(a => a.Kind == "pdf").ToList();
        Assert.Equal(["professional", "patient"], pdfs.Select(a => a.Audience));
        var report = Repo.Load("biochemistry");
        foreach (var pdf in pdfs)
        {
            Assert.Equal("application/pdf", pdf.MediaType);
            var bytes = File.ReadAllBytes(temp.File(pdf.Path));
            Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
            var audience = pdf.Audience == "patient" ? Domain.Documents.Audience.Patient : Domain.Documents.Audience.Professional;
            var identity = Domain.Documents.DocumentIdentities.Derive(report, Domain.Documents.DocumentFormat.N3, audience);
            Assert.Equal(identity.Id, pdf.DocumentId);
            Assert.Equal(identity.SetId, pdf.SetId);
            Assert.Equal(1, pdf.Version);
        }
    }

    [Fact]
    public void Render_follows_the_configuration_and_the_renderer_option()
    {
        using var temp = Repo.TempDirectory();
        File.WriteAllText(temp.File("sgl.json"), """{ "documents": { "versions": "single" } }""");
        var outcome = CliRunner.Run("render", Repo.Fixture("thyroid"), "--out", temp.File("out"), "--config", temp.File("sgl.json"), "--pdf-renderer", "pdfpig");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("PdfPig", outcome.Out, StringComparison.Ordinal);
        var manifest = Manifest.Parse(File.ReadAllBytes(Path.Combine(temp.File("out"), "manifest.json")));
        Assert.Equal(["pdf", "cda-n3", "cda-n1", "hl7v2-oru", "ihe-xdm", "mss-message", "ihe-xdm", "mss-message"], manifest.Artifacts.Select(a => a.Kind));
        var pdf = Assert.Single(manifest.Artifacts, a => a.Kind == "pdf");
        Assert.Null(pdf.Audience);
        var text = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(temp.File("out"), pdf.Path)));
        Assert.Contains("<pdfaid:conformance>B</pdfaid:conformance>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configuration_problem_is_one_line_and_exit_1()
    {
        using var temp = Repo.TempDirectory();
        File.WriteAllText(temp.File("sgl.json"), """{ "pdf": { "fontFolder": "/nonexistent" } }""");
        var outcome = CliRunner.Run("render", Repo.Fixture("thyroid"), "--out", temp.File("out"), "--config", temp.File("sgl.json"));
        Assert.Equal(1, outcome.ExitCode);
        Assert.Single(outcome.ErrorLines);
        Assert.StartsWith("sgl: font DejaVuSans.ttf not found in /nonexistent", outcome.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public void A_correction_replaces_what_the_previous_manifest_lists()
    {
        using var temp = Repo.TempDirectory();
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("biochemistry"), "--out", temp.File("v1")).ExitCode);
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("correction"), "--out", temp.File("v2"), "--previous", temp.File("v1/manifest.json")).ExitCode);
        var first = Manifest.Parse(File.ReadAllBytes(temp.File("v1/manifest.json")));
        var second = Manifest.Parse(File.ReadAllBytes(temp.File("v2/manifest.json")));
        Assert.Equal(1, first.Revision);
        Assert.Equal(2, second.Revision);
        foreach (var kind in new[] { "cda-n3", "cda-n1" })
        {
            foreach (var audience in new[] { "professional", "patient" })
            {
                var before = first.Artifacts.Single(a => a.Kind == kind && a.Audience == audience);
                var after = second.Artifacts.Single(a => a.Kind == kind && a.Audience == audience);
                Assert.Equal(before.SetId, after.SetId);
                Assert.Equal(before.Version + 1, after.Version);
                Assert.NotEqual(before.DocumentId, after.DocumentId);
                var xml = File.ReadAllText(Path.Combine(temp.File("v2"), after.Path));
                Assert.Contains($"<parentDocument>\n      <id root=\"{before.DocumentId}\" />\n      <versionNumber value=\"{before.Version}\" />", xml, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_store_directory_keeps_the_chains_across_runs()
    {
        using var temp = Repo.TempDirectory();
        var store = temp.File("store");
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("biochemistry"), "--out", temp.File("v1"), "--store", store).ExitCode);
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("biochemistry"), "--out", temp.File("v1-again"), "--store", store).ExitCode);
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("correction"), "--out", temp.File("v2"), "--store", store).ExitCode);
        var v1 = Manifest.Parse(File.ReadAllBytes(temp.File("v1/manifest.json")));
        var again = Manifest.Parse(File.ReadAllBytes(temp.File("v1-again/manifest.json")));
        var v2 = Manifest.Parse(File.ReadAllBytes(temp.File("v2/manifest.json")));
        Assert.Equal(v1.Artifacts.Select(a => a.DocumentId), again.Artifacts.Select(a => a.DocumentId)); // re-rendering a revision keeps its ids
        var n3 = v2.Artifacts.Single(a => a.Kind == "cda-n3" && a.Audience == "patient");
        Assert.Equal(2, n3.Version);
        Assert.Equal(v1.Artifacts.Single(a => a.Kind == "cda-n3" && a.Audience == "patient").SetId, n3.SetId);

        // Rendering revision 1 again after revision 2 is refused: it would fork the chain.
        var stale = CliRunner.Run("render", Repo.Fixture("biochemistry"), "--out", temp.File("stale"), "--store", store);
        Assert.Equal(2, stale.ExitCode);
        Assert.Contains("revision 1 is older than revision 2", stale.Error, StringComparison.Ordinal);
        Assert.EndsWith("[SGL-CONSISTENCY]", stale.Error.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stale.Out);
        Assert.False(Directory.Exists(temp.File("stale")));
    }

    [Fact]
    [Trait("Needs", "java")]
    public void Validate_runs_the_ans_kit_on_a_render_directory()
    {
        using var temp = Repo.TempDirectory();
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("thyroid"), "--out", temp.Path).ExitCode);
        var outcome = CliRunner.Run("validate", temp.Path, "--kit", Path.Combine(Repo.Shared, "ans-cda-kit"));
        Assert.True(outcome.ExitCode == 0, outcome.Out + outcome.Error);
        Assert.Equal(2, outcome.Out.Split('\n').Count(l => l.StartsWith("0 errors, 0 warnings: ", StringComparison.Ordinal) && l.EndsWith("[crbio-n3]", StringComparison.Ordinal)));
        Assert.Equal(2, outcome.Out.Split('\n').Count(l => l.StartsWith("0 errors, 0 warnings: ", StringComparison.Ordinal) && l.EndsWith("[n1]", StringComparison.Ordinal)));

        // a broken document is reported with exit 1
        var n3 = Directory.GetFiles(temp.Path, "*professional.n3.xml").Single();
        File.WriteAllText(n3, File.ReadAllText(n3).Replace("<title>Compte rendu d'examens biologiques</title>", "<title>CR</title>", StringComparison.Ordinal));
        var broken = CliRunner.Run("validate", n3, "--kit", Path.Combine(Repo.Shared, "ans-cda-kit"));
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("Entete_CR-BIO", broken.Out, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Needs", "sdk")]
    public void The_sgl_script_runs_the_command_line()
    {
        var ok = ExternalProcess.Run(Path.Combine(Repo.Root, "sgl"), ["check", Repo.Fixture("thyroid")], timeout: TimeSpan.FromMinutes(5));
        Assert.True(ok.ExitCode == 0, ok.All);
        Assert.Contains("valid: report CR-2026-00105", ok.StandardOutput, StringComparison.Ordinal);
        using var temp = Repo.TempDirectory();
        File.WriteAllText(temp.File("bad.json"), "{\"reportId\": 1}");
        var bad = ExternalProcess.Run(Path.Combine(Repo.Root, "sgl"), ["check", temp.File("bad.json")], timeout: TimeSpan.FromMinutes(5));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("reportId: must be a string, found a number [SGL-TYPE]", bad.StandardError, StringComparison.Ordinal);
    }
}
