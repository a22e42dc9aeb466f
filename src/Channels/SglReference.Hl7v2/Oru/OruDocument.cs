using SglReference.Domain.Documents;

namespace SglReference.Hl7v2.Oru;

/// <summary>A CDA document the ORU carries in an OBX of type ED (base64 of its bytes).</summary>
/// <param name="Format">N3 (always first) or N1.</param>
/// <param name="Identity">Its ids (not written in the HL7: the PFI reads them from the CDA).</param>
/// <param name="Cda">The CDA file bytes.</param>
public sealed record OruDocument(DocumentFormat Format, DocumentIdentity Identity, ReadOnlyMemory<byte> Cda);
