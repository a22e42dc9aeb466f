using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Engine;
using SglReference.Hosting;
using SglReference.Input;
using SglReference.Input.Json;
using SglReference.Testing;

namespace SglReference.Conformance.Tests;

/// <summary>
/// FHIR Bundles in the shapes real senders write (fixtures/fhir/eu: document, collection, transaction) rendered with
/// the lab profile: every N3 passes the official ANS kit, and every Observation that carries a value reaches the N3's
/// entries (its code or its coded value) and its narrative (its label or its value).
/// </summary>
public static class FhirBundles
{
    public static SglConfiguration Configuration { get; } = SglConfiguration.Default with
    {
        Laboratories = [LabProfile.For(JsonReportReader.ReadFile(Repo.Fixture("biochemistry")).Report!.Laboratory, DocumentSettings.Default)],
    };

    public static IReadOnlyList<string> Eu =>
        Directory.GetFiles(Path.Combine(Repo.Fixtures, "fhir", "eu"), "*.json").Order(StringComparer.Ordinal).ToList();

    public static RenderPackage Render(string path)
    {
        var engine = RenderCache.Engine(Configuration);
        var result = engine.Read(File.ReadAllBytes(path), InputFormat.Fhir);
        Assert.True(result.IsValid, path + ":\n" + string.Join("\n", result.Errors));
        return engine.Render(new RenderRequest(result.Report!));
    }
}

[Trait("Needs", "java")]
public sealed class FhirBundleKitTests : IDisposable
{
    private readonly TempDirectory _temp = Repo.TempDirectory();

    [Fact]
    public void Every_n3_of_the_fhir_bundles_passes_the_kit()
    {
        var kit = Path.Combine(Repo.Shared, "ans-cda-kit", "validate.sh");
        var files = new List<string>();
        foreach (var bundle in FhirBundles.Eu)
        {
            foreach (var artifact in FhirBundles.Render(bundle).Artifacts.Where(a => a.Kind == ArtifactKinds.CdaN3))
            {
                var file = _temp.File($"{Path.GetFileNameWithoutExtension(bundle)}-{artifact.FileName}");
                File.WriteAllBytes(file, artifact.Bytes());
                files.Add(file);
            }
        }

        Assert.Equal(2 * FhirBundles.Eu.Count, files.Count);
        var result = ExternalProcess.Run(kit, [.. files, "crbio-n3"], timeout: TimeSpan.FromMinutes(10));
        var summaries = result.StandardOutput.Split('\n').Where(l => l.Contains("[crbio-n3]", StringComparison.Ordinal)).ToList();
        Assert.True(result.ExitCode == 0, $"validate.sh exit {result.ExitCode}:\n{result.All}");
        Assert.Equal(files.Count, summaries.Count);
        Assert.All(summaries, line => Assert.StartsWith("0 errors, 0 warnings: ", line, StringComparison.Ordinal));
    }

    public void Dispose() => _temp.Dispose();
}

public class FhirObservationCoverageTests
{
    private static readonly XNamespace s_hl7 = "urn:hl7-org:v3";

    public static TheoryData<string> Bundles => new(FhirBundles.Eu.Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Every_observation_with_a_value_reaches_the_n3_entries_and_narrative(string name)
    {
        var path = Path.Combine(Repo.Fixtures, "fhir", "eu", name);
        var n3 = FhirBundles.Render(path).Artifacts.Get(ArtifactKinds.CdaN3, Audience.Professional);
        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(n3.Content.Span));
        var sections = document.Descendants(s_hl7 + "section").ToList();
        var narrative = string.Join("\n", sections.Elements(s_hl7 + "text").Select(t => t.Value));
        var entryCodes = sections.Elements(s_hl7 + "entry").Descendants()
            .Where(e => e.Name == s_hl7 + "code" || e.Name == s_hl7 + "value")
            .Select(e => (string?)e.Attribute("code")).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var observations = JsonNode.Parse(File.ReadAllText(path))!["entry"]!.AsArray()
            .Select(e => e!["resource"]!.AsObject())
            .Where(r => r["resourceType"]!.GetValue<string>() == "Observation" && r.Any(p => p.Key.StartsWith("value", StringComparison.Ordinal)))
            .ToList();
        Assert.True(observations.Count >= 3, $"{name}: {observations.Count} observations with a value");
        foreach (var o in observations)
        {
            var id = o["id"]!.GetValue<string>();
            var codes = Codings(o["code"]).Concat(Codings(o["valueCodeableConcept"])).Select(c => c["code"]!.GetValue<string>()).ToList();
            Assert.True(codes.Any(entryCodes.Contains), $"{name}: Observation/{id} ({string.Join(", ", codes)}) has no entry in the N3");

            var shown = new List<string>();
            if (o["code"]?["text"] is { } text)
            {
                shown.Add(text.GetValue<string>());
            }

            shown.AddRange(Codings(o["code"]).Concat(Codings(o["valueCodeableConcept"])).Select(c => c["display"]?.GetValue<string>()).OfType<string>());
            if (o["valueCodeableConcept"]?["text"] is { } valueText)
            {
                shown.Add(valueText.GetValue<string>());
            }

            if (o["valueQuantity"]?["value"] is { } number)
            {
                var n = decimal.Parse(number.ToJsonString(), CultureInfo.InvariantCulture);
                shown.Add(n.ToString(CultureInfo.InvariantCulture).Replace('.', ','));
            }

            Assert.True(shown.Any(s => narrative.Contains(s, StringComparison.Ordinal)), $"{name}: Observation/{id} ({string.Join(" | ", shown)}) is not in the N3 narrative");
            if (o["valueQuantity"]?["value"] is { } value)
            {
                var printed = decimal.Parse(value.ToJsonString(), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture).Replace('.', ',');
                Assert.True(narrative.Contains(printed, StringComparison.Ordinal), $"{name}: the value {printed} of Observation/{id} is not in the N3 narrative");
            }
        }
    }

    private static IEnumerable<JsonObject> Codings(JsonNode? concept) =>
        concept?["coding"] is JsonArray codings ? codings.Select(c => c!.AsObject()) : [];
}
