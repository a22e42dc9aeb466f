using SglReference.Domain.Validation;

namespace SglReference.Domain.Identifiers;

/// <summary>
/// The LOINC code rule: 1 to 7 digits, a hyphen and a mod-10 check digit computed with the Luhn algorithm over the
/// digits (e.g. 2345-7 glucose, 11502-2 CR d'examens biologiques).
/// </summary>
public static class LoincCode
{
    /// <summary>Checks a LOINC code; null when valid.</summary>
    public static RuleViolation? Check(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var dash = code.IndexOf('-', StringComparison.Ordinal);
        if (dash is < 1 or > 7 || dash != code.Length - 2 || !Luhn.AllDigits(code.AsSpan(0, dash)) || !char.IsAsciiDigit(code[^1]))
        {
            return new RuleViolation(ErrorCodes.LoincFormat, $"LOINC code must be 1-7 digits, '-' and a check digit (e.g. 2345-7), found \"{Rpps.Truncate(code)}\"");
        }

        Span<char> digits = stackalloc char[dash + 1];
        code.AsSpan(0, dash).CopyTo(digits);
        digits[dash] = code[^1];
        return Luhn.IsValid(digits)
            ? null
            : new RuleViolation(ErrorCodes.LoincKey, $"LOINC check digit mismatch: {code[..dash]} needs check digit {Luhn.CheckDigit(code.AsSpan(0, dash))}");
    }
}
