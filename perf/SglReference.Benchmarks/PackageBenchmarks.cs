using BenchmarkDotNet.Attributes;
using SglReference.Domain;
using SglReference.Engine;
using SglReference.Hosting;
using SglReference.Testing;

namespace SglReference.Benchmarks;

/// <summary>
/// The full package of one report (both versions: PDFs, N3, N1, the ORUs, the MSSanté messages with their XDM
/// archives, the DMP Provide and Register request with its VIHF and XAdES signatures: everything
/// <see cref="SglEngine.Render"/> and the channels produce) beside the sum of its irreducible parts
/// (<see cref="IrreducibleParts"/>), each part also alone, in the same run: the Ratio column of
/// <see cref="IrreducibleSum"/> is irreducible / full, so the package costs 1 / Ratio × its parts (target ≤ 1.3).
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class PackageBenchmarks
{
    private PackageFixtures _fixtures = null!;
    private LabReport _report = null!;
    private IrreducibleParts _parts = null!;

    [Params("thyroid", "microbiology-urine", "large-300")]
    public string Fixture { get; set; } = "thyroid";

    [Params("pdfsharp", "builtin")]
    public string Renderer { get; set; } = "pdfsharp";

    [GlobalSetup]
    public void Setup()
    {
        _fixtures = new PackageFixtures(SglConfiguration.ParseRenderer(Renderer));
        _report = Repo.Load(Fixture);
        _parts = IrreducibleParts.Of(_fixtures.Engine.Render(new RenderRequest(_report)), _fixtures);
    }

    [GlobalCleanup]
    public void Cleanup() => _fixtures.Dispose();

    [Benchmark(Baseline = true)]
    public int FullPackage() => _fixtures.Engine.Render(new RenderRequest(_report)).Messages.Count;

    [Benchmark]
    public long IrreducibleSum() => _parts.All();

    [Benchmark]
    public long PdfDirect() => _parts.Pdfs();

    [Benchmark]
    public long XmlWriterReplay() => _parts.Xml();

    [Benchmark]
    public long OruBase64() => _parts.Oru();

    [Benchmark]
    public long DocumentDigests() => _parts.Digests();

    [Benchmark]
    public long ZipStore() => _parts.Zips();

    [Benchmark]
    public long MimeWrite() => _parts.Mime();

    [Benchmark]
    public long RsaSignatures() => _parts.Signatures();
}
