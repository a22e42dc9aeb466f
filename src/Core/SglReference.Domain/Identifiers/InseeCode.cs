using SglReference.Domain.Validation;

namespace SglReference.Domain.Identifiers;

/// <summary>
/// The INSEE COG commune code rule (birth place trait of the INS): 5 characters, département (2 digits, or 2A/2B)
/// followed by 3 digits; 99xxx designates a foreign country.
/// </summary>
public static class InseeCode
{
    /// <summary>Checks a COG code; null when valid.</summary>
    public static RuleViolation? Check(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var span = code.AsSpan();
        if (span.Length == 5 && (Luhn.AllDigits(span[..2]) || span[..2] is "2A" or "2B") && Luhn.AllDigits(span[2..]))
        {
            return null;
        }

        return new RuleViolation(ErrorCodes.InseeCode, $"INSEE commune code must be 5 characters (e.g. 75056, 2A004, 99134), found \"{Rpps.Truncate(code)}\"");
    }
}
