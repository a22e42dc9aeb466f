namespace SglReference.Domain.Delivery;

/// <summary>
/// The DMP/MSSanté metadata of a document as the HL7 volet "Transmission de documents CDA-R2 en HL7v2" carries them
/// (OBX MetaDMPMSS, in this order): masking, visibility, connexion secrète, destinations and acknowledgements.
/// </summary>
/// <param name="MasquePs">MASQUE_PS: masked to health professionals.</param>
/// <param name="InvisiblePatient">INVISIBLE_PATIENT: hidden from the patient.</param>
/// <param name="InvisibleRepLegaux">INVISIBLE_REP_LEGAUX: hidden from the legal representatives.</param>
/// <param name="ConnexionSecrete">CONNEXION_SECRETE: DMP transaction in connexion secrète mode.</param>
/// <param name="ModifConfCode">MODIF_CONF_CODE: the message only changes masking/visibility.</param>
/// <param name="DestDmp">DESTDMP: publish to the DMP.</param>
/// <param name="DestMssPs">DESTMSSANTEPS: mail professionals, organizations, applicative mailboxes.</param>
/// <param name="DestMssPatient">DESTMSSANTEPAT: mail the patient.</param>
/// <param name="AckReception">ACK_RECEPTION: reception acknowledgements wanted.</param>
/// <param name="AckLecture">ACK_LECTURE_MSS: read receipts wanted.</param>
public sealed record MetaDmpMssFlags(
    bool MasquePs,
    bool InvisiblePatient,
    bool InvisibleRepLegaux,
    bool ConnexionSecrete,
    bool ModifConfCode,
    bool DestDmp,
    bool DestMssPs,
    bool DestMssPatient,
    bool AckReception,
    bool AckLecture)
{
    /// <summary>True when the document is mailed at all.</summary>
    public bool MssExchange => DestMssPs || DestMssPatient;
}
