namespace SglReference.Hl7v2.Oru;

/// <summary>The lab's HL7 v2 settings towards its PFI (configuration section "hl7").</summary>
/// <param name="SendingApplication">MSH-3.</param>
/// <param name="SendingFacility">MSH-4; the lab's FINESS géographique when null.</param>
/// <param name="ReceivingApplication">MSH-5.</param>
/// <param name="ReceivingFacility">MSH-6.</param>
/// <param name="ProcessingId">MSH-11: P production, T test, D debug.</param>
/// <param name="Charset">MSH-18: "UNICODE UTF-8" or "8859/15".</param>
/// <param name="IncludeN1">Carry the CDA N1 in a second document OBX (not used in Ségur vague 2).</param>
/// <param name="ReplyTo">PRT REPLY address; the lab's MSSanté mailbox when null, none when neither is known.</param>
public sealed record Hl7Options(
    string SendingApplication = "SGLREFERENCE",
    string? SendingFacility = null,
    string ReceivingApplication = "PFI",
    string ReceivingFacility = "PFI",
    string ProcessingId = "P",
    string Charset = Codec.Hl7Charset.Utf8,
    bool IncludeN1 = false,
    string? ReplyTo = null)
{
    /// <summary>The defaults.</summary>
    public static Hl7Options Default { get; } = new();
}
