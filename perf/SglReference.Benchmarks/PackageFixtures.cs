using SglReference.Domain;
using SglReference.Engine;
using SglReference.Hosting;
using SglReference.Testing;

namespace SglReference.Benchmarks;

/// <summary>
/// The engine every package benchmark and the throughput harness use: the configured PDF adapter, the HL7 and MSSanté
/// channels, and the DMP channel with throw-away signature certificates (as the DMP tests configure it), at a fixed
/// clock; and the fixtures that render a full package with it.
/// </summary>
internal sealed class PackageFixtures : IDisposable
{
    private readonly TempDirectory _temp = Repo.TempDirectory();
    private readonly TestCertificates _certificates = new();

    public PackageFixtures(PdfRendererKind renderer)
    {
        var kit = DmpTestKit.Create(_certificates, new Uri("https://localhost:4443/si-dmp-server/v2/services"), _temp.Path);
        Configuration = kit.Configuration with { Pdf = new PdfOptions(renderer) };
        Engine = EngineFactory.Create(Configuration, FixedTime.Default);
    }

    public SglConfiguration Configuration { get; }

    public SglEngine Engine { get; }

    /// <summary>Every fixture that renders a package (a fixture the engine refuses on its own is left out).</summary>
    public IReadOnlyList<LabReport> Reports()
    {
        var reports = new List<LabReport>();
        foreach (var name in Repo.FixtureNames)
        {
            var report = Repo.Load(name);
            try
            {
                Engine.Render(new RenderRequest(report));
                reports.Add(report);
            }
            catch (RenderException)
            {
                // e.g. a correction without its previous issue
            }
        }

        return reports;
    }

    /// <summary>The fixtures of <see cref="Reports"/> with fewer than 100 results (the one-page reports, without large-300).</summary>
    public IReadOnlyList<LabReport> SmallReports() => Reports().Where(r => r.AllObservations().Count() < 100).ToList();

    public void Dispose()
    {
        _certificates.Dispose();
        _temp.Dispose();
    }
}
