namespace SglReference.Domain.Validation;

/// <summary>One problem found in an input: where, what rule, and a stable code to switch on.</summary>
/// <param name="Path">Location in the input (JSON path of the contract, or FHIR resource and element); "$" for the whole input.</param>
/// <param name="Message">The rule that failed, in words.</param>
/// <param name="Code">Stable code (see <see cref="ErrorCodes"/>).</param>
public sealed record ValidationError(string Path, string Message, string Code)
{
    /// <summary>
    /// "path: message [CODE]", the form the CLI prints: one line whatever the input held (control characters, CR and
    /// LF included, are escaped as \uXXXX), and never an empty path.
    /// </summary>
    public override string ToString() =>
        $"{(string.IsNullOrEmpty(Path) ? "$" : SettingRules.Printable(Path))}: {SettingRules.Printable(Message ?? string.Empty)} [{Code}]";
}
