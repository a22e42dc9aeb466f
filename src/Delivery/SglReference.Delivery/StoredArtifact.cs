namespace SglReference.Delivery;

/// <summary>One file of a rendered package, to store (a document, or a channel message and what travels in it).</summary>
/// <param name="Kind">pdf, cda-n3, cda-n1, hl7v2-oru, ihe-xdm, mss-message...</param>
/// <param name="Audience">"professional", "patient" or null for a single version.</param>
/// <param name="Channel">The channel of a message, null for documents.</param>
/// <param name="DocumentId">The document it is or carries.</param>
/// <param name="SetId">Its chain.</param>
/// <param name="Version">Its version.</param>
/// <param name="MediaType">MIME type.</param>
/// <param name="FileName">Suggested file name.</param>
/// <param name="Content">The bytes.</param>
public sealed record StoredArtifact(string Kind, string? Audience, string? Channel, string? DocumentId, string? SetId, int? Version, string MediaType, string FileName, ReadOnlyMemory<byte> Content);
