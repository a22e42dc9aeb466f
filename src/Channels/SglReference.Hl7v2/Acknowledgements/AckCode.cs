namespace SglReference.Hl7v2.Acknowledgements;

/// <summary>MSA-1, in its meaning for the sender (original mode AA/AE/AR; enhanced mode CA/CE/CR read alike).</summary>
public enum AckCode
{
    /// <summary>AA: understood and integrated, the receiver takes responsibility.</summary>
    Accepted,

    /// <summary>AE: the message is wrong; sending it again as it is will fail again.</summary>
    Error,

    /// <summary>AR: rejected for a circumstantial reason; it may be sent again later.</summary>
    Rejected,
}
