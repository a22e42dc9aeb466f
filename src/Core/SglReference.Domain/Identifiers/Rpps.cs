using SglReference.Domain.Validation;

namespace SglReference.Domain.Identifiers;

/// <summary>
/// The RPPS rule: 11 digits whose last digit is a Luhn key. The national professional identifier (IDNPS,
/// root 1.2.250.1.71.4.2.1) is "8" followed by the RPPS.
/// </summary>
public static class Rpps
{
    /// <summary>Checks an RPPS; null when valid.</summary>
    public static RuleViolation? Check(string rpps)
    {
        ArgumentNullException.ThrowIfNull(rpps);
        if (rpps.Length != 11 || !Luhn.AllDigits(rpps))
        {
            return new RuleViolation(ErrorCodes.RppsFormat, $"RPPS must be 11 digits, found \"{Truncate(rpps)}\"");
        }

        return Luhn.IsValid(rpps)
            ? null
            : new RuleViolation(ErrorCodes.RppsKey, $"RPPS Luhn key mismatch: last digit should be {Luhn.CheckDigit(rpps.AsSpan(0, 10))}");
    }

    /// <summary>Checks an IDNPS of a professional with an RPPS ("8" + RPPS); null when valid.</summary>
    public static RuleViolation? CheckIdnps(string idnps)
    {
        ArgumentNullException.ThrowIfNull(idnps);
        if (idnps.Length != 12 || idnps[0] != '8')
        {
            return new RuleViolation(ErrorCodes.IdnpsFormat, "IDNPS of an RPPS holder must be \"8\" followed by the 11-digit RPPS");
        }

        return Check(idnps[1..]) is { } inner ? new RuleViolation(inner.Code, "IDNPS: " + inner.Message) : null;
    }

    internal static string Truncate(string s) => s.Length <= 24 ? s : s[..24] + "…";
}
