using System.Security.Cryptography;
using System.Text.Json;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Hl7v2.Oru;
using SglReference.Engine;
using SglReference.Hosting;
using SglReference.Testing;

namespace SglReference.Conformance.Tests;

/// <summary>
/// Every ORU we write, parsed by an HL7 v2 library that is not ours (@redoxengine/redox-hl7-v2 on Node, through
/// tests/tools/parse-hl7.mjs): message type, version and profile, the ORU_R01 group structure with no segment dropped,
/// and the document OBX-5 decoding to our CDA.
/// </summary>
[Trait("Needs", "node")]
public sealed class Hl7IndependentParserTests : IDisposable
{
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Redox_parses_every_oru_of_every_fixture_into_the_oru_r01_structure()
    {
        ExternalProcess.RequireNodeTools();
        var cases = new List<(string File, Artifact Oru, IReadOnlyList<Artifact> Carried)>();
        var configurations = new[]
        {
            (SglConfiguration.Default, "default"),
            (SglConfiguration.Default with { Hl7 = Hl7Options.Default with { IncludeN1 = true, Charset = "8859/15" } }, "n1-latin9"),
        };
        foreach (var (configuration, label) in configurations)
        {
            var renderer = RenderCache.Engine(configuration);
            var reports = Repo.FixtureNames.Select(n => (n, Repo.Load(n))).ToList();
            reports.Add(("masked", Repo.Load("thyroid") with { Delivery = DeliveryOptions.Default with { MaskedToProfessionals = true, PatientMayNotReply = true } }));
            foreach (var (name, report) in label == "default" ? reports : reports.Take(3))
            {
                var artifacts = renderer.Render(new RenderRequest(report)).Artifacts;
                foreach (var oru in artifacts.Where(a => a.Kind == ArtifactKinds.Hl7v2Oru))
                {
                    // Each ORU carries the version the delivery plan gives it (the patient's for a patient-only mail).
                    var carried = artifacts.Where(a => a.Kind is ArtifactKinds.CdaN3 or ArtifactKinds.CdaN1 && a.Audience == oru.Audience)
                        .OrderBy(a => a.Kind == ArtifactKinds.CdaN3 ? 0 : 1).ToList();
                    if (!configuration.Hl7.IncludeN1)
                    {
                        carried = carried.Where(a => a.Kind == ArtifactKinds.CdaN3).ToList();
                    }

                    var file = _temp.File($"{label}-{name}-{oru.FileName}");
                    File.WriteAllBytes(file, oru.Bytes());
                    cases.Add((file, oru, carried));
                }
            }
        }

        Assert.True(cases.Count >= Repo.FixtureNames.Count + 4);
        var result = ExternalProcess.Run("node", [Path.Combine(ExternalProcess.ToolsDirectory, "parse-hl7.mjs"), .. cases.Select(c => c.File)], ExternalProcess.ToolsDirectory);
        Assert.True(result.ExitCode == 0, result.All);
        var parsed = JsonDocument.Parse(result.StandardOutput).RootElement.EnumerateArray().ToList();
        Assert.Equal(cases.Count, parsed.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var (file, _, carried) = cases[i];
            var p = parsed[i];
            var name = Path.GetFileName(file);
            Assert.False(p.TryGetProperty("error", out var error), $"{name}: {error}");
            Assert.Equal("ORU^R01^ORU_R01", p.GetProperty("msh9").GetString());
            Assert.Equal("2.5", p.GetProperty("msh12").GetString());
            Assert.Equal("2.1^CISIS_CDA_HL7_V2", p.GetProperty("msh21").GetString());
            // The parser drops segments its structure does not place: every one of ours must be placed.
            Assert.True(p.GetProperty("segmentCount").GetInt32() == p.GetProperty("parsedSegments").GetInt32(), $"{name}: a segment fell outside the ORU_R01 structure");
            var patientResult = Assert.Single(p.GetProperty("patientResults").EnumerateArray());
            var order = Assert.Single(patientResult.GetProperty("orders").EnumerateArray());
            Assert.Equal("11502-2", order.GetProperty("obr4").GetString());
            var observations = order.GetProperty("observations").EnumerateArray().ToList();
            var documents = observations.Where(o => o.GetProperty("obx2").GetString() == "ED" && o.GetProperty("edType").GetString() == "TEXT^XML^Base64").ToList();
            Assert.Equal(carried.Count, documents.Count);
            for (var d = 0; d < documents.Count; d++)
            {
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(carried[d].Content.Span)), documents[d].GetProperty("edSha256").GetString());
                Assert.Equal(carried[d].Content.Length, documents[d].GetProperty("edLength").GetInt32());
            }

            // PRT belong to the first document's OBSERVATION group: the sender first, then recipients, then reply-to.
            var prt = documents[0].GetProperty("prt").EnumerateArray().Select(x => x.GetProperty("role").GetString()).ToList();
            Assert.Equal("SB", prt[0]);
            Assert.True(prt.Skip(1).SkipWhile(r => r == "RCT").All(r => r == "REPLY"), $"{name}: PRT order {string.Join(",", prt)}");
            var metadata = observations.Where(o => o.GetProperty("obx2").GetString() == "CE").Select(o => o.GetProperty("obx3").GetString()).ToList();
            Assert.Equal(MetaDmpMssCodes.Flags.Select(f => f.Code), metadata);
            var labels = observations.Where(o => o.GetProperty("obx2").GetString() == "CE").Select(o => o.GetProperty("obx3label").GetString()).ToList();
            Assert.Equal(MetaDmpMssCodes.Flags.Select(f => f.Label), labels); // accents decoded in UTF-8 and in 8859/15
            var patientMail = observations.Single(o => o.GetProperty("obx3").GetString() == "DESTMSSANTEPAT");
            var fin = patientMail.GetProperty("nte").EnumerateArray().Select(n => n.GetString()).ToList();
            Assert.True(fin.Count == 0 || (fin.SequenceEqual(["FIN"]) && patientMail.GetProperty("value").GetString() == "Y"));
        }

        Assert.Contains(parsed, p => p.GetProperty("patientResults")[0].GetProperty("orders")[0].GetProperty("observations").EnumerateArray()
            .Any(o => o.GetProperty("nte").GetArrayLength() == 1));
    }
}
