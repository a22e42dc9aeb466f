namespace SglReference.Transport.XmlSignatures;

/// <summary>One document a manifest signature covers.</summary>
/// <param name="UniqueId">Its XDS uniqueId (an OID): the Reference URI is <c>urn:oid:</c> + uniqueId.</param>
/// <param name="Content">Its bytes, as submitted.</param>
/// <param name="Canonicalize">True for an XML document: the reference declares C14N with comments and digests the canonical form.</param>
public sealed record ManifestDocument(string UniqueId, ReadOnlyMemory<byte> Content, bool Canonicalize);
