using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Engine;
using SglReference.Hosting;
using SglReference.Testing;

namespace SglReference.Conformance.Tests;

/// <summary>
/// Every fixture rendered and checked with the official ANS CDA kit (../shared/ans-cda-kit/validate.sh: XSD,
/// structuration minimale, volet CR-BIO 2024.01, IHE and CI-SIS schematrons), as the Ségur référencement does:
/// every N3 with the crbio-n3 profile, every N1 with the n1 profile, 0 errors and 0 warnings.
/// </summary>
[Trait("Needs", "java")]
public sealed class AnsCdaKitTests : IDisposable
{
    private readonly TempDirectory _temp = Repo.TempDirectory();

    private static string Kit => Path.Combine(Repo.Shared, "ans-cda-kit", "validate.sh");

    [Fact]
    public void Every_n3_and_n1_of_every_fixture_passes_the_kit()
    {
        Assert.True(File.Exists(Kit), "the ANS kit is expected at " + Kit);
        var n3 = new List<string>();
        var n1 = new List<string>();
        foreach (var (configuration, label) in new[]
        {
            (SglConfiguration.Default, "two-versions"),
            (SglConfiguration.Default with { Documents = DocumentSettings.Default with { Versions = DocumentVersions.Single } }, "single"),
        })
        {
            var renderer = RenderCache.Engine(configuration);
            foreach (var fixture in label == "single" ? ["thyroid", "microbiology-urine", "correction"] : Repo.FixtureNames)
            {
                foreach (var artifact in renderer.Render(new RenderRequest(Repo.Load(fixture))).Artifacts)
                {
                    var file = _temp.File($"{label}-{artifact.FileName}");
                    if (artifact.Kind == ArtifactKinds.CdaN3)
                    {
                        File.WriteAllBytes(file, artifact.Bytes());
                        n3.Add(file);
                    }
                    else if (artifact.Kind == ArtifactKinds.CdaN1)
                    {
                        File.WriteAllBytes(file, artifact.Bytes());
                        n1.Add(file);
                    }
                }
            }
        }

        // A performing lab that does not say its practice setting: standardIndustryClassCode nullFlavor UNK.
        var subcontracted = Repo.Load("subcontracted");
        var unknownSetting = subcontracted with
        {
            Chapters = new ValueList<Chapter>(subcontracted.Chapters.Select(c => c with
            {
                Batteries = new ValueList<Battery>(c.Batteries.Select(b => b with
                {
                    PerformedBy = WithoutSetting(b.PerformedBy),
                    Observations = new ValueList<Observation>(b.Observations.Select(o => o with { PerformedBy = WithoutSetting(o.PerformedBy) })),
                })),
            })),
        };
        foreach (var artifact in RenderCache.Default.Render(new RenderRequest(unknownSetting)).Artifacts.Where(a => a.Kind is ArtifactKinds.CdaN3 or ArtifactKinds.CdaN1))
        {
            var file = _temp.File("performer-setting-unknown-" + artifact.FileName);
            File.WriteAllBytes(file, artifact.Bytes());
            (artifact.Kind == ArtifactKinds.CdaN3 ? n3 : n1).Add(file);
        }

        Assert.Equal(n3.Count, n1.Count);
        Assert.True(n3.Count >= 2 * Repo.FixtureNames.Count);
        AssertClean(n3, "crbio-n3");
        AssertClean(n1, "n1");
    }

    private static void AssertClean(List<string> files, string profile)
    {
        var result = ExternalProcess.Run(Kit, [.. files, profile], timeout: TimeSpan.FromMinutes(20));
        var summaries = result.StandardOutput.Split('\n').Where(l => l.Contains($"[{profile}]", StringComparison.Ordinal)).ToList();
        Assert.True(result.ExitCode == 0, $"validate.sh {profile} exit {result.ExitCode}:\n{result.All}");
        Assert.Equal(files.Count, summaries.Count);
        Assert.All(summaries, line => Assert.StartsWith("0 errors, 0 warnings: ", line, StringComparison.Ordinal));
    }

    private static PerformingLaboratory? WithoutSetting(PerformingLaboratory? p) =>
        p is null ? null : p with { Organization = p.Organization with { PracticeSetting = null } };

    public void Dispose() => _temp.Dispose();
}
