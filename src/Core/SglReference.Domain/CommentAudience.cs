namespace SglReference.Domain;

/// <summary>Who may read a comment.</summary>
public enum CommentAudience
{
    /// <summary>Every version of the report.</summary>
    All,
    /// <summary>Only the professional version.</summary>
    ProfessionalOnly,
}
