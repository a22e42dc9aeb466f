using BenchmarkDotNet.Attributes;
using SglReference.Domain;
using SglReference.Engine;
using SglReference.Hosting;
using SglReference.Testing;

namespace SglReference.Benchmarks;

/// <summary>
/// The full document set of one report: for both versions, the PDF, the N3 embedding it and the N1 — what a lab
/// produces at each biological validation.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class DocumentSetBenchmarks
{
    private SglEngine _engine = null!;
    private LabReport _report = null!;

    [Params("pdfsharp", "pdfpig")]
    public string Renderer { get; set; } = "pdfsharp";

    [Params("thyroid", "biochemistry", "microbiology-urine", "large-300")]
    public string Fixture { get; set; } = "thyroid";

    [GlobalSetup]
    public void Setup()
    {
        _engine = EngineFactory.Create(SglConfiguration.Default with { Pdf = new PdfOptions(SglConfiguration.ParseRenderer(Renderer)) });
        _report = Repo.Load(Fixture);
    }

    [Benchmark]
    public int RenderDocumentSet() => _engine.Render(new RenderRequest(_report)).Artifacts.Count;
}
