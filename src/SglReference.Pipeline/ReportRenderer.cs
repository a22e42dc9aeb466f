using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Pdf;

namespace SglReference.Pipeline;

/// <summary>
/// Produces every artifact of one report, as pure bytes, for the CLI (which writes them) and the service (which
/// stores and sends them). Create once per configuration; thread-safe.
/// </summary>
public sealed class ReportRenderer
{
    private readonly SglConfiguration _configuration;
    private readonly CrBioPdf _pdf;

    /// <summary>Creates the renderer; fails with a <see cref="ConfigurationException"/> when a font or licence is missing.</summary>
    public ReportRenderer(SglConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration;
        var (renderer, fonts) = PdfRendering.Create(configuration.Pdf);
        _pdf = new CrBioPdf(renderer, fonts, configuration.Documents);
    }

    /// <summary>The PDF renderer in use (its licence notice is printed at start).</summary>
    public IPdfRenderer PdfRenderer => _pdf.Renderer;

    /// <summary>The PDF of each version of the report.</summary>
    public IReadOnlyList<Artifact> Render(LabReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var artifacts = new List<Artifact>();
        foreach (var audience in _configuration.Documents.Audiences)
        {
            var identity = DocumentIdentities.Derive(report, DocumentFormat.N3, audience);
            var pdf = _pdf.Render(report, audience, identity);
            artifacts.Add(new Artifact(ArtifactKinds.Pdf, audience, FileName(report, audience, "pdf"), "application/pdf", pdf, identity));
        }

        return artifacts;
    }

    private static string FileName(LabReport report, Audience audience, string extension) => audience switch
    {
        Audience.Professional => $"{report.ReportId}-professional.{extension}",
        Audience.Patient => $"{report.ReportId}-patient.{extension}",
        _ => $"{report.ReportId}.{extension}",
    };
}
