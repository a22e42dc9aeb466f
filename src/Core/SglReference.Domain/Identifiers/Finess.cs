using SglReference.Domain.Validation;

namespace SglReference.Domain.Identifiers;

/// <summary>
/// The FINESS rule: 9 characters, the first two the département (2A/2B in Corsica), the last a Luhn key over the
/// first eight. The key of Corsican numbers (letters in the département) is not checked: the substitution rule for
/// the letters is not published in the sources this module was built from.
/// </summary>
public static class Finess
{
    /// <summary>Checks a FINESS; null when valid.</summary>
    public static RuleViolation? Check(string finess)
    {
        ArgumentNullException.ThrowIfNull(finess);
        if (finess.Length != 9)
        {
            return new RuleViolation(ErrorCodes.FinessFormat, $"FINESS must have 9 characters, found {finess.Length}");
        }

        var span = finess.AsSpan();
        var corsica = span[..2] is "2A" or "2B";
        if (!(corsica || Luhn.AllDigits(span[..2])) || !Luhn.AllDigits(span[2..]))
        {
            return new RuleViolation(ErrorCodes.FinessFormat, "FINESS must be 9 digits (2A or 2B allowed as département)");
        }

        if (corsica || Luhn.IsValid(span))
        {
            return null;
        }

        return new RuleViolation(ErrorCodes.FinessKey, $"FINESS Luhn key mismatch: last digit should be {Luhn.CheckDigit(span[..8])}");
    }
}
