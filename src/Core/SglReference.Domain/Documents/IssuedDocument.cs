namespace SglReference.Domain.Documents;

/// <summary>A document version already issued for a report revision (what a lineage remembers).</summary>
/// <param name="Format">N3 or N1.</param>
/// <param name="Audience">The version's audience.</param>
/// <param name="Identity">Its identity.</param>
/// <param name="Revision">The report revision it was issued for.</param>
public sealed record IssuedDocument(DocumentFormat Format, Audience Audience, DocumentIdentity Identity, int Revision);
