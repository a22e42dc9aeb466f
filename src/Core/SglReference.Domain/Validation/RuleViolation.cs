namespace SglReference.Domain.Validation;

/// <summary>A failed identifier or syntax rule, before it is attached to a field path.</summary>
/// <param name="Code">Stable code (see <see cref="ErrorCodes"/>).</param>
/// <param name="Message">The rule that failed, in words.</param>
public readonly record struct RuleViolation(string Code, string Message)
{
    /// <summary>Attaches the violation to <paramref name="path"/>.</summary>
    public ValidationError At(string path) => new(path, Message, Code);
}
