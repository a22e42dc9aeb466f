namespace SglReference.Pdf.Archival;

/// <summary>The bytes of a PDF string as written, literal "( … )" or hexadecimal "&lt; … &gt;" (ISO 32000-1 §7.3.4).</summary>
internal static class PdfStrings
{
    public static byte[] Decode(ReadOnlySpan<byte> raw)
    {
        var bytes = new List<byte>(raw.Length);
        if (raw.Length >= 2 && raw[0] == '<')
        {
            var high = -1;
            foreach (var b in raw[1..^1])
            {
                var digit = HexValue(b);
                if (digit < 0)
                {
                    continue; // white space
                }

                if (high < 0)
                {
                    high = digit;
                }
                else
                {
                    bytes.Add((byte)((high << 4) | digit));
                    high = -1;
                }
            }

            if (high >= 0)
            {
                bytes.Add((byte)(high << 4)); // an odd final digit is followed by an implied 0
            }

            return [.. bytes];
        }

        if (raw.Length < 2 || raw[0] != '(')
        {
            throw new FormatException("not a PDF string");
        }

        var body = raw[1..^1];
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            if (b != '\\' || i + 1 >= body.Length)
            {
                bytes.Add(b);
                continue;
            }

            var e = body[++i];
            switch (e)
            {
                case (byte)'n': bytes.Add(10); break;
                case (byte)'r': bytes.Add(13); break;
                case (byte)'t': bytes.Add(9); break;
                case (byte)'b': bytes.Add(8); break;
                case (byte)'f': bytes.Add(12); break;
                case (byte)'\r':
                    if (i + 1 < body.Length && body[i + 1] == '\n')
                    {
                        i++;
                    }

                    break; // a line continuation
                case (byte)'\n':
                    break;
                case >= (byte)'0' and <= (byte)'7':
                    var value = e - '0';
                    for (var k = 0; k < 2 && i + 1 < body.Length && body[i + 1] is >= (byte)'0' and <= (byte)'7'; k++)
                    {
                        value = (value * 8) + (body[++i] - '0');
                    }

                    bytes.Add((byte)value);
                    break;
                default:
                    bytes.Add(e); // \( \) \\ and any other escaped character stand for themselves
                    break;
            }
        }

        return [.. bytes];
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
