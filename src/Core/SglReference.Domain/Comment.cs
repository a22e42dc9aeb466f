namespace SglReference.Domain;

/// <summary>A free-text comment, at report, chapter, battery, result or isolate level.</summary>
/// <param name="Text">The text; line breaks are kept.</param>
/// <param name="Kind">What it says.</param>
/// <param name="Audience">Who may read it.</param>
public sealed record Comment(string Text, CommentKind Kind = CommentKind.General, CommentAudience Audience = CommentAudience.All);
