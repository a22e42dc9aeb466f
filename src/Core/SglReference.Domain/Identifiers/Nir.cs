using System.Globalization;
using SglReference.Domain.Validation;

namespace SglReference.Domain.Identifiers;

/// <summary>
/// The NIR / INS matricule rule: 13 characters (sex, year, month, département with 2A/2B for Corsica,
/// commune, order) followed by a 2-digit key equal to 97 − (n mod 97), where n is the 13 characters read as a
/// number after replacing 2A by 19 and 2B by 18. The NIA (INS-NIA) has the same form and key and starts with 7 or 8.
/// </summary>
public static class Nir
{
    /// <summary>Checks a matricule of the domain <paramref name="kind"/>; null when valid.</summary>
    public static RuleViolation? Check(string matricule, InsKind kind)
    {
        ArgumentNullException.ThrowIfNull(matricule);
        var isNia = kind == InsKind.Nia;
        if (matricule.Length != 15)
        {
            return new RuleViolation(isNia ? ErrorCodes.NiaFormat : ErrorCodes.NirFormat,
                $"{(isNia ? "NIA" : "NIR")} must have 15 characters (13 + 2-digit key), found {matricule.Length}");
        }

        var first = matricule[0];
        if (isNia ? first is not ('7' or '8') : first is not ('1' or '2' or '3' or '4'))
        {
            return isNia
                ? new RuleViolation(ErrorCodes.NiaFormat, "NIA must start with 7 or 8")
                : new RuleViolation(ErrorCodes.NirFormat, "NIR must start with 1, 2, 3 or 4 (sex digit)");
        }

        var span = matricule.AsSpan();
        var department = span.Slice(5, 2);
        var corsica = department is "2A" or "2B" or "2a" or "2b";
        if (!Luhn.AllDigits(span[..5]) || !(corsica || Luhn.AllDigits(department)) || !Luhn.AllDigits(span[7..]))
        {
            return new RuleViolation(isNia ? ErrorCodes.NiaFormat : ErrorCodes.NirFormat,
                "must be digits, with 2A or 2B allowed as département (positions 6-7)");
        }

        var expected = ComputeKey(span[..13]);
        var actual = int.Parse(span[13..], NumberStyles.None, CultureInfo.InvariantCulture);
        return expected == actual
            ? null
            : new RuleViolation(ErrorCodes.NirKey,
                $"NIR key mismatch: 97 - (n mod 97) gives {expected:00}, the matricule ends with {actual:00}");
    }

    /// <summary>The 2-digit key of the first 13 characters of a NIR.</summary>
    public static int ComputeKey(ReadOnlySpan<char> first13)
    {
        if (first13.Length != 13)
        {
            throw new ArgumentException("a NIR without key has 13 characters", nameof(first13));
        }

        long n = 0;
        for (var i = 0; i < 13; i++)
        {
            var c = first13[i];
            int digit;
            if (i == 6 && first13[5] == '2' && c is 'A' or 'a')
            {
                // 2A -> 19: the two characters "2A" become "19".
                n = (n - 2) + 1;
                digit = 9;
            }
            else if (i == 6 && first13[5] == '2' && c is 'B' or 'b')
            {
                // 2B -> 18.
                n = (n - 2) + 1;
                digit = 8;
            }
            else
            {
                digit = c - '0';
            }

            n = (n * 10) + digit;
        }

        return (int)(97 - (n % 97));
    }
}
