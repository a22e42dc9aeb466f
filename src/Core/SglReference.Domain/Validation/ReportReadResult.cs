namespace SglReference.Domain.Validation;

/// <summary>What a reader produced: a valid report, or every error found (never both).</summary>
/// <param name="Report">The report, when the input is valid.</param>
/// <param name="Errors">Every error, when it is not.</param>
public sealed record ReportReadResult(LabReport? Report, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>True when <see cref="Report"/> is set and there is no error.</summary>
    public bool IsValid => Report is not null && Errors.Count == 0;

    /// <summary>A failed read.</summary>
    public static ReportReadResult Failed(IReadOnlyList<ValidationError> errors) => new(null, errors);

    /// <summary>Runs <see cref="ReportValidator"/> on a mapped report and returns the outcome.</summary>
    public static ReportReadResult FromMapped(LabReport report)
    {
        var errors = ReportValidator.Validate(report);
        return errors.Count == 0 ? new ReportReadResult(report, []) : Failed(errors);
    }
}
