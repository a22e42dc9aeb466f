using SglReference.Domain.Validation;

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

    /// <summary>Checks every setting; throws <see cref="InvalidSettingException"/> naming the first that breaks its rule.</summary>
    public Hl7Options Validate()
    {
        SettingRules.Hl7Text("hl7.sendingApplication", SendingApplication);
        SettingRules.Hl7Text("hl7.sendingFacility", SendingFacility, optional: true);
        SettingRules.Hl7Text("hl7.receivingApplication", ReceivingApplication);
        SettingRules.Hl7Text("hl7.receivingFacility", ReceivingFacility);
        SettingRules.OneOf("hl7.processingId", ProcessingId, "P", "T", "D");
        SettingRules.OneOf("hl7.charset", Charset, Codec.Hl7Charset.Utf8, Codec.Hl7Charset.Latin9);
        SettingRules.Mailbox("hl7.replyTo", ReplyTo);
        return this;
    }
}
