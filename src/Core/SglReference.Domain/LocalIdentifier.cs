namespace SglReference.Domain;

/// <summary>An identifier issued by a local authority identified by an OID (IPP, NDA, order number...).</summary>
/// <param name="Value">The identifier.</param>
/// <param name="Authority">The OID of the assigning authority.</param>
public sealed record LocalIdentifier(string Value, string Authority);
