namespace SglReference.Domain.Documents;

/// <summary>
/// Remembers the last document version issued for each (report, format, audience) chain, so that the next revision
/// replaces it (same setId, version + 1, RPLC). The CLI reads it from a previous manifest or a store directory; the
/// service from its database.
/// </summary>
public interface IDocumentLineage
{
    /// <summary>The last version issued in the chain, or null when none is known.</summary>
    IssuedDocument? Last(string reportId, DocumentFormat format, Audience audience);
}
