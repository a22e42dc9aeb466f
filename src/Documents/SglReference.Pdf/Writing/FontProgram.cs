using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using SglReference.Pdf.Fonts;

namespace SglReference.Pdf.Writing;

/// <summary>
/// One face of a <see cref="FontSet"/> as the built-in writer embeds it: its tables read once, its advance widths by
/// glyph and the font descriptor values (ISO 32000-1 §9.8) in glyph space units (1/1000 em). Made once per font set
/// and face, shared by every rendering.
/// </summary>
internal sealed class FontProgram
{
    private static readonly ConditionalWeakTable<FontSet, FontProgram[]> s_programs = [];

    private readonly ushort[] _advances;

    private FontProgram(FontSet fonts, FontFace face)
    {
        Face = face;
        Metrics = fonts.Metrics(face);
        Tables = TrueTypeTables.Read(fonts.Bytes(face).Span);
        var head = Tables["head"].AsSpan();
        UnitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(head[18..]);
        BoundingBox =
        [
            Scale(BinaryPrimitives.ReadInt16BigEndian(head[36..])),
            Scale(BinaryPrimitives.ReadInt16BigEndian(head[38..])),
            Scale(BinaryPrimitives.ReadInt16BigEndian(head[40..])),
            Scale(BinaryPrimitives.ReadInt16BigEndian(head[42..])),
        ];
        Ascent = Scale(Metrics.Ascender);
        Descent = Scale(Metrics.Descender);
        CapHeight = Tables.TryGetValue("OS/2", out var os2) && BinaryPrimitives.ReadUInt16BigEndian(os2) >= 2 && os2.Length >= 90
            ? Scale(BinaryPrimitives.ReadInt16BigEndian(os2.AsSpan(88)))
            : Ascent;
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(Tables["maxp"].AsSpan(4));
        var hMetrics = BinaryPrimitives.ReadUInt16BigEndian(Tables["hhea"].AsSpan(34));
        var hmtx = Tables["hmtx"];
        _advances = new ushort[glyphCount];
        for (var g = 0; g < glyphCount; g++)
        {
            _advances[g] = BinaryPrimitives.ReadUInt16BigEndian(hmtx.AsSpan(Math.Min(g, hMetrics - 1) * 4));
        }

        PostScriptName = Path.GetFileNameWithoutExtension(face == FontFace.Bold ? FontSet.BoldFile : FontSet.RegularFile);
    }

    public FontFace Face { get; }

    /// <summary>The number of glyphs in the program.</summary>
    public int GlyphCount => _advances.Length;

    public TrueTypeMetrics Metrics { get; }

    public IReadOnlyDictionary<string, byte[]> Tables { get; }

    public int UnitsPerEm { get; }

    public double[] BoundingBox { get; }

    public double Ascent { get; }

    public double Descent { get; }

    public double CapHeight { get; }

    /// <summary>The font's PostScript name without subset tag (DejaVuSans, DejaVuSans-Bold).</summary>
    public string PostScriptName { get; }

    /// <summary>The programs of both faces of <paramref name="fonts"/>, read at the first call.</summary>
    public static FontProgram For(FontSet fonts, FontFace face) =>
        s_programs.GetValue(fonts, f => [new FontProgram(f, FontFace.Regular), new FontProgram(f, FontFace.Bold)])[(int)face];

    /// <summary>The advance width of original glyph <paramref name="glyph"/> in glyph space units.</summary>
    public double Width(int glyph) => Scale(_advances[glyph]);

    private double Scale(int fontUnits) => fontUnits * 1000.0 / UnitsPerEm;
}
