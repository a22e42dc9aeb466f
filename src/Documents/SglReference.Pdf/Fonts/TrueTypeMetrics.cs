using System.Buffers.Binary;

namespace SglReference.Pdf.Fonts;

/// <summary>
/// Advance widths and vertical metrics read from a TrueType font (tables head, hhea, hmtx, cmap formats 4 and 12),
/// so that the layout measures text exactly as the embedded font will draw it, whatever the PDF library.
/// </summary>
internal sealed class TrueTypeMetrics
{
    private readonly ushort[] _bmpAdvance = new ushort[65536];
    private readonly bool[] _bmpCovered = new bool[65536];
    private readonly Dictionary<int, ushort> _astral = [];
    private readonly ushort[] _bmpGlyph = new ushort[65536];
    private readonly Dictionary<int, int> _astralGlyph = [];

    private TrueTypeMetrics(int unitsPerEm, int ascender, int descender)
    {
        UnitsPerEm = unitsPerEm;
        Ascender = ascender;
        Descender = descender;
    }

    public int UnitsPerEm { get; }

    /// <summary>Ascender in font units (positive).</summary>
    public int Ascender { get; }

    /// <summary>Descender in font units (negative).</summary>
    public int Descender { get; }

    public bool Covers(int codePoint) => codePoint < 65536 ? _bmpCovered[codePoint] : _astral.ContainsKey(codePoint);

    /// <summary>Advance width in font units; 0 for an uncovered code point.</summary>
    public int Advance(int codePoint) => codePoint < 65536 ? _bmpAdvance[codePoint] : (_astral.TryGetValue(codePoint, out var a) ? a : 0);

    /// <summary>The glyph id the font's cmap gives <paramref name="codePoint"/>; 0 (.notdef) for an uncovered one.</summary>
    public int Glyph(int codePoint) => codePoint < 65536 ? _bmpGlyph[codePoint] : _astralGlyph.GetValueOrDefault(codePoint);

    public static TrueTypeMetrics Parse(ReadOnlySpan<byte> font, string name)
    {
        try
        {
            var tables = ReadTableDirectory(font);
            var head = font.Slice(tables["head"].Offset);
            var hhea = font.Slice(tables["hhea"].Offset);
            var metrics = new TrueTypeMetrics(
                BinaryPrimitives.ReadUInt16BigEndian(head[18..]),
                BinaryPrimitives.ReadInt16BigEndian(hhea[4..]),
                BinaryPrimitives.ReadInt16BigEndian(hhea[6..]));
            var hMetrics = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);
            var hmtx = font.Slice(tables["hmtx"].Offset, tables["hmtx"].Length).ToArray();
            var cmap = font.Slice(tables["cmap"].Offset, tables["cmap"].Length);

            ushort AdvanceOf(int glyph)
            {
                var index = Math.Min(glyph, hMetrics - 1);
                return BinaryPrimitives.ReadUInt16BigEndian(hmtx.AsSpan(index * 4));
            }

            void Map(int codePoint, int glyph)
            {
                if (glyph == 0)
                {
                    return;
                }

                var advance = AdvanceOf(glyph);
                if (codePoint < 65536)
                {
                    metrics._bmpAdvance[codePoint] = advance;
                    metrics._bmpCovered[codePoint] = true;
                    metrics._bmpGlyph[codePoint] = (ushort)glyph;
                }
                else
                {
                    metrics._astral[codePoint] = advance;
                    metrics._astralGlyph[codePoint] = glyph;
                }
            }

            var cmapOffset = SelectCmap(cmap);
            var subtable = cmap[cmapOffset..];
            var format = BinaryPrimitives.ReadUInt16BigEndian(subtable);
            if (format == 12)
            {
                var groups = BinaryPrimitives.ReadUInt32BigEndian(subtable[12..]);
                for (var g = 0; g < groups; g++)
                {
                    var record = subtable[(16 + (g * 12))..];
                    var start = (int)BinaryPrimitives.ReadUInt32BigEndian(record);
                    var end = (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]);
                    var startGlyph = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
                    for (var c = start; c <= end && c <= 0x10FFFF; c++)
                    {
                        Map(c, startGlyph + (c - start));
                    }
                }
            }
            else
            {
                var segCount = BinaryPrimitives.ReadUInt16BigEndian(subtable[6..]) / 2;
                var endCodes = subtable[14..];
                var startCodes = subtable[(16 + (segCount * 2))..];
                var deltas = subtable[(16 + (segCount * 4))..];
                var rangeOffsetsStart = 16 + (segCount * 6);
                for (var s = 0; s < segCount; s++)
                {
                    int end = BinaryPrimitives.ReadUInt16BigEndian(endCodes[(s * 2)..]);
                    int start = BinaryPrimitives.ReadUInt16BigEndian(startCodes[(s * 2)..]);
                    var delta = BinaryPrimitives.ReadInt16BigEndian(deltas[(s * 2)..]);
                    int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(subtable[(rangeOffsetsStart + (s * 2))..]);
                    for (var c = start; c <= end && c != 0xFFFF; c++)
                    {
                        int glyph;
                        if (rangeOffset == 0)
                        {
                            glyph = (c + delta) & 0xFFFF;
                        }
                        else
                        {
                            var at = rangeOffsetsStart + (s * 2) + rangeOffset + ((c - start) * 2);
                            glyph = BinaryPrimitives.ReadUInt16BigEndian(subtable[at..]);
                            if (glyph != 0)
                            {
                                glyph = (glyph + delta) & 0xFFFF;
                            }
                        }

                        Map(c, glyph);
                    }
                }
            }

            return metrics;
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or KeyNotFoundException or IndexOutOfRangeException)
        {
            throw new PdfFontException($"{name} is not a TrueType font this module can read ({ex.Message})", ex);
        }
    }

    private static Dictionary<string, (int Offset, int Length)> ReadTableDirectory(ReadOnlySpan<byte> font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        var tables = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = font.Slice(12 + (i * 16), 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            tables[tag] = ((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }

        return tables;
    }

    private static int SelectCmap(ReadOnlySpan<byte> cmap)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        var best = -1;
        var bestOffset = 0;
        for (var i = 0; i < count; i++)
        {
            var record = cmap.Slice(4 + (i * 8), 8);
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]);
            var format = BinaryPrimitives.ReadUInt16BigEndian(cmap[offset..]);
            var score = (platform, encoding, format) switch
            {
                (3, 10, 12) => 4,
                (0, _, 12) => 3,
                (3, 1, 4) => 2,
                (0, _, 4) => 1,
                _ => -1,
            };
            if (score > best)
            {
                best = score;
                bestOffset = offset;
            }
        }

        if (best < 0)
        {
            throw new KeyNotFoundException("no Unicode cmap (format 4 or 12)");
        }

        return bestOffset;
    }
}
