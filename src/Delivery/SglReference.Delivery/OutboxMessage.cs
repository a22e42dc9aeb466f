namespace SglReference.Delivery;

/// <summary>One message to enter the outbox with the package it belongs to.</summary>
/// <param name="Channel">hl7v2, mss, dmp...</param>
/// <param name="Kind">Its artifact kind.</param>
/// <param name="Destination">"pfi", "professionals", "patient", "dmp" (no patient data).</param>
/// <param name="IdempotencyKey">The outbox enters a message once per key.</param>
/// <param name="ChainKey">The document chain (setId) it belongs to.</param>
/// <param name="Sequence">Its place in the chain: it is sent only once every earlier one of the same channel, destination and chain was.</param>
/// <param name="DocumentId">The document it carries.</param>
/// <param name="Version">The version of that document.</param>
/// <param name="CorrelationId">What the peer's acknowledgements name it by (MSH-10, Message-ID), when known.</param>
/// <param name="ArtifactIndex">The index in the package's artifacts of the message's bytes.</param>
public sealed record OutboxMessage(string Channel, string Kind, string Destination, string IdempotencyKey, string ChainKey, int Sequence, string DocumentId, int Version, string? CorrelationId, int ArtifactIndex);
