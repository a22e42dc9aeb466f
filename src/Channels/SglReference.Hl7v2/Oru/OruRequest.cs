using SglReference.Domain;
using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;

namespace SglReference.Hl7v2.Oru;

/// <summary>Everything one ORU^R01 is built from; the builder is a pure function of it.</summary>
/// <param name="Report">The validated report (patient, visit, order, sender).</param>
/// <param name="Action">Initial, replacement or deletion.</param>
/// <param name="Documents">The CDA N3 and, when configured, the N1 of the same version.</param>
/// <param name="Flags">The DMP/MSSanté metadata of this message.</param>
/// <param name="Recipients">The MSSanté recipients (PRT RCT), when <paramref name="Flags"/> mails anyone.</param>
/// <param name="PatientMayNotReply">Adds NTE FIN after DESTMSSANTEPAT.</param>
/// <param name="ControlId">MSH-10 (at most 20 characters), echoed by the ACK and by the ZAM business acknowledgements.</param>
/// <param name="CreatedAt">MSH-7.</param>
/// <param name="Audience">The version the documents belong to.</param>
public sealed record OruRequest(
    LabReport Report,
    DocumentAction Action,
    IReadOnlyList<OruDocument> Documents,
    MetaDmpMssFlags Flags,
    IReadOnlyList<MssRecipient> Recipients,
    bool PatientMayNotReply,
    string ControlId,
    DateTimeOffset CreatedAt,
    Audience Audience = Audience.All);
