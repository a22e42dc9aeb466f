using SglReference.Domain.Validation;

namespace SglReference.Domain.Delivery;

/// <summary>
/// Where one document goes, decided once from the report and shared by every channel (HL7 PFI, MSSanté, DMP):
/// the metadata flags of each message and the MSSanté recipients.
/// </summary>
/// <param name="Messages">
/// The flag sets of the messages to send: one usually; two when the patient-only mail cannot travel with the DMP
/// publication (routing matrix case 3 requires DESTDMP N): first the DMP publication, then the patient mail.
/// </param>
/// <param name="Professionals">Professional recipients (médecin traitant, prescriber, copies), each address once.</param>
/// <param name="Patient">The patient mailbox, when the patient is mailed and has one (qualified INS).</param>
/// <param name="PatientMayNotReply">The patient mail forbids replies (X-MSS-MES: FIN, NTE FIN).</param>
/// <param name="Violation">The routing matrix rule the report's choices break, when they break one: nothing may be sent.</param>
/// <param name="Notes">Why a destination was left out, in words (no patient data).</param>
public sealed record DeliveryPlan(
    IReadOnlyList<MetaDmpMssFlags> Messages,
    IReadOnlyList<MssRecipient> Professionals,
    MssRecipient? Patient,
    bool PatientMayNotReply,
    RuleViolation? Violation,
    IReadOnlyList<string> Notes)
{
    /// <summary>Every MSSanté recipient.</summary>
    public IEnumerable<MssRecipient> Recipients => Patient is null ? Professionals : Professionals.Append(Patient);
}
