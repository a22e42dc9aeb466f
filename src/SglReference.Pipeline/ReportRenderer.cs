using SglReference.Cda;
using SglReference.Domain;
using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;
using SglReference.Hl7v2.Codec;
using SglReference.Hl7v2.Oru;
using SglReference.Mss.Messages;
using SglReference.Mss.Xdm;
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
    private readonly TimeProvider _time;

    /// <summary>Creates the renderer; fails with a <see cref="ConfigurationException"/> when a font or licence is missing.</summary>
    /// <param name="configuration">The deployment's configuration.</param>
    /// <param name="time">The clock stamping messages (MSH-7); the system clock when null.</param>
    public ReportRenderer(SglConfiguration configuration, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration;
        _time = time ?? TimeProvider.System;
        var (renderer, fonts) = PdfRendering.Create(configuration.Pdf);
        _pdf = new CrBioPdf(renderer, fonts, configuration.Documents);
    }

    /// <summary>The PDF renderer in use (its licence notice is printed at start).</summary>
    public IPdfRenderer PdfRenderer => _pdf.Renderer;

    /// <summary>
    /// For each version of the report (professional and patient, or the single one): its PDF, its N3 embedding that
    /// very PDF, and its N1 carrying it; then the HL7 v2 ORU message(s) carrying the version the PFI receives.
    /// </summary>
    /// <param name="report">The validated report.</param>
    /// <param name="lineage">What was issued before, so that a new revision replaces it; identities are derived when null.</param>
    /// <param name="withdraw">Produce the deletion messages of the documents (ORC-1 CA, OBX-11 D) instead of their publication.</param>
    public IReadOnlyList<Artifact> Render(LabReport report, IDocumentLineage? lineage = null, bool withdraw = false)
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

        var action = withdraw ? DocumentAction.Delete
            : artifacts.First(a => a.Kind == ArtifactKinds.CdaN3).Document!.Replaces is null ? DocumentAction.Initial : DocumentAction.Replace;
        var plan = DeliveryPlanner.Plan(report);
        var now = _time.GetLocalNow();
        var documents = artifacts.ToList();
        artifacts.AddRange(RenderOru(report, plan, documents, action, now));
        artifacts.AddRange(RenderMss(report, plan, documents, action, now));
        return artifacts;
    }

    /// <summary>
    /// The MSSanté messages (.eml) and their IHE_XDM archives: professionals receive the professional version (or the
    /// single one), the patient the patient version, in separate messages.
    /// </summary>
    private IEnumerable<Artifact> RenderMss(LabReport report, DeliveryPlan plan, List<Artifact> documents, DocumentAction action, DateTimeOffset now)
    {
        var options = _configuration.Mss;
        var requests = MssMessages.For(report, plan, _configuration.Documents.Audiences, audience =>
        {
            var carried = new List<XdmDocument>();
            foreach (var a in documents.Where(a => a.Audience == audience && (a.Kind == ArtifactKinds.CdaN3 || (options.IncludeN1 && a.Kind == ArtifactKinds.CdaN1))).OrderBy(a => a.Kind == ArtifactKinds.CdaN3 ? 0 : 1))
            {
                carried.Add(new XdmDocument(a.Kind == ArtifactKinds.CdaN3 ? DocumentFormat.N3 : DocumentFormat.N1, a.Document!, a.Content));
            }

            return (carried, documents.Single(a => a.Kind == ArtifactKinds.Pdf && a.Audience == audience).Content);
        }, action, now);
        foreach (var request in requests)
        {
            var message = MssMessageBuilder.Build(request, options);
            var group = request.Group == RecipientGroup.Patient ? "to-patient" : "to-professionals";
            yield return new Artifact(ArtifactKinds.IheXdm, request.Audience, $"{report.ReportId}-{group}.IHE_XDM.zip", "application/zip", message.Archive, message.Document);
            yield return new Artifact(ArtifactKinds.MssMessage, request.Audience, $"{report.ReportId}-{group}.eml", "message/rfc822", message.ToBytes(), message.Document);
        }
    }

    /// <summary>
    /// The ORU^R01 message(s) to the PFI. The PFI publishes one document to the DMP and mails that same document, so
    /// the ORU carries the version professionals receive (the professional version when the lab issues two, else the
    /// single one); the patient version travels by the lab's own MSSanté channel.
    /// </summary>
    private IEnumerable<Artifact> RenderOru(LabReport report, DeliveryPlan plan, List<Artifact> documents, DocumentAction action, DateTimeOffset now)
    {
        var audience = _configuration.Documents.Audiences.Contains(Audience.Professional) ? Audience.Professional : Audience.All;
        var n3 = documents.Single(a => a.Kind == ArtifactKinds.CdaN3 && a.Audience == audience);
        var carried = new List<OruDocument> { new(DocumentFormat.N3, n3.Document!, n3.Content) };
        var hl7 = _configuration.Hl7;
        if (hl7.IncludeN1 && documents.SingleOrDefault(a => a.Kind == ArtifactKinds.CdaN1 && a.Audience == audience) is { } n1)
        {
            carried.Add(new OruDocument(DocumentFormat.N1, n1.Document!, n1.Content));
        }

        var requests = OruMessages.For(report, plan, carried, action, now);
        for (var i = 0; i < requests.Count; i++)
        {
            var message = Hl7Encoder.Encode(CrBioOruBuilder.Build(requests[i], hl7));
            var suffix = requests.Count == 1 ? "oru.hl7" : $"oru-{i + 1}.hl7";
            yield return new Artifact(ArtifactKinds.Hl7v2Oru, audience, FileName(report, audience, suffix), Hl7MediaType, message, n3.Document);
        }
    }

    /// <summary>Media type of HL7 v2 messages in ER7 (pipe) encoding.</summary>
    public const string Hl7MediaType = "application/hl7-v2";

    private static string FileName(LabReport report, Audience audience, string extension) => audience switch
    {
        Audience.Professional => $"{report.ReportId}-professional.{extension}",
        Audience.Patient => $"{report.ReportId}-patient.{extension}",
        _ => $"{report.ReportId}.{extension}",
    };
}
