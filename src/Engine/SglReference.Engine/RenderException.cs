using SglReference.Domain.Validation;

namespace SglReference.Engine;

/// <summary>
/// The report cannot be rendered as asked: its delivery choices break a routing rule, a channel's rule, or what was
/// issued before (an older revision, a withdrawal of nothing). An input problem: every error carries a path and a
/// stable code, like a validation error (CLI exit 2, HTTP 400); nothing is produced.
/// </summary>
public sealed class RenderException : Exception
{
    /// <summary>Creates the exception from its errors.</summary>
    public RenderException(IReadOnlyList<ValidationError> errors)
        : base(errors is { Count: > 0 } ? errors[0].ToString() : "the report cannot be rendered")
    {
        Errors = errors ?? [];
    }

    /// <summary>Creates the exception.</summary>
    public RenderException()
        : this([])
    {
    }

    /// <summary>Creates the exception.</summary>
    public RenderException(string message)
        : this([new ValidationError("$", message, ErrorCodes.Consistency)])
    {
    }

    /// <summary>Creates the exception.</summary>
    public RenderException(string message, Exception inner)
        : base(message, inner)
    {
        Errors = [new ValidationError("$", message, ErrorCodes.Consistency)];
    }

    /// <summary>Every reason, with its path and code.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }
}
