using BenchmarkDotNet.Attributes;
using SglReference.Domain;
using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;
using SglReference.Hl7v2.Codec;
using SglReference.Hl7v2.Oru;
using SglReference.Engine;
using SglReference.Hosting;
using SglReference.Testing;

namespace SglReference.Benchmarks;

/// <summary>
/// The HL7 v2 leg alone, once the CDA exists: building and encoding the ORU that carries it (base64 of a 100–700 kB
/// CDA included), and parsing it back as the PFI does.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class Hl7Benchmarks
{
    private OruRequest _request = null!;
    private byte[] _encoded = [];

    [Params("thyroid", "microbiology-urine", "large-300")]
    public string Fixture { get; set; } = "thyroid";

    [GlobalSetup]
    public void Setup()
    {
        var report = Repo.Load(Fixture);
        var artifacts = RenderCache.Default.Render(new RenderRequest(report)).Artifacts;
        var n3 = artifacts.Single(a => a.Kind == ArtifactKinds.CdaN3 && a.Audience == Audience.Professional);
        _request = OruMessages.For(report, DeliveryPlanner.Plan(report), _ => [new OruDocument(DocumentFormat.N3, n3.Document!, n3.Content)],
            DocumentAction.Initial, new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(1)))[0];
        _encoded = BuildAndEncode();
    }

    [Benchmark]
    public byte[] BuildAndEncode() => Hl7Encoder.Encode(CrBioOruBuilder.Build(_request, Hl7Options.Default));

    [Benchmark]
    public int Parse() => Hl7Parser.Parse(_encoded).Segments.Count;
}
