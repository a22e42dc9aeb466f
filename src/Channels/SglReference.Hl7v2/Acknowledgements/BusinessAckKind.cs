namespace SglReference.Hl7v2.Acknowledgements;

/// <summary>The business acknowledgements a PFI sends back (ZAM, HL7 2.6).</summary>
public enum BusinessAckKind
{
    /// <summary>ZAM^Z01: DMP reception (ACK_RECEPTION_DMP).</summary>
    DmpReception,

    /// <summary>ZAM^Z02: MSSanté delivery status notification (ACK_RECEPTION_MSS).</summary>
    MssReception,

    /// <summary>ZAM^Z03: MSSanté read or processing notification (ACK_LECTURE_MSS), relaying the recipient's MDN.</summary>
    MssRead,
}
