namespace SglReference.Channels;

/// <summary>
/// A channel cannot build its message because the report breaks one of the channel's rules (the HL7 volet's, the DMP's):
/// an input problem with a stable code, reported like a validation error; nothing is produced.
/// </summary>
public class ChannelRuleException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChannelRuleException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Creates the exception.</summary>
    public ChannelRuleException()
        : this("SGL-CHANNEL", "the report breaks a rule of the channel")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ChannelRuleException(string message)
        : this("SGL-CHANNEL", message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ChannelRuleException(string message, Exception inner)
        : base(message, inner) => Code = "SGL-CHANNEL";

    /// <summary>The stable code of the rule.</summary>
    public string Code { get; }
}
