using SglReference.Domain.Documents;

namespace SglReference.Channels;

/// <summary>One document of a rendered report: a PDF, an N3 or an N1 of one version.</summary>
/// <param name="Kind">PDF, CDA N3 or CDA N1.</param>
/// <param name="Audience">The version it belongs to.</param>
/// <param name="Identity">The document it is (for a PDF: the N3 of its version, whose id it prints).</param>
/// <param name="Content">The bytes.</param>
public sealed record RenderedDocument(DocumentKind Kind, Audience Audience, DocumentIdentity Identity, ReadOnlyMemory<byte> Content)
{
    /// <summary>The MIME type of <see cref="Kind"/>.</summary>
    public string MediaType => Kind == DocumentKind.Pdf ? "application/pdf" : "text/xml";

    /// <summary>The CDA level, for a CDA document.</summary>
    public DocumentFormat? Format => Kind switch
    {
        DocumentKind.CdaN3 => DocumentFormat.N3,
        DocumentKind.CdaN1 => DocumentFormat.N1,
        _ => null,
    };
}
