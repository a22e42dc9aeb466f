using SglReference.Domain.Validation;

namespace SglReference.Domain.Identifiers;

/// <summary>
/// The OID rule (ITU-T X.660, as HL7 II.root): dotted decimal arcs without leading zeros, first arc 0, 1 or 2,
/// second arc below 40 under 0 and 1, at least two arcs, at most 64 characters (the DMP limit).
/// </summary>
public static class Oid
{
    /// <summary>Maximum length accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>Checks an OID; null when valid.</summary>
    public static RuleViolation? Check(string oid)
    {
        ArgumentNullException.ThrowIfNull(oid);
        if (oid.Length is 0 or > MaxLength)
        {
            return new RuleViolation(ErrorCodes.OidSyntax, $"OID must have 1 to {MaxLength} characters, found {oid.Length}");
        }

        var arcs = 0;
        var first = -1;
        var start = 0;
        for (var i = 0; i <= oid.Length; i++)
        {
            if (i < oid.Length && oid[i] != '.')
            {
                if (oid[i] is < '0' or > '9')
                {
                    return new RuleViolation(ErrorCodes.OidSyntax, $"OID may hold only digits and dots, found '{oid[i]}' at {i + 1}");
                }

                continue;
            }

            var arc = oid.AsSpan(start, i - start);
            if (arc.IsEmpty)
            {
                return new RuleViolation(ErrorCodes.OidSyntax, "OID has an empty arc (leading, trailing or double dot)");
            }

            if (arc.Length > 1 && arc[0] == '0')
            {
                return new RuleViolation(ErrorCodes.OidSyntax, $"OID arc \"{arc}\" has a leading zero");
            }

            if (arcs == 0)
            {
                first = arc.Length == 1 ? arc[0] - '0' : 99;
                if (first > 2)
                {
                    return new RuleViolation(ErrorCodes.OidSyntax, "OID must start with arc 0, 1 or 2");
                }
            }
            else if (arcs == 1 && first < 2 && (arc.Length > 2 || int.Parse(arc, provider: System.Globalization.CultureInfo.InvariantCulture) >= 40))
            {
                return new RuleViolation(ErrorCodes.OidSyntax, "OID second arc must be below 40 under arcs 0 and 1");
            }

            arcs++;
            start = i + 1;
        }

        return arcs < 2 ? new RuleViolation(ErrorCodes.OidSyntax, "OID must have at least two arcs") : null;
    }
}
