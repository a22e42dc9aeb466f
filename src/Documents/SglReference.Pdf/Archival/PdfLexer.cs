using System.Globalization;
using System.Text;

namespace SglReference.Pdf.Archival;

/// <summary>Reads PDF objects from bytes (ISO 32000-1 §7.2–7.3): white space, comments, and every object type.</summary>
internal ref struct PdfLexer(ReadOnlySpan<byte> data, int position)
{
    private readonly ReadOnlySpan<byte> _data = data;

    public int Position { get; set; } = position;

    public static bool IsWhiteSpace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    public static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    public readonly bool AtEnd => Position >= _data.Length;

    public readonly byte Peek => _data[Position];

    public void SkipWhiteSpace()
    {
        while (Position < _data.Length)
        {
            if (IsWhiteSpace(_data[Position]))
            {
                Position++;
            }
            else if (_data[Position] == '%')
            {
                while (Position < _data.Length && _data[Position] is not (byte)'\n' and not (byte)'\r')
                {
                    Position++;
                }
            }
            else
            {
                break;
            }
        }
    }

    /// <summary>A run of regular characters (a number, keyword or operator).</summary>
    public ReadOnlySpan<byte> Token()
    {
        SkipWhiteSpace();
        var start = Position;
        while (Position < _data.Length && !IsWhiteSpace(_data[Position]) && !IsDelimiter(_data[Position]))
        {
            Position++;
        }

        return _data[start..Position];
    }

    public void Expect(string keyword)
    {
        var at = Position;
        var token = Token();
        if (!token.SequenceEqual(Encoding.ASCII.GetBytes(keyword)))
        {
            throw new FormatException($"expected \"{keyword}\" at offset {at}, found \"{Encoding.Latin1.GetString(token)}\"");
        }
    }

    public int Integer()
    {
        var at = Position;
        var token = Token();
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"expected an integer at offset {at}");
        }

        return value;
    }

    public PdfValue Value()
    {
        SkipWhiteSpace();
        if (AtEnd)
        {
            throw new FormatException("unexpected end of file");
        }

        var start = Position;
        switch (_data[Position])
        {
            case (byte)'/':
                Position++;
                while (Position < _data.Length && !IsWhiteSpace(_data[Position]) && !IsDelimiter(_data[Position]))
                {
                    Position++;
                }

                return new PdfName(Encoding.ASCII.GetString(_data[start..Position]));
            case (byte)'<' when Position + 1 < _data.Length && _data[Position + 1] == '<':
                Position += 2;
                var entries = new List<KeyValuePair<string, PdfValue>>();
                while (true)
                {
                    SkipWhiteSpace();
                    if (Position + 1 < _data.Length && _data[Position] == '>' && _data[Position + 1] == '>')
                    {
                        Position += 2;
                        return new PdfDictionary(entries);
                    }

                    if (Value() is not PdfName key)
                    {
                        throw new FormatException($"dictionary key expected before offset {Position}");
                    }

                    entries.Add(new(key.Raw, Value()));
                }

            case (byte)'<':
                var close = _data[Position..].IndexOf((byte)'>');
                if (close < 0)
                {
                    throw new FormatException($"unterminated hex string at offset {start}");
                }

                Position += close + 1;
                return new PdfAtom(_data[start..Position].ToArray());
            case (byte)'(':
                SkipLiteralString();
                return new PdfAtom(_data[start..Position].ToArray());
            case (byte)'[':
                Position++;
                var items = new List<PdfValue>();
                while (true)
                {
                    SkipWhiteSpace();
                    if (!AtEnd && _data[Position] == ']')
                    {
                        Position++;
                        return new PdfArray(items);
                    }

                    items.Add(Value());
                }

            default:
                var token = Token();
                if (token.Length == 0)
                {
                    throw new FormatException($"unexpected \"{(char)_data[start]}\" at offset {start}");
                }

                if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    var after = Position;
                    var second = Token();
                    if (int.TryParse(second, NumberStyles.None, CultureInfo.InvariantCulture, out var generation) && Token() is [(byte)'R'])
                    {
                        return new PdfReference(number, generation);
                    }

                    Position = after;
                }

                return new PdfAtom(token.ToArray());
        }
    }

    /// <summary>Moves past a literal string "( … )" with balanced parentheses and backslash escapes.</summary>
    public void SkipLiteralString()
    {
        var start = Position;
        var depth = 0;
        while (Position < _data.Length)
        {
            var b = _data[Position++];
            if (b == '\\')
            {
                Position++;
            }
            else if (b == '(')
            {
                depth++;
            }
            else if (b == ')' && --depth == 0)
            {
                return;
            }
        }

        throw new FormatException($"unterminated string at offset {start}");
    }
}
