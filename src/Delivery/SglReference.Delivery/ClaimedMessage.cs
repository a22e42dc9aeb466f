namespace SglReference.Delivery;

/// <summary>An outbox message claimed for sending (under a lease), with its bytes.</summary>
/// <param name="Id">Its outbox id.</param>
/// <param name="ReportId">The report.</param>
/// <param name="Revision">The revision it was rendered for.</param>
/// <param name="Channel">Its channel.</param>
/// <param name="Kind">Its artifact kind.</param>
/// <param name="Destination">pfi, professionals, patient, dmp.</param>
/// <param name="IdempotencyKey">Its idempotency key.</param>
/// <param name="ChainKey">Its chain.</param>
/// <param name="Sequence">Its place in the chain.</param>
/// <param name="DocumentId">The document it carries.</param>
/// <param name="Version">That document's version.</param>
/// <param name="Attempts">Attempts made before this one.</param>
/// <param name="MediaType">MIME type of <paramref name="Content"/>.</param>
/// <param name="FileName">File name.</param>
/// <param name="Content">The bytes to send.</param>
/// <param name="Audience">The version it carries: "professional", "patient" or null for the single one.</param>
public sealed record ClaimedMessage(long Id, string ReportId, int Revision, string Channel, string Kind, string Destination, string IdempotencyKey,
    string ChainKey, int Sequence, string DocumentId, int Version, int Attempts, string MediaType, string FileName, ReadOnlyMemory<byte> Content, string? Audience);
