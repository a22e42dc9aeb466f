using SglReference.Domain.Documents;

namespace SglReference.Channels;

/// <summary>The documents of a rendered report, by (kind, audience).</summary>
public sealed class RenderedDocuments
{
    private readonly IReadOnlyList<RenderedDocument> _documents;

    /// <summary>Wraps the documents (at most one per kind and audience).</summary>
    public RenderedDocuments(IReadOnlyList<RenderedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _documents = documents;
    }

    /// <summary>Every document, in rendering order (per version: PDF, N3, N1).</summary>
    public IReadOnlyList<RenderedDocument> All => _documents;

    /// <summary>The document of <paramref name="kind"/> for <paramref name="audience"/>, or null when not rendered.</summary>
    public RenderedDocument? Find(DocumentKind kind, Audience audience)
    {
        foreach (var document in _documents)
        {
            if (document.Kind == kind && document.Audience == audience)
            {
                return document;
            }
        }

        return null;
    }

    /// <summary>The document of <paramref name="kind"/> for <paramref name="audience"/>.</summary>
    /// <exception cref="InvalidOperationException">It was not rendered.</exception>
    public RenderedDocument Get(DocumentKind kind, Audience audience) =>
        Find(kind, audience) ?? throw new InvalidOperationException($"no {kind} was rendered for the {audience} version");

    /// <summary>The CDA documents of a version, N3 first; the N1 only when <paramref name="includeN1"/>.</summary>
    public IReadOnlyList<RenderedDocument> Cda(Audience audience, bool includeN1)
    {
        var n3 = Get(DocumentKind.CdaN3, audience);
        return includeN1 && Find(DocumentKind.CdaN1, audience) is { } n1 ? [n3, n1] : [n3];
    }
}
