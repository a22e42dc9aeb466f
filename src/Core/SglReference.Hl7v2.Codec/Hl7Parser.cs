using System.Text;

namespace SglReference.Hl7v2.Codec;

/// <summary>
/// Reads HL7 v2 messages leniently: segments ended by CR, LF or CRLF, delimiters taken from MSH-1/MSH-2 whatever
/// they are, charset from MSH-18, escape sequences decoded. What it cannot read is an <see cref="Hl7ParseException"/>.
/// </summary>
public static class Hl7Parser
{
    /// <summary>Largest message accepted (an ORU with an embedded PDF is well under 10 MiB).</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>Parses message bytes, decoding them with the charset MSH-18 declares.</summary>
    public static Hl7Message Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            throw new Hl7ParseException($"message of {bytes.Length} bytes is larger than {MaxBytes}");
        }

        var charset = Charset(bytes);
        return Parse(charset.GetString(bytes), charset);
    }

    /// <summary>
    /// Parses the MSH segment alone (control id, type, parties), without decoding the rest of the message: what a
    /// sender needs to match an acknowledgement to a message that may carry megabytes of base64.
    /// </summary>
    public static Hl7Segment ParseHeader(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOfAny((byte)'\r', (byte)'\n');
        var first = end < 0 ? bytes : bytes[..end];
        var charset = Charset(first);
        return Parse(charset.GetString(first), charset).Header;
    }

    // MSH up to MSH-18 is ASCII in practice: read it as Latin-1 to find the charset the whole message is in.
    private static Encoding Charset(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOfAny((byte)'\r', (byte)'\n');
        return Hl7Charset.For(HeaderField(Encoding.Latin1.GetString(end < 0 ? bytes : bytes[..end]), 18));
    }

    /// <summary>Parses message text.</summary>
    public static Hl7Message Parse(string text, Encoding? charset = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        charset ??= Encoding.UTF8;
        text = text.Trim('\u000B', '\u001C', '\r', '\n');
        var lines = text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || !lines[0].StartsWith("MSH", StringComparison.Ordinal) || lines[0].Length < 8)
        {
            throw new Hl7ParseException("an HL7 v2 message starts with an MSH segment holding its delimiters");
        }

        var msh = lines[0];
        var delimiters = new Hl7Delimiters(msh[3], msh[4], msh[5], msh[6], msh.Length > 7 && msh[7] != msh[3] ? msh[7] : '&');
        var segments = new List<Hl7Segment>(lines.Length);
        foreach (var line in lines)
        {
            var trimmed = line.TrimStart('\u000B', '\u001C');
            if (trimmed.Length == 0 || trimmed.All(char.IsWhiteSpace))
            {
                continue;
            }

            if (trimmed.Length < 3)
            {
                throw new Hl7ParseException($"segment \"{trimmed}\" has no three-character name");
            }

            segments.Add(ParseSegment(trimmed, delimiters, charset));
        }

        return new Hl7Message(segments, delimiters);
    }

    private static Hl7Segment ParseSegment(string line, Hl7Delimiters d, Encoding charset)
    {
        var segment = new Hl7Segment(line[..3]);
        var fields = line.Split(d.Field);
        if (segment.Name == "MSH")
        {
            segment.Set(1, Hl7Field.Of(d.Field.ToString()));
            segment.Set(2, Hl7Field.Of(fields.Length > 1 ? fields[1] : string.Empty));
            for (var i = 2; i < fields.Length; i++)
            {
                segment.Set(i + 1, ParseField(fields[i], d, charset));
            }
        }
        else
        {
            for (var i = 1; i < fields.Length; i++)
            {
                segment.Set(i, ParseField(fields[i], d, charset));
            }
        }

        return segment;
    }

    private static Hl7Field ParseField(string raw, Hl7Delimiters d, Encoding charset)
    {
        if (raw.Length == 0)
        {
            return Hl7Field.Empty;
        }

        var repetitions = raw.Split(d.Repetition).Select(rep => new Hl7Repetition(
            rep.Split(d.Component).Select(component => new Hl7Component(
                component.Split(d.Subcomponent).Select(sub => Hl7Escaping.Unescape(sub, d, charset)).ToList())).ToList())).ToList();
        return new Hl7Field(repetitions);
    }

    private static string? HeaderField(string msh, int position)
    {
        if (msh.Length < 4)
        {
            return null;
        }

        var fields = msh.Split(msh[3]);
        var index = position - 1; // fields[0] = "MSH", fields[1] = MSH-2
        return index < fields.Length ? fields[index] : null;
    }
}
