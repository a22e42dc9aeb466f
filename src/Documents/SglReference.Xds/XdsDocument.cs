using SglReference.Domain.Documents;

namespace SglReference.Xds;

/// <summary>A CDA document of a submission.</summary>
/// <param name="Format">N3 or N1.</param>
/// <param name="Identity">Its ids (uniqueId = ClinicalDocument/id; the RPLC association targets the replaced version).</param>
/// <param name="Cda">The CDA bytes, stored as they are (hash and size are computed over them).</param>
public sealed record XdsDocument(DocumentFormat Format, DocumentIdentity Identity, ReadOnlyMemory<byte> Cda);
