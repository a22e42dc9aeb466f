using SglReference.Domain.Documents;

namespace SglReference.Channels;

/// <summary>
/// One message a channel sends (an ORU to the PFI, an MSSanté mail, an ITI-41 request), as bytes with everything the
/// outbox needs to send it once and in order.
/// </summary>
/// <param name="Channel">The channel that built it (hl7v2, mss, dmp).</param>
/// <param name="Kind">The artifact kind (hl7v2-oru, mss-message, dmp-iti41).</param>
/// <param name="Audience">The version it carries.</param>
/// <param name="Destination">Where it goes, without patient data: "pfi", "professionals", "patient", "dmp".</param>
/// <param name="Recipients">The addresses it goes to, when the channel names them (MSSanté); patient data.</param>
/// <param name="IdempotencyKey">Stable for the same emission: the outbox enters a message once per key.</param>
/// <param name="ChainKey">The document chain it belongs to (the setId of the document carried), for ordering.</param>
/// <param name="Sequence">Its place in the chain: a replacement or a deletion is sent only after what it follows.</param>
/// <param name="Document">The document it carries (its N3).</param>
/// <param name="FileName">Suggested file name.</param>
/// <param name="MediaType">MIME type of <paramref name="Content"/>.</param>
/// <param name="Content">The bytes to send.</param>
/// <param name="Attachments">Further files a reviewer checks offline (the IHE_XDM.zip of a mail).</param>
public sealed record OutboundMessage(
    string Channel,
    string Kind,
    Audience Audience,
    string Destination,
    IReadOnlyList<string> Recipients,
    string IdempotencyKey,
    string ChainKey,
    int Sequence,
    DocumentIdentity Document,
    string FileName,
    string MediaType,
    ReadOnlyMemory<byte> Content,
    IReadOnlyList<MessageAttachment> Attachments)
{
    /// <summary>
    /// What the receiver knows the message by and its acknowledgements name (MSH-10 of an ORU, Message-ID of a mail,
    /// XDSSubmissionSet.uniqueId of an ITI-41), set by the channel that built it; null when the receiver names it by
    /// nothing the channel chose. The outbox records it to match acknowledgements without reading the bytes again.
    /// </summary>
    public string? CorrelationId { get; init; }
}
