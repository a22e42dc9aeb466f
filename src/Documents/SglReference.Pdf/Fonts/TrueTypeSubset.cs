using System.Buffers.Binary;

namespace SglReference.Pdf.Fonts;

/// <summary>
/// A real subset of a TrueType font program: only .notdef, the glyphs asked for and the components of composite ones,
/// numbered 0…n-1 in their original order, with loca, hmtx (one full metric per glyph), maxp and hhea to match. The
/// TrueType hinting is dropped (the glyph instructions and the cvt, fpgm and prep tables: more than half of DejaVu's
/// glyph data): it only adjusts outlines to the pixel grid of low-resolution rasterisers, which PDF viewers mostly
/// leave off, and the outlines — what prints and what a zoom shows — are unchanged. Every other table is dropped too:
/// a PDF CIDFontType2 program needs no cmap (ISO 32000-1 §9.9).
/// </summary>
internal sealed class TrueTypeSubset
{
    private static readonly string[] s_kept = ["head", "hhea", "maxp"];

    private TrueTypeSubset(byte[] program, int[] newGlyph, int[] originalGlyphs)
    {
        Program = program;
        _newGlyph = newGlyph;
        OriginalGlyphs = originalGlyphs;
        GlyphCount = originalGlyphs.Length;
    }

    /// <summary>For each glyph of the subset, in order, its id in the original program.</summary>
    public IReadOnlyList<int> OriginalGlyphs { get; }

    private readonly int[] _newGlyph;

    /// <summary>The font file.</summary>
    public byte[] Program { get; }

    /// <summary>The number of glyphs it holds.</summary>
    public int GlyphCount { get; }

    /// <summary>The new glyph id of original glyph <paramref name="glyph"/>, or 0 when the subset does not hold it.</summary>
    public int NewGlyph(int glyph) => glyph >= 0 && glyph < _newGlyph.Length && _newGlyph[glyph] > 0 ? _newGlyph[glyph] : 0;

    public static TrueTypeSubset Create(ReadOnlySpan<byte> font, IEnumerable<int> glyphs) => Create(TrueTypeTables.Read(font), glyphs);

    /// <summary>The subset of a font program whose tables were read once (<see cref="TrueTypeTables.Read"/>); the tables are not changed.</summary>
    public static TrueTypeSubset Create(IReadOnlyDictionary<string, byte[]> tables, IEnumerable<int> glyphs)
    {
        foreach (var tag in new[] { "head", "hhea", "hmtx", "loca", "glyf", "maxp" })
        {
            if (!tables.ContainsKey(tag))
            {
                throw new PdfFontException($"the TrueType font program has no {tag} table");
            }
        }

        var head = tables["head"];
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) == 1;
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(tables["maxp"].AsSpan(4));
        var metrics = BinaryPrimitives.ReadUInt16BigEndian(tables["hhea"].AsSpan(34));
        var loca = tables["loca"];
        var glyf = tables["glyf"];
        var hmtx = tables["hmtx"];

        int Start(int g) => longLoca ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(g * 4)) : BinaryPrimitives.ReadUInt16BigEndian(loca.AsSpan(g * 2)) * 2;
        ReadOnlySpan<byte> Glyph(int g) => glyf.AsSpan(Start(g), Start(g + 1) - Start(g));

        // The glyphs kept: .notdef, those asked for, and (transitively) the components of composite glyphs.
        var keep = new SortedSet<int> { 0 };
        var pending = new Stack<int>();
        foreach (var g in glyphs)
        {
            if (g < 0 || g >= glyphCount)
            {
                throw new PdfFontException($"glyph {g} is not in the font program ({glyphCount} glyphs)");
            }

            if (keep.Add(g))
            {
                pending.Push(g);
            }
        }

        while (pending.Count > 0)
        {
            foreach (var component in Components(Glyph(pending.Pop())))
            {
                if (component < glyphCount && keep.Add(component))
                {
                    pending.Push(component);
                }
            }
        }

        var newGlyph = new int[glyphCount];
        var order = keep.ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            newGlyph[order[i]] = i;
        }

        // glyf and loca: each glyph copied (composite component ids renumbered), 4-byte aligned.
        using var newGlyf = new MemoryStream();
        var offsets = new int[order.Length + 1];
        for (var i = 0; i < order.Length; i++)
        {
            offsets[i] = (int)newGlyf.Position;
            var data = WithoutInstructions(Glyph(order[i]));
            RenumberComponents(data, newGlyph);
            newGlyf.Write(data);
            while (newGlyf.Position % 4 != 0)
            {
                newGlyf.WriteByte(0);
            }
        }

        offsets[order.Length] = (int)newGlyf.Position;
        var useLong = offsets[order.Length] > 0x1FFFE;
        var newLoca = new byte[(order.Length + 1) * (useLong ? 4 : 2)];
        for (var i = 0; i <= order.Length; i++)
        {
            if (useLong)
            {
                BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(i * 4), (uint)offsets[i]);
            }
            else
            {
                BinaryPrimitives.WriteUInt16BigEndian(newLoca.AsSpan(i * 2), (ushort)(offsets[i] / 2));
            }
        }

        // hmtx: a full metric (advance, left side bearing) per kept glyph.
        var newHmtx = new byte[order.Length * 4];
        for (var i = 0; i < order.Length; i++)
        {
            var g = order[i];
            var advance = BinaryPrimitives.ReadUInt16BigEndian(hmtx.AsSpan(Math.Min(g, metrics - 1) * 4));
            var lsb = g < metrics
                ? BinaryPrimitives.ReadInt16BigEndian(hmtx.AsSpan((g * 4) + 2))
                : BinaryPrimitives.ReadInt16BigEndian(hmtx.AsSpan((metrics * 4) + ((g - metrics) * 2)));
            BinaryPrimitives.WriteUInt16BigEndian(newHmtx.AsSpan(i * 4), advance);
            BinaryPrimitives.WriteInt16BigEndian(newHmtx.AsSpan((i * 4) + 2), lsb);
        }

        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var tag in s_kept)
        {
            if (tables.TryGetValue(tag, out var data))
            {
                result[tag] = (byte[])data.Clone();
            }
        }

        BinaryPrimitives.WriteInt16BigEndian(result["head"].AsSpan(50), (short)(useLong ? 1 : 0));
        BinaryPrimitives.WriteUInt16BigEndian(result["hhea"].AsSpan(34), (ushort)order.Length);
        BinaryPrimitives.WriteUInt16BigEndian(result["maxp"].AsSpan(4), (ushort)order.Length);
        result["glyf"] = newGlyf.ToArray();
        result["loca"] = newLoca;
        result["hmtx"] = newHmtx;
        return new TrueTypeSubset(TrueTypeTables.Write(result), newGlyph, order);
    }

    // Composite glyph flags (OpenType spec, glyf table).
    private const int ArgsAreWords = 0x0001;
    private const int HaveScale = 0x0008;
    private const int MoreComponents = 0x0020;
    private const int HaveXYScale = 0x0040;
    private const int HaveTwoByTwo = 0x0080;

    private static List<int> Components(ReadOnlySpan<byte> glyph)
    {
        var components = new List<int>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0)
        {
            return components; // empty or simple glyph
        }

        var at = 10;
        int flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            components.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]));
            at += ComponentLength(flags);
        }
        while ((flags & MoreComponents) != 0);
        return components;
    }

    private const int HaveInstructions = 0x0100;

    /// <summary>The glyph without its hinting instructions (instruction length 0; for a composite, the flag cleared).</summary>
    private static byte[] WithoutInstructions(ReadOnlySpan<byte> glyph)
    {
        if (glyph.Length < 10)
        {
            return glyph.ToArray();
        }

        var contours = BinaryPrimitives.ReadInt16BigEndian(glyph);
        if (contours >= 0)
        {
            var lengthAt = 10 + (contours * 2);
            var instructions = BinaryPrimitives.ReadUInt16BigEndian(glyph[lengthAt..]);
            var outline = glyph[(lengthAt + 2 + instructions)..];
            var points = contours == 0 ? 0 : BinaryPrimitives.ReadUInt16BigEndian(glyph[(lengthAt - 2)..]) + 1;
            outline = outline[..OutlineLength(outline, points)]; // without the producer's padding
            var simple = new byte[lengthAt + 2 + outline.Length];
            glyph[..lengthAt].CopyTo(simple);
            outline.CopyTo(simple.AsSpan(lengthAt + 2)); // the instruction length between them stays 0
            return simple;
        }

        var at = 10;
        int flags;
        int flagsAt;
        do
        {
            flagsAt = at;
            flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            at += ComponentLength(flags);
        }
        while ((flags & MoreComponents) != 0);
        var composite = glyph[..at].ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(composite.AsSpan(flagsAt), (ushort)(flags & ~HaveInstructions));
        return composite;
    }

    /// <summary>The bytes of a simple glyph's flags and coordinates for <paramref name="points"/> points.</summary>
    private static int OutlineLength(ReadOnlySpan<byte> outline, int points)
    {
        const int XShort = 0x02, YShort = 0x04, Repeat = 0x08, XSame = 0x10, YSame = 0x20;
        var at = 0;
        var coordinates = 0;
        for (var point = 0; point < points;)
        {
            var flag = outline[at++];
            var count = 1;
            if ((flag & Repeat) != 0)
            {
                count += outline[at++];
            }

            var x = (flag & XShort) != 0 ? 1 : (flag & XSame) != 0 ? 0 : 2;
            var y = (flag & YShort) != 0 ? 1 : (flag & YSame) != 0 ? 0 : 2;
            coordinates += count * (x + y);
            point += count;
        }

        return at + coordinates;
    }

    private static void RenumberComponents(Span<byte> glyph, int[] newGlyph)
    {
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0)
        {
            return;
        }

        var at = 10;
        int flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            var old = BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]);
            BinaryPrimitives.WriteUInt16BigEndian(glyph[(at + 2)..], (ushort)newGlyph[old]);
            at += ComponentLength(flags);
        }
        while ((flags & MoreComponents) != 0);
    }

    private static int ComponentLength(int flags) =>
        4 + ((flags & ArgsAreWords) != 0 ? 4 : 2)
        + ((flags & HaveScale) != 0 ? 2 : (flags & HaveXYScale) != 0 ? 4 : (flags & HaveTwoByTwo) != 0 ? 8 : 0);
}
