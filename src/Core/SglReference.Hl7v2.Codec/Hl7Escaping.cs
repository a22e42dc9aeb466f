using System.Buffers;
using System.Globalization;
using System.Text;

namespace SglReference.Hl7v2.Codec;

/// <summary>
/// HL7 v2 escape sequences (v2.5 §2.7): \F\ \S\ \T\ \R\ \E\ for the delimiters, \.br\ for a line break,
/// \Xhh..\ for other control characters (hex of the bytes in the message charset). Stateless and thread-safe.
/// </summary>
public static class Hl7Escaping
{
    /// <summary>Escapes a text value so that it holds no delimiter.</summary>
    public static string Escape(string value, Hl7Delimiters delimiters)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!NeedsEscaping(value, delimiters))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        var e = delimiters.Escape;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == delimiters.Field)
            {
                builder.Append(e).Append('F').Append(e);
            }
            else if (c == delimiters.Component)
            {
                builder.Append(e).Append('S').Append(e);
            }
            else if (c == delimiters.Subcomponent)
            {
                builder.Append(e).Append('T').Append(e);
            }
            else if (c == delimiters.Repetition)
            {
                builder.Append(e).Append('R').Append(e);
            }
            else if (c == e)
            {
                builder.Append(e).Append('E').Append(e);
            }
            else if (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
            {
                builder.Append(e).Append(".br").Append(e);
                i++;
            }
            else if (c is '\n' or '\r')
            {
                builder.Append(e).Append(".br").Append(e);
            }
            else if (c < ' ')
            {
                builder.Append(e).Append('X').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)).Append(e);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Decodes the escape sequences of a received value; unknown sequences are kept as they are.</summary>
    public static string Unescape(string value, Hl7Delimiters delimiters, Encoding charset)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(charset);
        var e = delimiters.Escape;
        if (value.IndexOf(e) < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            var close = c == e ? value.IndexOf(e, i + 1) : -1;
            if (close < 0)
            {
                builder.Append(c);
                i++;
                continue;
            }

            var sequence = value.AsSpan(i + 1, close - i - 1);
            switch (sequence)
            {
                case "F":
                    builder.Append(delimiters.Field);
                    break;
                case "S":
                    builder.Append(delimiters.Component);
                    break;
                case "T":
                    builder.Append(delimiters.Subcomponent);
                    break;
                case "R":
                    builder.Append(delimiters.Repetition);
                    break;
                case "E":
                    builder.Append(e);
                    break;
                case ".br":
                    builder.Append('\n');
                    break;
                case "H" or "N":
                    break; // highlighting on/off: no text
                default:
                    if (sequence.Length > 1 && sequence[0] == 'X' && TryHex(sequence[1..], out var bytes))
                    {
                        builder.Append(charset.GetString(bytes));
                    }
                    else
                    {
                        builder.Append(value, i, close - i + 1);
                    }

                    break;
            }

            i = close + 1;
        }

        return builder.ToString();
    }

    // The standard delimiters and the control characters: one vectorised scan of the values that need no escape, among
    // them the base64 of every CDA an ORU carries.
    private static readonly SearchValues<char> s_standardSpecials = SearchValues.Create(
        "|^~\\&" + string.Concat(Enumerable.Range(0, ' ').Select(c => (char)c)));

    private static bool NeedsEscaping(string value, Hl7Delimiters d)
    {
        if (d == Hl7Delimiters.Standard)
        {
            return value.AsSpan().ContainsAny(s_standardSpecials);
        }

        foreach (var c in value)
        {
            if (c == d.Field || c == d.Component || c == d.Subcomponent || c == d.Repetition || c == d.Escape || c < ' ')
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryHex(ReadOnlySpan<char> hex, out byte[] bytes)
    {
        bytes = [];
        if (hex.Length % 2 != 0)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
