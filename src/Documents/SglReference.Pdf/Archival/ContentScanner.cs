using System.Text;

namespace SglReference.Pdf.Archival;

/// <summary>
/// Reads a content stream (ISO 32000-1 §7.8.2, §9.4) for the strings each font shows: the font set by Tf (saved and
/// restored by q/Q) and the string operands of Tj, ', " and TJ.
/// </summary>
internal static class ContentScanner
{
    /// <summary>
    /// Calls <paramref name="shown"/> with the resource name of the current font and the bytes of each string shown;
    /// false when the stream holds something this reader does not follow (an inline image), so the caller knows
    /// it saw only part of the text.
    /// </summary>
    public static bool Scan(ReadOnlySpan<byte> content, Action<string, byte[]> shown)
    {
        var lexer = new PdfLexer(content, 0);
        var operands = new List<PdfValue>();
        var fonts = new Stack<string?>();
        string? font = null;
        while (true)
        {
            lexer.SkipWhiteSpace();
            if (lexer.AtEnd)
            {
                return true;
            }

            var value = lexer.Value();
            if (value is not PdfAtom { Raw: [var first, ..] } atom || !IsOperator(atom.Raw, first))
            {
                operands.Add(value);
                continue;
            }

            switch (Encoding.ASCII.GetString(atom.Raw))
            {
                case "BI":
                    return false;
                case "q":
                    fonts.Push(font);
                    break;
                case "Q":
                    font = fonts.Count > 0 ? fonts.Pop() : font;
                    break;
                case "Tf" when operands.Count >= 2 && operands[^2] is PdfName name:
                    font = name.Raw;
                    break;
                case "Tj" or "'" or "\"" when font is not null && operands.Count > 0 && operands[^1] is PdfAtom text && IsString(text):
                    shown(font, PdfStrings.Decode(text.Raw));
                    break;
                case "TJ" when font is not null && operands.Count > 0 && operands[^1] is PdfArray array:
                    foreach (var item in array.Items)
                    {
                        if (item is PdfAtom part && IsString(part))
                        {
                            shown(font, PdfStrings.Decode(part.Raw));
                        }
                    }

                    break;
            }

            operands.Clear();
        }
    }

    private static bool IsString(PdfAtom atom) => atom.Raw is [(byte)'(' or (byte)'<', ..];

    private static bool IsOperator(byte[] raw, byte first) =>
        (first is (byte)'\'' or (byte)'"' || char.IsAsciiLetter((char)first) || first == '*')
        && raw is not [(byte)'t', (byte)'r', (byte)'u', (byte)'e'] and not [(byte)'f', (byte)'a', (byte)'l', (byte)'s', (byte)'e'] and not [(byte)'n', (byte)'u', (byte)'l', (byte)'l'];
}
