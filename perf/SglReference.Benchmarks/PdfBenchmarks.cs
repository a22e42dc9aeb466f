using BenchmarkDotNet.Attributes;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Pdf;
using SglReference.Pdf.PdfPig;
using SglReference.Pdf.PdfSharp;
using SglReference.Engine;
using SglReference.Hosting;
using SglReference.Testing;

namespace SglReference.Benchmarks;

/// <summary>
/// One PDF of one version: layout plus rendering, per renderer and fixture. <see cref="DrawPdf"/> stops at what the
/// library writes (the output before the archival finish existed); <see cref="RenderPdf"/> is the finished PDF/A-1.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class PdfBenchmarks
{
    private CrBioPdf _pdf = null!;
    private LabReport _report = null!;
    private DocumentIdentity _identity = null!;

    [Params("pdfsharp", "pdfpig")]
    public string Renderer { get; set; } = "pdfsharp";

    [Params("thyroid", "biochemistry", "microbiology-urine", "large-300")]
    public string Fixture { get; set; } = "thyroid";

    [GlobalSetup]
    public void Setup()
    {
        var (renderer, fonts) = PdfRendering.Create(new PdfOptions(SglConfiguration.ParseRenderer(Renderer)));
        _pdf = new CrBioPdf(renderer, fonts, DocumentSettings.Default);
        _report = Repo.Load(Fixture);
        _identity = DocumentIdentities.Derive(_report, DocumentFormat.N3, Audience.Professional);
    }

    [Benchmark]
    public byte[] RenderPdf() => _pdf.Render(_report, Audience.Professional, _identity);

    [Benchmark(Baseline = true)]
    public byte[] DrawPdf()
    {
        var layout = _pdf.Layout(_report, Audience.Professional, _identity);
        return _pdf.Renderer switch
        {
            PdfSharpRenderer pdfsharp => pdfsharp.Draw(layout),
            PdfPigRenderer pdfpig => pdfpig.Draw(layout),
            _ => throw new InvalidOperationException("unknown renderer"),
        };
    }
}
