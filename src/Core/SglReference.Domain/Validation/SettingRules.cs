using SglReference.Domain.Identifiers;

namespace SglReference.Domain.Validation;

/// <summary>Checks options types share (each throws <see cref="InvalidSettingException"/> naming the setting).</summary>
public static class SettingRules
{
    /// <summary>An HL7 v2 text value (MSH-3...): 1 to 180 characters, no HL7 delimiter, no control character.</summary>
    public static void Hl7Text(string setting, string? value, bool optional = false)
    {
        if (value is null && optional)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value) || value.Length > 180 || value.Any(c => c is '|' or '^' or '~' or '\\' or '&' || char.IsControl(c)))
        {
            throw new InvalidSettingException(setting, "must be 1 to 180 characters without HL7 delimiters (| ^ ~ \\ &) or control characters");
        }
    }

    /// <summary>An MSSanté address, or null when optional.</summary>
    public static void Mailbox(string setting, string? value, bool optional = true)
    {
        if (value is null)
        {
            if (!optional)
            {
                throw new InvalidSettingException(setting, "is required");
            }

            return;
        }

        if (MssanteAddress.Check(value) is { } violation)
        {
            throw new InvalidSettingException(setting, violation.Message);
        }
    }

    /// <summary>A value among <paramref name="allowed"/> (ordinal).</summary>
    public static void OneOf(string setting, string? value, params string[] allowed)
    {
        if (value is null || !allowed.Contains(value, StringComparer.Ordinal))
        {
            throw new InvalidSettingException(setting, "must be " + string.Join(" or ", allowed.Select(a => $"\"{a}\"")) + (value is null ? string.Empty : $", found \"{Printable(value)}\""));
        }
    }

    /// <summary>A non-empty text of at most <paramref name="maxLength"/> printable characters.</summary>
    public static void Text(string setting, string? value, int maxLength, bool asciiOnly = false)
    {
        if (string.IsNullOrEmpty(value) || value.Length > maxLength || value.Any(c => char.IsControl(c) || (asciiOnly && c is <= ' ' or >= (char)127)))
        {
            throw new InvalidSettingException(setting, $"must be 1 to {maxLength} printable {(asciiOnly ? "ASCII " : string.Empty)}characters");
        }
    }

    /// <summary>
    /// A URN (RFC 8141): "urn:", a namespace identifier of 2 to 32 letters, digits or hyphens (starting with a letter or
    /// digit), ":", then a namespace-specific string of URI path characters; at most 256 characters.
    /// </summary>
    public static void Urn(string setting, string? value)
    {
        if (value is null || value.Length > 256 || !IsUrn(value))
        {
            throw new InvalidSettingException(setting, "must be a URN such as urn:example:xdm:action (RFC 8141: urn:<namespace>:<name>)" + (value is null ? string.Empty : $", found \"{Printable(value)}\""));
        }
    }

    private static bool IsUrn(string value)
    {
        if (!value.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = value.AsSpan(4);
        var colon = rest.IndexOf(':');
        if (colon is < 2 or > 32 || colon == rest.Length - 1)
        {
            return false;
        }

        var nid = rest[..colon];
        if (!char.IsAsciiLetterOrDigit(nid[0]) || nid[^1] == '-')
        {
            return false;
        }

        foreach (var c in nid)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        foreach (var c in rest[(colon + 1)..])
        {
            if (!char.IsAsciiLetterOrDigit(c) && "-._~!$&'()*+,;=:@/%".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A positive duration no longer than <paramref name="max"/>.</summary>
    public static void Duration(string setting, TimeSpan value, TimeSpan max, bool allowZero = false)
    {
        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero) || value > max)
        {
            throw new InvalidSettingException(setting, $"must be {(allowZero ? "between 0" : "more than 0")} and {max.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} seconds");
        }
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static void Range(string setting, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            throw new InvalidSettingException(setting, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"must be between {min} and {max}, found {value}"));
        }
    }

    /// <summary>
    /// Text with every character that could forge a line or drive a terminal escaped as \uXXXX, for messages: C0 and
    /// C1 control characters (CR, LF, ESC...), DEL, the Unicode line and paragraph separators, the bidirectional
    /// controls, and lone surrogates.
    /// </summary>
    public static string Printable(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var first = FirstUnprintable(value);
        if (first < 0)
        {
            return value;
        }

        var builder = new System.Text.StringBuilder(value.Length + 16);
        builder.Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (IsUnprintable(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static int FirstUnprintable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (IsUnprintable(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnprintable(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
