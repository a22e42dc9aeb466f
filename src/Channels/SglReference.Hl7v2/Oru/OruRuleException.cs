using SglReference.Channels;

namespace SglReference.Hl7v2.Oru;

/// <summary>The ORU cannot be built: the request breaks a rule of the volet; nothing is produced.</summary>
public sealed class OruRuleException : ChannelRuleException
{
    /// <summary>Creates the exception.</summary>
    public OruRuleException(string code, string message)
        : base(code, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public OruRuleException()
        : base("SGL-HL7", "the ORU request breaks a rule of the volet")
    {
    }

    /// <summary>Creates the exception.</summary>
    public OruRuleException(string message)
        : base("SGL-HL7", message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public OruRuleException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
