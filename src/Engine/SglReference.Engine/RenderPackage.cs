using SglReference.Channels;
using SglReference.Domain;
using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;

namespace SglReference.Engine;

/// <summary>
/// Everything one report renders into: the documents by (kind, audience), the delivery plan, each planned channel's
/// messages (destination, idempotency key, bytes), and the identities to record as issued. Pure data: storing and
/// sending it is the host's business.
/// </summary>
/// <param name="Report">The report rendered.</param>
/// <param name="Profile">The lab profile it was rendered with.</param>
/// <param name="Action">Initial issue, replacement or deletion.</param>
/// <param name="Documents">The documents of every version.</param>
/// <param name="Plan">The delivery plan every channel followed.</param>
/// <param name="Channels">What was decided for each registered channel.</param>
/// <param name="Messages">The messages of the planned channels, in channel registration order.</param>
public sealed record RenderPackage(
    LabReport Report,
    LabProfile Profile,
    DocumentAction Action,
    RenderedDocuments Documents,
    DeliveryPlan Plan,
    IReadOnlyList<PlannedChannel> Channels,
    IReadOnlyList<OutboundMessage> Messages)
{
    /// <summary>
    /// The CDA documents to record as issued (with the version each one replaced), for the lineage store: after a
    /// deletion, the same identities (the chain ends with them).
    /// </summary>
    public IReadOnlyList<IssuedDocument> Issued =>
        Documents.All.Where(d => d.Format is not null)
            .Select(d => new IssuedDocument(d.Format!.Value, d.Audience, d.Identity, Report.Revision))
            .ToList();

    /// <summary>
    /// Every file of the package in writing order: per version its PDF, N3 and N1; then each message, preceded by the
    /// files that travel inside it (the IHE_XDM.zip of a mail).
    /// </summary>
    public IReadOnlyList<Artifact> Artifacts
    {
        get
        {
            var artifacts = new List<Artifact>(Documents.All.Count + (Messages.Count * 2));
            foreach (var d in Documents.All)
            {
                var kind = d.Kind switch
                {
                    DocumentKind.Pdf => ArtifactKinds.Pdf,
                    DocumentKind.CdaN3 => ArtifactKinds.CdaN3,
                    _ => ArtifactKinds.CdaN1,
                };
                var suffix = d.Kind switch
                {
                    DocumentKind.Pdf => "pdf",
                    DocumentKind.CdaN3 => "n3.xml",
                    _ => "n1.xml",
                };
                artifacts.Add(new Artifact(kind, d.Audience, ChannelFileNames.For(Report.ReportId, d.Audience, suffix), d.MediaType, d.Content, d.Identity));
            }

            foreach (var m in Messages)
            {
                foreach (var a in m.Attachments)
                {
                    artifacts.Add(new Artifact(a.Kind, m.Audience, a.FileName, a.MediaType, a.Content, m.Document, m.Channel));
                }

                artifacts.Add(new Artifact(m.Kind, m.Audience, m.FileName, m.MediaType, m.Content, m.Document, m.Channel));
            }

            return artifacts;
        }
    }
}
