namespace SglReference.Domain;

/// <summary>What a comment says; the lab can reserve kinds to professionals.</summary>
public enum CommentKind
{
    /// <summary>A general remark.</summary>
    General,
    /// <summary>A biological interpretation (often reserved for professionals).</summary>
    Interpretation,
    /// <summary>A technical note (method change, specimen quality...).</summary>
    Technical,
}
