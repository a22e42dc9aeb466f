namespace SglReference.Hl7v2.Oru;

/// <summary>
/// The DMP/MSSanté metadata OBX of the volet trans-cda-r2 (§ Les métadonnées DMP/MSSanté): OBX-3 codes and their exact
/// labels, in the order the message carries them, in the coding system "MetaDMPMSS"; OBX-5 values in
/// "expandedYes-NoIndicator" (HL7 table 0136).
/// </summary>
public static class MetaDmpMssCodes
{
    /// <summary>OBX-3.3 of the metadata.</summary>
    public const string System = "MetaDMPMSS";

    /// <summary>OBX-5.3 of the Y/N values.</summary>
    public const string YesNoSystem = "expandedYes-NoIndicator";

    /// <summary>NTE-4 after DESTMSSANTEPAT when the patient must not reply.</summary>
    public const string NoReply = "FIN";

    /// <summary>The ten Y/N metadata, in message order: code and exact label.</summary>
    public static IReadOnlyList<(string Code, string Label)> Flags { get; } =
    [
        ("MASQUE_PS", "Masqué aux professionnels de Santé"),
        ("INVISIBLE_PATIENT", "Document Non Visible par le patient"),
        ("INVISIBLE_REP_LEGAUX", "Non visible par les représentants Légaux du patient"),
        ("CONNEXION_SECRETE", "Connexion Secrete"),
        ("MODIF_CONF_CODE", "Modification Confidentiality Code"),
        ("DESTDMP", "Destinataire DMP"),
        ("DESTMSSANTEPS", "Destinataire (Professionnel de Santé, organisation ou BAL applicative)"),
        ("DESTMSSANTEPAT", "Destinataire Patient"),
        ("ACK_RECEPTION", "Accusé de réception"),
        ("ACK_LECTURE_MSS", "Accusé de lecture"),
    ];

    /// <summary>Mail body for professionals (OBX-2 ED, base64 of UTF-8 text).</summary>
    public static (string Code, string Label) MailBodyProfessional { get; } = ("CORPSMAIL_PS", "Corps du mail pour un PS");

    /// <summary>Mail body for the patient.</summary>
    public static (string Code, string Label) MailBodyPatient { get; } = ("CORPSMAIL_PATIENT", "Corps du mail pour le patient");
}
