using SglReference.Domain.Documents;
using SglReference.Domain.Identifiers;

namespace SglReference.Domain.Delivery;

/// <summary>
/// The routing rules as one small function of the report and its per-document choices. Default is "send": the DMP is
/// fed and every known mailbox is mailed; only this document's flags hold anything back.
/// <list type="bullet">
/// <item>DMP: unless blocked for this document, and only for a qualified identity (DMP publication needs the INS).</item>
/// <item>Professionals (médecin traitant, prescriber, copies with an MSSanté address): not when the document is masked to
/// professionals or hidden from legal representatives (matrix cases 1 and 2 require both flags N).</item>
/// <item>Patient: when the document is visible to the patient and the report does not opt out, except a patient-only mail
/// in connexion secrète (matrix case 3). The mailbox INS@patient.mssante.fr exists only for a qualified INS.</item>
/// <item>A visible document mailed to professionals is mailed to the patient too (matrix cases 1 and 2): opting the
/// patient out of a visible document is a <see cref="DeliveryPlan.Violation"/>.</item>
/// <item>Without a qualified INS the patient has no mailbox (INS@patient.mssante.fr), so no message asks for a patient
/// mail it gives no address for: DESTMSSANTEPAT is N, and a mail to professionals takes the only matrix row without a
/// patient mail, case 2 (INVISIBLE_PATIENT Y) — with DESTDMP N, since nothing without a qualified INS reaches the DMP,
/// that flag hides nothing anywhere; it only tells the PFI not to mail the patient.</item>
/// </list>
/// </summary>
public static class DeliveryPlanner
{
    /// <summary>The delivery plan of <paramref name="report"/> for a lab issuing a patient and a professional version.</summary>
    public static DeliveryPlan Plan(LabReport report) => Plan(report, DocumentSettings.Default.Audiences);

    /// <summary>The delivery plan of <paramref name="report"/> for a lab issuing the versions <paramref name="audiences"/>.</summary>
    public static DeliveryPlan Plan(LabReport report, IReadOnlyCollection<Audience> audiences)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(audiences);
        var professionalVersion = audiences.Contains(Audience.Professional) ? Audience.Professional : Audience.All;
        var patientVersion = audiences.Contains(Audience.Patient) ? Audience.Patient : Audience.All;
        var d = report.Delivery;
        var notes = new List<string>();
        var ins = report.Patient.QualifiedIns;
        var toDmp = !d.BlockDmp && ins is not null;
        if (d.BlockDmp)
        {
            notes.Add("DMP: blocked for this document");
        }
        else if (ins is null)
        {
            notes.Add("DMP: not fed, the identity is not qualified");
        }

        var professionals = new List<MssRecipient>();
        void AddProfessional(Practitioner? p, RecipientKind kind)
        {
            if (p?.MssanteAddress is { } address && !professionals.Exists(r => string.Equals(r.Address, address, StringComparison.OrdinalIgnoreCase)))
            {
                professionals.Add(new MssRecipient(address, kind, p));
            }
        }

        AddProfessional(report.AttendingPhysician, RecipientKind.AttendingPhysician);
        AddProfessional(report.Prescriber, RecipientKind.Prescriber);
        foreach (var copy in report.CopiesTo)
        {
            AddProfessional(copy.Practitioner, RecipientKind.Copy);
        }

        var mailProfessionals = professionals.Count > 0 && !d.MaskedToProfessionals && !d.InvisibleToLegalRepresentatives;
        if (professionals.Count == 0)
        {
            notes.Add("MSSanté professionals: no recipient has an MSSanté address");
        }
        else if (d.MaskedToProfessionals)
        {
            notes.Add("MSSanté professionals: not mailed, the document is masked to professionals");
        }
        else if (d.InvisibleToLegalRepresentatives)
        {
            notes.Add("MSSanté professionals: not mailed, the document is hidden from the legal representatives (routing matrix cases 1 and 2)");
        }

        var patientMailable = d.SendToPatient && !d.InvisibleToPatient && (mailProfessionals || !d.SecretConnection);
        var mailPatient = patientMailable && ins is not null;
        if (!d.SendToPatient)
        {
            notes.Add("MSSanté patient: not mailed, the report opts out");
        }
        else if (d.InvisibleToPatient)
        {
            notes.Add("MSSanté patient: not mailed, the document is hidden from the patient until the announcement consultation");
        }
        else if (!patientMailable)
        {
            notes.Add("MSSanté patient: not mailed, connexion secrète forbids a patient-only mail (routing matrix case 3)");
        }
        else if (ins is null)
        {
            notes.Add(mailProfessionals
                ? "MSSanté patient: not mailed, without a qualified INS the patient has no MSSanté mailbox; the professionals' mail takes routing matrix case 2 (INVISIBLE_PATIENT Y, DESTMSSANTEPAT N)"
                : "MSSanté patient: not mailed, without a qualified INS the patient has no MSSanté mailbox");
        }

        // Routing matrix case 2 is the only row that mails professionals without the patient: without a qualified INS
        // (no patient mailbox, no DMP) a mail to professionals takes it, whatever the patient could otherwise read.
        var invisiblePatient = d.InvisibleToPatient || (ins is null && mailProfessionals);
        var flags = new MetaDmpMssFlags(
            d.MaskedToProfessionals, invisiblePatient, d.InvisibleToLegalRepresentatives, d.SecretConnection, false,
            toDmp, mailProfessionals, mailPatient, d.ReceptionAcknowledgement, d.ReadAcknowledgement);
        var messages = new List<MetaDmpMssFlags>();
        if (mailPatient && !mailProfessionals && toDmp)
        {
            // Case 3 mails the patient only with DESTDMP N: the DMP publication travels in a message of its own.
            messages.Add(flags with { DestMssPatient = false });
            messages.Add(flags with { DestDmp = false });
        }
        else
        {
            messages.Add(flags);
        }

        var violation = messages.Select(MssRoutingMatrix.Check).FirstOrDefault(v => v is not null);
        var patient = mailPatient ? new MssRecipient(MssanteAddress.ForPatient(ins!), RecipientKind.Patient, null) : null;
        return new DeliveryPlan(messages, mailProfessionals ? professionals : [], patient, d.PatientMayNotReply && patient is not null, violation, notes, professionalVersion, patientVersion);
    }
}
