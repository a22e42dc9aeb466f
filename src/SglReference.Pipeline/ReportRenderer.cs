using SglReference.Cda;
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

    /// <summary>
    /// For each version of the report (professional and patient, or the single one): its PDF, its N3 embedding that
    /// very PDF, and its N1 carrying it.
    /// </summary>
    /// <param name="report">The validated report.</param>
    /// <param name="lineage">What was issued before, so that a new revision replaces it; identities are derived when null.</param>
    public IReadOnlyList<Artifact> Render(LabReport report, IDocumentLineage? lineage = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var settings = _configuration.Documents;
        var artifacts = new List<Artifact>();
        foreach (var audience in settings.Audiences)
        {
            var view = AudienceView.For(report, audience, settings);
            var n3 = DocumentIdentities.Resolve(report, DocumentFormat.N3, audience, lineage);
            var pdf = _pdf.Render(report, audience, n3);
            artifacts.Add(new Artifact(ArtifactKinds.Pdf, audience, FileName(report, audience, "pdf"), "application/pdf", pdf, n3));
            artifacts.Add(new Artifact(ArtifactKinds.CdaN3, audience, FileName(report, audience, "n3.xml"), "text/xml", CrBioCdaWriter.WriteN3(view, n3, pdf), n3));
            if (settings.IncludeN1)
            {
                var n1 = DocumentIdentities.Resolve(report, DocumentFormat.N1, audience, lineage);
                artifacts.Add(new Artifact(ArtifactKinds.CdaN1, audience, FileName(report, audience, "n1.xml"), "text/xml", CrBioCdaWriter.WriteN1(view, n1, pdf), n1));
            }
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
