using System.Security.Cryptography;
using System.Text;
using SglReference.Pdf.Fonts;

namespace SglReference.Pdf.Writing;

/// <summary>
/// One face as one document embeds it: a Type0 font (Identity-H) over a CIDFontType2 whose program is the subset of
/// the glyphs the document shows, CIDs being the subset's glyph ids (/CIDToGIDMap /Identity), with its /W widths, its
/// ToUnicode CMap and the /CIDSet ISO 19005-1 §6.3.5 asks of a subset.
/// </summary>
internal sealed class EmbeddedFont
{
    private readonly FontProgram _program;
    // The character each glyph shown stands for (the first one met), by original glyph id; 0 for a glyph not shown.
    private readonly int[] _unicodeByGlyph;
    private readonly List<int> _shown = [];
    private SealedFont? _sealed;

    public EmbeddedFont(FontProgram program, string resourceName)
    {
        _program = program;
        ResourceName = resourceName;
        _unicodeByGlyph = new int[program.GlyphCount];
    }

    /// <summary>The name pages use in their /Font resources (F1, F2).</summary>
    public string ResourceName { get; }

    public int ObjectNumber { get; set; }

    public bool Used => _shown.Count > 0;

    /// <summary>Registers the glyphs of <paramref name="text"/> (first pass over the layout).</summary>
    public void Add(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var glyph = _program.Metrics.Glyph(rune.Value);
            if (_unicodeByGlyph[glyph] == 0)
            {
                _unicodeByGlyph[glyph] = rune.Value;
                _shown.Add(glyph);
            }
        }
    }

    /// <summary>Makes the subset once every glyph is registered.</summary>
    public void Seal()
    {
        _shown.Sort();
        _sealed = SealedFont.For(_program, _shown, _unicodeByGlyph, ToUnicode);
    }

    /// <summary>Writes <paramref name="text"/> as an Identity-H hexadecimal string of subset CIDs.</summary>
    public void WriteShown(PdfOutput content, string text)
    {
        content.Byte((byte)'<');
        foreach (var rune in text.EnumerateRunes())
        {
            content.Hex16(_sealed!.Subset.NewGlyph(_program.Metrics.Glyph(rune.Value)));
        }

        content.Byte((byte)'>');
    }

    /// <summary>The six-letter subset tag (ISO 32000-1 §9.6.4), derived from the glyphs so that output is reproducible.</summary>
    private string Tag()
    {
        Span<byte> key = stackalloc byte[4 * Math.Min(_shown.Count, 512)];
        var i = 0;
        foreach (var glyph in _shown)
        {
            if (i + 4 > key.Length)
            {
                break;
            }

            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(key[i..], glyph);
            i += 4;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(key[..i], hash);
        var tag = new char[6];
        for (var k = 0; k < 6; k++)
        {
            tag[k] = (char)('A' + (hash[k] % 26));
        }

        return new string(tag);
    }

    /// <summary>Writes the font's six objects, numbered from <see cref="ObjectNumber"/>.</summary>
    public void Write(PdfDocumentWriter writer)
    {
        var subset = _sealed!.Subset;
        var n = ObjectNumber;
        var baseFont = Tag() + "+" + _program.PostScriptName;

        writer.BeginObject(n)
            .Ascii("<</Type/Font/Subtype/Type0/BaseFont/").Ascii(baseFont)
            .Ascii("/Encoding/Identity-H/DescendantFonts[").Reference(n + 1).Ascii("]/ToUnicode ").Reference(n + 4).Ascii(">>");
        writer.EndObject();

        var cidFont = writer.BeginObject(n + 1)
            .Ascii("<</Type/Font/Subtype/CIDFontType2/BaseFont/").Ascii(baseFont)
            .Ascii("/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor ").Reference(n + 2)
            .Ascii("/CIDToGIDMap/Identity/W[0[");
        for (var cid = 0; cid < subset.GlyphCount; cid++)
        {
            if (cid > 0)
            {
                cidFont.Byte((byte)' ');
            }

            cidFont.Number(_program.Width(subset.OriginalGlyphs[cid]));
        }

        cidFont.Ascii("]]>>");
        writer.EndObject();

        var box = _program.BoundingBox;
        writer.BeginObject(n + 2)
            .Ascii("<</Type/FontDescriptor/FontName/").Ascii(baseFont)
            .Ascii("/Flags 32/FontBBox[").Number(box[0]).Byte((byte)' ').Number(box[1]).Byte((byte)' ').Number(box[2]).Byte((byte)' ').Number(box[3])
            .Ascii("]/ItalicAngle 0/Ascent ").Number(_program.Ascent).Ascii("/Descent ").Number(_program.Descent)
            .Ascii("/CapHeight ").Number(_program.CapHeight).Ascii("/StemV ").Integer(_program.Face == FontFace.Bold ? 120 : 80)
            .Ascii("/FontFile2 ").Reference(n + 3).Ascii("/CIDSet ").Reference(n + 5).Ascii(">>");
        writer.EndObject();

        writer.WriteEncodedStream(n + 3, _sealed.FontFile, "/Filter/FlateDecode/Length1 " + subset.Program.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteEncodedStream(n + 4, _sealed.ToUnicode, "/Filter/FlateDecode");

        // CIDSet (ISO 32000-1 Table 124): one bit per CID, most significant first; the subset holds CIDs 0…n-1.
        var set = new byte[(subset.GlyphCount + 7) / 8];
        for (var cid = 0; cid < subset.GlyphCount; cid++)
        {
            set[cid / 8] |= (byte)(0x80 >> (cid % 8));
        }

        writer.WriteStream(n + 5, set, null);
    }

    /// <summary>The ToUnicode CMap (ISO 32000-1 §9.10.3): two-byte codes, each shown CID to its character.</summary>
    private byte[] ToUnicode(TrueTypeSubset subset)
    {
        var map = new StringBuilder(256 + (_shown.Count * 24));
        map.Append("/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n/CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n");
        var entries = _shown.Where(g => g != 0).Select(g => (Key: g, Value: _unicodeByGlyph[g])).ToList();
        for (var start = 0; start < entries.Count; start += 100)
        {
            var count = Math.Min(100, entries.Count - start);
            map.Append(count).Append(" beginbfchar\n");
            for (var i = start; i < start + count; i++)
            {
                map.Append('<').Append(subset.NewGlyph(entries[i].Key).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)).Append("><");
                foreach (var unit in new Rune(entries[i].Value).ToString())
                {
                    map.Append(((int)unit).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                }

                map.Append(">\n");
            }

            map.Append("endbfchar\n");
        }

        map.Append("endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n");
        return Encoding.ASCII.GetBytes(map.ToString());
    }
}
