namespace SglReference.Hl7v2.Oru;

/// <summary>The ORU cannot be built: the request breaks a rule of the volet; nothing is produced.</summary>
public sealed class OruRuleException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OruRuleException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Creates the exception.</summary>
    public OruRuleException()
        : this("SGL-HL7", "the ORU request breaks a rule of the volet")
    {
    }

    /// <summary>Creates the exception.</summary>
    public OruRuleException(string message)
        : this("SGL-HL7", message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public OruRuleException(string message, Exception inner)
        : base(message, inner) => Code = "SGL-HL7";

    /// <summary>Stable code: SGL-MSS-ROUTING, SGL-HL7-DMP-INS, SGL-HL7-RECIPIENTS, SGL-HL7-DOCUMENTS, SGL-HL7-ACTION, SGL-HL7-CONTROL-ID.</summary>
    public string Code { get; }
}
