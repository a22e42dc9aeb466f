using SglReference.Domain.Documents;
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
/// <param name="ProfessionalVersion">The version professionals read: the professional one, or the single one.</param>
/// <param name="PatientVersion">The version the patient reads: the patient one, or the single one.</param>
public sealed record DeliveryPlan(
    IReadOnlyList<MetaDmpMssFlags> Messages,
    IReadOnlyList<MssRecipient> Professionals,
    MssRecipient? Patient,
    bool PatientMayNotReply,
    RuleViolation? Violation,
    IReadOnlyList<string> Notes,
    Audience ProfessionalVersion = Audience.Professional,
    Audience PatientVersion = Audience.Patient)
{
    /// <summary>Every MSSanté recipient.</summary>
    public IEnumerable<MssRecipient> Recipients => Patient is null ? Professionals : Professionals.Append(Patient);

    /// <summary>True when the document goes to the DMP (one of the messages has DESTDMP).</summary>
    public bool ToDmp => Messages.Any(m => m.DestDmp);

    /// <summary>The flags of the DMP publication, when there is one.</summary>
    public MetaDmpMssFlags? DmpMessage => Messages.FirstOrDefault(m => m.DestDmp);

    /// <summary>Read receipts are asked (MSSanté Disposition-Notification-To, ACK_LECTURE_MSS).</summary>
    public bool ReadAcknowledgement => Messages.Any(m => m.AckLecture);

    /// <summary>
    /// The version a message with <paramref name="flags"/> carries: the patient version when it reaches the patient
    /// alone (a patient-only mail, routing matrix case 3), else the version professionals read — the DMP publication
    /// included, since professionals read it there.
    /// </summary>
    public Audience VersionFor(MetaDmpMssFlags flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        return flags is { DestMssPatient: true, DestMssPs: false, DestDmp: false } ? PatientVersion : ProfessionalVersion;
    }

    /// <summary>The version a recipient group reads.</summary>
    public Audience VersionFor(RecipientKind recipient) => recipient == RecipientKind.Patient ? PatientVersion : ProfessionalVersion;
}
