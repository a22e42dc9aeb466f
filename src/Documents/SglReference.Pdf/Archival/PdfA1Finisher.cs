using System.Globalization;
using System.IO.Compression;
using System.Text;
using SglReference.Pdf.Fonts;

namespace SglReference.Pdf.Archival;

/// <summary>
/// The last step of every renderer: makes what the PDF library wrote a compact, conforming PDF/A-1 file.
/// <list type="bullet">
/// <item>Each embedded CIDFontType2 subset (Identity-H) becomes a real subset: only the glyphs the content shows (and
/// their composite components), renumbered, reached through a /CIDToGIDMap stream so that content, /W and ToUnicode
/// keep their CIDs; its descriptor gets the /CIDSet ISO 19005-1 §6.3.5 requires (the CIDs the program holds: CID 0 and
/// every CID shown), a negative /Descent (ISO 32000-1 Table 122) and its ToUnicode the Identity-H code space.</item>
/// <item>Each simple TrueType program loses the tables a PDF font does not use (name, layout tables).</item>
/// <item>Every stream but the XMP metadata (ISO 19005-1 §6.7.2 keeps it unfiltered) is Flate-encoded afresh with
/// <see cref="ZLibStream"/> — complete zlib streams with their Adler-32 trailer; PDFsharp 6.5 leaves its own unterminated.</item>
/// <item>The file is written again with one cross-reference table (<see cref="PdfFile.Write"/>).</item>
/// </list>
/// The output is a pure function of the input bytes.
/// </summary>
internal static class PdfA1Finisher
{
    private static readonly HashSet<string> s_simpleTrueTypeTables = new(StringComparer.Ordinal)
    {
        "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep", "OS/2", "post",
    };

    public static byte[] Finish(byte[] pdf, CompressionLevel level = CompressionLevel.Optimal)
    {
        var file = PdfFile.Parse(pdf);
        var shown = ShownCids(file);
        var programs = new Dictionary<int, List<(PdfIndirectObject Font, PdfDictionary CidFont, PdfDictionary Descriptor)>>();
        foreach (var obj in file.Objects.Values.ToList())
        {
            if (obj.Dictionary is not { } font || font.Name("/Type") != "/Font")
            {
                continue;
            }

            switch (font.Name("/Subtype"))
            {
                case "/Type0" when font.Name("/Encoding") is "/Identity-H" or "/Identity-V"
                    && file.Resolve(font["/DescendantFonts"]) is PdfArray { Items: [var descendant] }
                    && file.Resolve(descendant) is PdfDictionary cidFont
                    && cidFont.Name("/Subtype") == "/CIDFontType2"
                    && (cidFont["/CIDToGIDMap"] is null || cidFont.Name("/CIDToGIDMap") == "/Identity")
                    && file.Resolve(cidFont["/FontDescriptor"]) is PdfDictionary descriptor
                    && file.ObjectOf(descriptor["/FontFile2"]) is { Stream: not null } program:
                    if (!programs.TryGetValue(program.Number, out var users))
                    {
                        programs[program.Number] = users = [];
                    }

                    users.Add((obj, cidFont, descriptor));
                    FixToUnicodeCodeSpace(file, font);
                    break;
                case "/TrueType" when file.Resolve(font["/FontDescriptor"]) is PdfDictionary descriptor
                    && file.ObjectOf(descriptor["/FontFile2"]) is { Stream: not null } program:
                    StripTables(program);
                    break;
            }
        }

        foreach (var (programNumber, users) in programs)
        {
            Subset(file, file.Objects[programNumber], users, shown);
        }

        foreach (var obj in file.Objects.Values)
        {
            Compress(obj, level);
        }

        return file.Write();
    }

    /// <summary>The CIDs each Type0 font object shows, from every page's content streams and the forms they draw.</summary>
    private static Dictionary<int, HashSet<int>> ShownCids(PdfFile file)
    {
        var shown = new Dictionary<int, HashSet<int>>();
        var seen = new HashSet<int>();

        void ScanStream(PdfIndirectObject? content, PdfDictionary? resources)
        {
            if (content is null || !seen.Add(content.Number) || Decoded(content) is not { } data)
            {
                return;
            }

            var fonts = file.Resolve(resources?["/Font"]) as PdfDictionary;
            ContentScanner.Scan(data, (name, bytes) =>
            {
                if (file.ObjectOf(fonts?[name]) is not { } font)
                {
                    return;
                }

                if (!shown.TryGetValue(font.Number, out var cids))
                {
                    shown[font.Number] = cids = [];
                }

                for (var i = 0; i + 1 < bytes.Length; i += 2)
                {
                    cids.Add((bytes[i] << 8) | bytes[i + 1]);
                }
            });
            if (file.Resolve(resources?["/XObject"]) is PdfDictionary forms)
            {
                foreach (var (_, form) in forms.Entries)
                {
                    if (file.ObjectOf(form) is { Dictionary: { } formDictionary } formObject && formDictionary.Name("/Subtype") == "/Form")
                    {
                        ScanStream(formObject, file.Resolve(formDictionary["/Resources"]) as PdfDictionary ?? resources);
                    }
                }
            }
        }

        void Walk(PdfValue? node, PdfDictionary? inherited, int depth)
        {
            if (depth > 64 || file.Resolve(node) is not PdfDictionary dictionary)
            {
                return;
            }

            var resources = file.Resolve(dictionary["/Resources"]) as PdfDictionary ?? inherited;
            if (dictionary.Name("/Type") == "/Pages")
            {
                if (file.Resolve(dictionary["/Kids"]) is PdfArray kids)
                {
                    foreach (var kid in kids.Items)
                    {
                        Walk(kid, resources, depth + 1);
                    }
                }

                return;
            }

            var contents = file.Resolve(dictionary["/Contents"]) is PdfArray parts ? parts.Items : [dictionary["/Contents"]!];
            foreach (var part in contents)
            {
                ScanStream(file.ObjectOf(part), resources);
            }
        }

        if (file.Resolve(file.Trailer["/Root"]) is PdfDictionary catalog)
        {
            Walk(catalog["/Pages"], null, 0);
        }

        return shown;
    }

    private static void Subset(PdfFile file, PdfIndirectObject program, List<(PdfIndirectObject Font, PdfDictionary CidFont, PdfDictionary Descriptor)> users, Dictionary<int, HashSet<int>> shown)
    {
        // The CIDs to keep: those the content shows, and those /W gives a width (what the library registered).
        var cids = new SortedSet<int>();
        foreach (var (font, cidFont, _) in users)
        {
            if (shown.TryGetValue(font.Number, out var s))
            {
                cids.UnionWith(s);
            }

            cids.UnionWith(WidthCids(file.Resolve(cidFont["/W"]) as PdfArray));
        }

        var data = Decoded(program) ?? throw new FormatException($"font program {program.Number} has a filter this finisher cannot decode");
        var subset = TrueTypeSubset.Create(data, cids);
        var last = cids.Count == 0 ? 0 : cids.Max;

        // CIDToGIDMap (ISO 32000-1 §9.7.4.2): two bytes per CID, the glyph in the new program; 0 (.notdef) for the others.
        var map = new byte[(last + 1) * 2];
        // CIDSet (ISO 19005-1 §6.3.5; ISO 32000-1 Table 124): one bit per CID, most significant bit first, set for each
        // CID the program holds — CID 0 (.notdef) and every CID shown.
        var set = new byte[(last / 8) + 1];
        set[0] |= 0x80;
        foreach (var cid in cids)
        {
            var glyph = subset.NewGlyph(cid);
            map[cid * 2] = (byte)(glyph >> 8);
            map[(cid * 2) + 1] = (byte)glyph;
            set[cid / 8] |= (byte)(0x80 >> (cid % 8));
        }

        program.Stream = subset.Program;
        var programDictionary = program.Dictionary!;
        programDictionary["/Filter"] = null;
        programDictionary["/DecodeParms"] = null;
        programDictionary["/Length1"] = PdfAtom.Integer(subset.Program.Length);
        var mapReference = file.Add(new PdfDictionary([]), map);
        var setReference = file.Add(new PdfDictionary([]), set);
        foreach (var (_, cidFont, descriptor) in users)
        {
            cidFont["/CIDToGIDMap"] = mapReference;
            descriptor["/CIDSet"] = setReference;
            if (descriptor["/Descent"] is PdfAtom descent && descent.TryNumber(out var value) && value > 0)
            {
                descriptor["/Descent"] = new PdfAtom(Encoding.ASCII.GetBytes("-" + Encoding.ASCII.GetString(descent.Raw)));
            }
        }
    }

    /// <summary>The CIDs a /W array names (ISO 32000-1 §9.7.4.3: "c [w1 w2 …]" and "cfirst clast w").</summary>
    private static IEnumerable<int> WidthCids(PdfArray? widths)
    {
        if (widths is null)
        {
            yield break;
        }

        var items = widths.Items;
        for (var i = 0; i < items.Count;)
        {
            if (items[i] is not PdfAtom first || !first.TryInteger(out var c))
            {
                yield break;
            }

            if (i + 1 < items.Count && items[i + 1] is PdfArray run)
            {
                for (var k = 0; k < run.Items.Count; k++)
                {
                    yield return (int)c + k;
                }

                i += 2;
            }
            else if (i + 2 < items.Count && items[i + 1] is PdfAtom lastAtom && lastAtom.TryInteger(out var l))
            {
                for (var k = c; k <= l; k++)
                {
                    yield return (int)k;
                }

                i += 3;
            }
            else
            {
                yield break;
            }
        }
    }

    /// <summary>PDFsharp writes the ToUnicode code space as the range of CIDs used; Identity-H codes are any two bytes.</summary>
    private static void FixToUnicodeCodeSpace(PdfFile file, PdfDictionary font)
    {
        if (file.ObjectOf(font["/ToUnicode"]) is not { } toUnicode || Decoded(toUnicode) is not { } data)
        {
            return;
        }

        var text = Encoding.Latin1.GetString(data);
        const string Begin = "1 begincodespacerange";
        const string End = "endcodespacerange";
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = begin < 0 ? -1 : text.IndexOf(End, begin, StringComparison.Ordinal);
        if (end < 0)
        {
            return;
        }

        var fixedText = string.Concat(text.AsSpan(0, begin + Begin.Length), "\n<0000><FFFF>\n", text.AsSpan(end));
        toUnicode.Stream = Encoding.Latin1.GetBytes(fixedText);
        toUnicode.Dictionary!["/Filter"] = null;
        toUnicode.Dictionary!["/DecodeParms"] = null;
    }

    private static void StripTables(PdfIndirectObject program)
    {
        if (Decoded(program) is not { } data)
        {
            return;
        }

        var tables = TrueTypeTables.Read(data);
        if (tables.Keys.All(s_simpleTrueTypeTables.Contains))
        {
            return;
        }

        var kept = tables.Where(t => s_simpleTrueTypeTables.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        program.Stream = TrueTypeTables.Write(kept);
        program.Dictionary!["/Filter"] = null;
        program.Dictionary!["/DecodeParms"] = null;
        program.Dictionary!["/Length1"] = PdfAtom.Integer(program.Stream.Length);
    }

    private static void Compress(PdfIndirectObject obj, CompressionLevel level)
    {
        if (obj.Stream is null || obj.Dictionary is not { } dictionary || dictionary.Name("/Type") == "/Metadata" || Decoded(obj) is not { } data)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, level, leaveOpen: true))
        {
            zlib.Write(data);
        }

        if (buffer.Length < data.Length)
        {
            obj.Stream = buffer.ToArray();
            dictionary["/Filter"] = new PdfName("/FlateDecode");
        }
        else
        {
            obj.Stream = data;
            dictionary["/Filter"] = null;
        }

        dictionary["/DecodeParms"] = null;
    }

    /// <summary>The decoded data of a stream that is unfiltered or Flate-encoded without parameters; null for other filters.</summary>
    private static byte[]? Decoded(PdfIndirectObject obj)
    {
        if (obj.Stream is not { } data || obj.Dictionary is not { } dictionary)
        {
            return null;
        }

        var filter = dictionary["/Filter"] switch
        {
            null => null,
            PdfName name => name.Raw,
            PdfArray { Items: [] } => null,
            PdfArray { Items: [PdfName only] } => only.Raw,
            _ => "?",
        };
        if (filter is null)
        {
            return data;
        }

        if (filter != "/FlateDecode" || dictionary["/DecodeParms"] is not null)
        {
            return null;
        }

        // Tolerant of a missing final block and Adler-32 (PDFsharp 6.5): the data decoded so far is the data.
        using var input = new MemoryStream(data);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        try
        {
            zlib.CopyTo(output);
        }
        catch (InvalidDataException ex)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"stream {obj.Number} is not valid Flate data: {ex.Message}"), ex);
        }

        return output.ToArray();
    }
}
