using SglReference.Domain.Documents;

namespace SglReference.Mss.Xdm;

/// <summary>A CDA document of the archive.</summary>
/// <param name="Format">N3 or N1.</param>
/// <param name="Identity">Its ids (uniqueId = ClinicalDocument/id; the RPLC association targets the replaced version).</param>
/// <param name="Cda">The CDA bytes, stored as they are.</param>
public sealed record XdmDocument(DocumentFormat Format, DocumentIdentity Identity, byte[] Cda);
