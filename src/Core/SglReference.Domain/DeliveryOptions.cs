namespace SglReference.Domain;

/// <summary>
/// Per-report delivery choices made at validation. Defaults send everywhere: the DMP is fed automatically
/// and only this document can be held back (there is no global switch).
/// </summary>
/// <param name="BlockDmp">Do not send this document to the DMP.</param>
/// <param name="InvisibleToPatient">Hidden from the patient until the announcement consultation (INVISIBLE_PATIENT).</param>
/// <param name="InvisibleToLegalRepresentatives">Hidden from the legal representatives (INVISIBLE_REP_LEGAUX).</param>
/// <param name="MaskedToProfessionals">Masked to health professionals in the DMP (MASQUE_PS).</param>
/// <param name="SecretConnection">DMP "connexion secrète" transaction (minor's secret access).</param>
/// <param name="SendToPatient">Mail the patient's MSSanté mailbox (only with a qualified INS and a visible document).</param>
/// <param name="PatientMayNotReply">The patient must not answer the mail (X-MSS-MES: FIN).</param>
/// <param name="ReceptionAcknowledgement">Ask for DMP/MSSanté reception acknowledgements.</param>
/// <param name="ReadAcknowledgement">Ask for MSSanté read receipts.</param>
/// <param name="MailBodyProfessional">Body of the mail to professionals; a default body when null.</param>
/// <param name="MailBodyPatient">Body of the mail to the patient; a default body when null.</param>
public sealed record DeliveryOptions(
    bool BlockDmp = false,
    bool InvisibleToPatient = false,
    bool InvisibleToLegalRepresentatives = false,
    bool MaskedToProfessionals = false,
    bool SecretConnection = false,
    bool SendToPatient = true,
    bool PatientMayNotReply = false,
    bool ReceptionAcknowledgement = false,
    bool ReadAcknowledgement = false,
    string? MailBodyProfessional = null,
    string? MailBodyPatient = null)
{
    /// <summary>Send everywhere, nothing hidden.</summary>
    public static DeliveryOptions Default { get; } = new();
}
