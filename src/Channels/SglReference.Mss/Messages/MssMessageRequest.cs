using SglReference.Domain;
using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;
using SglReference.Xds;

namespace SglReference.Mss.Messages;

/// <summary>Everything one MSSanté message is built from; the builder is a pure function of it.</summary>
/// <param name="Report">The report.</param>
/// <param name="Group">Professionals or patient.</param>
/// <param name="Audience">The version carried.</param>
/// <param name="Recipients">The recipients (one group).</param>
/// <param name="Documents">The CDA of that version for the archive (N3 first).</param>
/// <param name="Pdf">The PDF of that version.</param>
/// <param name="Action">Initial, replacement or deletion.</param>
/// <param name="CreatedAt">Date header and submission time.</param>
/// <param name="Visibility">The plan's flags for this mail: the XDS confidentiality codes and the read-receipt request.</param>
/// <param name="MayNotReply">The recipient may not answer (X-MSS-MES: FIN), as the plan decided.</param>
public sealed record MssMessageRequest(
    LabReport Report,
    RecipientGroup Group,
    Audience Audience,
    IReadOnlyList<MssRecipient> Recipients,
    IReadOnlyList<XdsDocument> Documents,
    ReadOnlyMemory<byte> Pdf,
    DocumentAction Action,
    DateTimeOffset CreatedAt,
    MetaDmpMssFlags Visibility,
    bool MayNotReply);
