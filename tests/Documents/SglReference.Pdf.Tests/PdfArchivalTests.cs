using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Pdf.Archival;
using SglReference.Pdf.PdfSharp;
using SglReference.Testing;

namespace SglReference.Pdf.Tests;

/// <summary>
/// The PDF/A-1 font and stream rules no installable validator checks here (no veraPDF), tested against the files:
/// qpdf reads the objects and decodes the streams, fontTools (ttx) reads the embedded font programs, pdftoppm draws
/// the pages. Clauses are ISO 19005-1:2005 unless said otherwise.
/// </summary>
[Trait("Needs", "poppler")]
public partial class PdfArchivalTests : IClassFixture<RenderedPdfs>
{
    private readonly RenderedPdfs _pdfs;

    public PdfArchivalTests(RenderedPdfs pdfs) => _pdfs = pdfs;

    public static TheoryData<string> Fixtures() => [.. Repo.FixtureNames];

    /// <summary>Every fixture with each renderer that writes CID fonts (PDFsharp through the finish, the built-in writer).</summary>
    public static TheoryData<string, string> FixturesAndCidRenderers()
    {
        var data = new TheoryData<string, string>();
        foreach (var fixture in Repo.FixtureNames)
        {
            data.Add(fixture, "pdfsharp");
            data.Add(fixture, "builtin");
        }

        return data;
    }

    public static TheoryData<string, string> OnePageFixturesAndRenderers()
    {
        var data = new TheoryData<string, string>();
        foreach (var fixture in Repo.FixtureNames.Where(f => f != "large-300"))
        {
            data.Add(fixture, "pdfsharp");
            data.Add(fixture, "pdfpig");
            data.Add(fixture, "builtin");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixturesAndCidRenderers))]
    public void Every_cid_font_is_a_real_subset_with_a_cidset_naming_the_cids_shown(string fixture, string renderer)
    {
        // §6.3.5: "for all CIDFont subsets ... the font descriptor shall include a CIDSet stream identifying which CIDs
        // are present in the embedded CIDFont file" (veraPDF rule 6.3.5-3: every CID the set names is in the program).
        // §6.3.4: the font programs are embedded (FontFile2). §6.3.6: the widths in the font dictionary are consistent
        // with the program's (veraPDF's tolerance: 1/1000 em).
        foreach (var audience in new[] { Audience.Professional, Audience.Patient })
        {
            using var temp = Repo.TempDirectory();
            var pdf = _pdfs.Path(fixture, renderer, audience);
            var decoded = Decoded(pdf);
            var shown = ShownCids(decoded);
            var cidFonts = decoded.Values.Where(o => Dict(o) is { } d && Name(d, "/Subtype") == "/CIDFontType2").ToList();
            Assert.Equal(2, cidFonts.Count);
            foreach (var cidFont in cidFonts.Select(Dict))
            {
                var font = decoded.Values.Select(Dict).Single(d => Name(d, "/Subtype") == "/Type0" && Ref(d!.Value.GetProperty("/DescendantFonts")[0]) == FindId(decoded, cidFont!.Value));
                var cids = shown[FindId(decoded, font!.Value)];
                var descriptor = Dict(decoded[Ref(cidFont!.Value.GetProperty("/FontDescriptor"))])!.Value;
                Assert.True(descriptor.GetProperty("/Descent").GetDouble() < 0, "ISO 32000-1 Table 122: /Descent is a negative number");
                var program = Data(decoded[Ref(descriptor.GetProperty("/FontFile2"))]);
                Assert.Equal(program.Length, Dict(decoded[Ref(descriptor.GetProperty("/FontFile2"))])!.Value.GetProperty("/Length1").GetInt32());
                var set = Data(decoded[Ref(descriptor.GetProperty("/CIDSet"))]);
                // ISO 32000-1 §9.7.4.2: /CIDToGIDMap is /Identity (CID = glyph id) or a stream of two-byte glyph ids.
                var mapEntry = cidFont.Value.GetProperty("/CIDToGIDMap");
                var identity = mapEntry.GetString() == "/Identity";
                var map = identity ? [] : Data(decoded[Ref(mapEntry)]);
                var ttx = Ttx(temp, program);
                var glyphs = int.Parse(ttx.Descendants("numGlyphs").Single().Attribute("value")!.Value, CultureInfo.InvariantCulture);
                int Glyph(int cid) => identity ? (cid < glyphs ? cid : 0) : cid * 2 + 1 < map.Length ? (map[cid * 2] << 8) | map[(cid * 2) + 1] : 0;
                bool Bit(int cid) => cid / 8 < set.Length && (set[cid / 8] & (0x80 >> (cid % 8))) != 0;

                // Every CID shown is in the set and drawn by a real glyph of the program.
                Assert.NotEmpty(cids);
                foreach (var cid in cids)
                {
                    Assert.True(Bit(cid), $"CID {cid} is shown but not in the CIDSet");
                    Assert.InRange(Glyph(cid), 1, glyphs - 1);
                }

                // The set names nothing else (CID 0, .notdef, is always present), and each CID it names is in the program.
                // With /Identity every glyph of the program is reachable by its CID, composite components included, so
                // the set names exactly the program's glyphs.
                for (var cid = 1; cid < set.Length * 8; cid++)
                {
                    if (identity)
                    {
                        Assert.True(Bit(cid) == cid < glyphs, $"CID {cid}: in the CIDSet {Bit(cid)}, in the program {cid < glyphs}");
                    }
                    else if (Bit(cid))
                    {
                        Assert.True(cids.Contains(cid), $"the CIDSet names CID {cid}, which no page shows");
                        Assert.True((identity || cid * 2 < map.Length) && Glyph(cid) < glyphs, $"the CIDSet names CID {cid}, which the program does not hold");
                    }
                }

                // A real subset: .notdef, the glyphs shown and their composite components, nothing else.
                var expected = new HashSet<string> { ".notdef" };
                var pending = new Stack<string>(cids.Select(c => GlyphName(Glyph(c))));
                var outlines = ttx.Descendants("TTGlyph").ToDictionary(g => g.Attribute("name")!.Value);
                while (pending.TryPop(out var name))
                {
                    if (expected.Add(name))
                    {
                        foreach (var component in outlines[name].Elements("component"))
                        {
                            pending.Push(component.Attribute("glyphName")!.Value);
                        }
                    }
                }

                Assert.Equal(expected.Order(StringComparer.Ordinal), outlines.Keys.Order(StringComparer.Ordinal));

                // /W against the program's advance widths.
                var unitsPerEm = double.Parse(ttx.Descendants("unitsPerEm").Single().Attribute("value")!.Value, CultureInfo.InvariantCulture);
                var advances = ttx.Descendants("mtx").ToDictionary(m => m.Attribute("name")!.Value, m => double.Parse(m.Attribute("width")!.Value, CultureInfo.InvariantCulture));
                var widths = Widths(cidFont.Value.GetProperty("/W"));
                Assert.Superset(cids.ToHashSet(), widths.Keys.ToHashSet());
                foreach (var (cid, width) in widths)
                {
                    Assert.InRange(width, (advances[GlyphName(Glyph(cid))] * 1000 / unitsPerEm) - 1, (advances[GlyphName(Glyph(cid))] * 1000 / unitsPerEm) + 1);
                }

                // ToUnicode covers the Identity-H code space (two-byte codes), so every CID shown maps.
                var toUnicode = Encoding.Latin1.GetString(Data(decoded[Ref(font.Value.GetProperty("/ToUnicode"))]));
                Assert.Contains("begincodespacerange\n<0000><FFFF>\nendcodespacerange", toUnicode, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(OnePageFixturesAndRenderers))]
    public void Streams_are_compressed_and_every_one_decodes_cleanly(string fixture, string renderer)
    {
        var pdf = _pdfs.Path(fixture, renderer, Audience.Professional);
        var (objects, _) = PdfTools.Objects(pdf);
        var streams = objects.Values.Where(o => o.TryGetProperty("stream", out _)).Select(o => o.GetProperty("stream").GetProperty("dict")).ToList();
        var page = objects.Values.Select(o => o.TryGetProperty("value", out var v) ? v : default).Single(v => v.ValueKind == JsonValueKind.Object && Name(v, "/Type") == "/Page");
        var content = Dict(objects[page.GetProperty("/Contents").GetString()!])!.Value;
        Assert.Equal("/FlateDecode", Name(content, "/Filter"));
        foreach (var fontFile in streams.Where(s => s.TryGetProperty("/Length1", out _)))
        {
            Assert.Equal("/FlateDecode", Name(fontFile, "/Filter"));
        }

        Assert.All(streams.Where(s => Name(s, "/Type") == "/Metadata"), m => Assert.False(m.TryGetProperty("/Filter", out _))); // §6.7.2
        using var temp = Repo.TempDirectory();
        // Every Flate stream complete, Adler-32 included: qpdf exits 3 on "input stream is complete but output may still be valid".
        var uncompress = ExternalProcess.Run("qpdf", ["--decode-level=all", "--stream-data=uncompress", pdf, temp.File("plain.pdf")]);
        Assert.True(uncompress.ExitCode == 0, uncompress.All);
        Assert.True(PdfTools.Check(pdf).ExitCode == 0);
    }

    [Theory]
    [MemberData(nameof(OnePageFixturesAndRenderers))]
    public void A_one_page_report_weighs_at_most_40_kB(string fixture, string renderer)
    {
        // Issue 10: every ORU, N1, N3 and mail carries the PDF (base64 in the CDA and HL7).
        foreach (var audience in new[] { Audience.Professional, Audience.Patient })
        {
            var pdf = _pdfs.Path(fixture, renderer, audience);
            Assert.Equal(1, PdfTools.Pages(pdf));
            Assert.InRange(new FileInfo(pdf).Length, 1, 40 * 1024);
        }
    }

    [Theory]
    [InlineData("biochemistry")]
    [InlineData("special-characters")]
    [InlineData("microbiology-urine")]
    [InlineData("large-300")]
    public void The_builtin_writer_puts_every_word_where_pdfsharp_draws_it(string fixture)
    {
        // poppler's word boxes (pdftotext -bbox) of both files: same words, same order, same place. PDFsharp rounds each
        // glyph width to 1/1000 em and the built-in writer writes the layout's exact widths, so a word may drift by a
        // fraction of a point along a long line; 1 pt is a tenth of the smallest font size used.
        foreach (var audience in new[] { Audience.Professional, Audience.Patient })
        {
            var reference = Words(_pdfs.Path(fixture, "pdfsharp", audience));
            var builtin = Words(_pdfs.Path(fixture, "builtin", audience));
            Assert.True(reference.Count > 50, $"{reference.Count} words");
            Assert.Equal(reference.Count, builtin.Count);

            // pdftotext's reading order may differ where lines are close; each word is matched by page, text and place.
            var unmatched = builtin.ToList();
            foreach (var a in reference)
            {
                var match = unmatched.FindIndex(b => b.Page == a.Page && b.Text == a.Text
                    && new[] { a.XMin - b.XMin, a.YMin - b.YMin, a.XMax - b.XMax, a.YMax - b.YMax }.Max(Math.Abs) < 1.0);
                Assert.True(match >= 0, $"{fixture} {audience} page {a.Page}: \"{a.Text}\" at [{a.XMin} {a.YMin} {a.XMax} {a.YMax}] in the PDFsharp file is not within 1 pt in the built-in writer's");
                unmatched.RemoveAt(match);
            }
        }
    }

    private static List<(int Page, string Text, double XMin, double YMin, double XMax, double YMax)> Words(string pdf)
    {
        var run = ExternalProcess.Run("pdftotext", ["-bbox", pdf, "-"]);
        Assert.True(run.ExitCode == 0, run.All);
        var words = new List<(int, string, double, double, double, double)>();
        var page = 0;
        var html = run.StandardOutput[run.StandardOutput.IndexOf("<html", StringComparison.Ordinal)..]; // without the DOCTYPE
        foreach (var element in XDocument.Parse(html).Descendants())
        {
            if (element.Name.LocalName == "page")
            {
                page++;
            }
            else if (element.Name.LocalName == "word")
            {
                double At(string name) => double.Parse(element.Attribute(name)!.Value, CultureInfo.InvariantCulture);
                words.Add((page, element.Value, At("xMin"), At("yMin"), At("xMax"), At("yMax")));
            }
        }

        return words;
    }

    [Theory]
    [InlineData("special-characters")]
    [InlineData("microbiology-urine")]
    public void The_finish_leaves_every_pixel_where_pdfsharp_drew_it(string fixture)
    {
        var report = Repo.Load(fixture);
        var layout = new CrBioPdf(_pdfs.Renderer("pdfsharp"), _pdfs.Fonts, DocumentSettings.Default)
            .Layout(report, Audience.Professional, RenderedPdfs.Identity(report, Audience.Professional));
        var drawn = ((PdfSharpRenderer)_pdfs.Renderer("pdfsharp")).Draw(layout);
        using var temp = Repo.TempDirectory();
        File.WriteAllBytes(temp.File("drawn.pdf"), drawn);
        File.WriteAllBytes(temp.File("finished.pdf"), PdfA1Finisher.Finish(drawn));
        Assert.True(new FileInfo(temp.File("finished.pdf")).Length * 3 < drawn.Length);
        foreach (var name in new[] { "drawn", "finished" })
        {
            var run = ExternalProcess.Run("pdftoppm", ["-r", "110", "-gray", temp.File(name + ".pdf"), temp.File(name)]);
            Assert.True(run.ExitCode == 0, run.All);
        }

        Assert.Equal(File.ReadAllBytes(temp.File("drawn-1.pgm")), File.ReadAllBytes(temp.File("finished-1.pgm")));
    }

    private static string GlyphName(int glyph) => glyph == 0 ? ".notdef" : string.Create(CultureInfo.InvariantCulture, $"glyph{glyph:D5}");

    private static XDocument Ttx(TempDirectory temp, byte[] program)
    {
        var font = temp.File($"font-{Guid.NewGuid():N}.ttf");
        File.WriteAllBytes(font, program);
        var run = ExternalProcess.Run("ttx", ["-q", "-t", "head", "-t", "maxp", "-t", "hmtx", "-t", "glyf", "-t", "loca", "-o", font + ".ttx", font]);
        Assert.True(run.ExitCode == 0 && run.StandardError.Length == 0, "fontTools reads the program without a warning: " + run.All);
        return XDocument.Load(font + ".ttx");
    }

    /// <summary>Every object with its streams decoded, from qpdf.</summary>
    private static Dictionary<string, JsonElement> Decoded(string pdf)
    {
        var json = ExternalProcess.Run("qpdf", ["--json=2", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", pdf]);
        Assert.True(json.ExitCode == 0, json.All);
        var root = JsonDocument.Parse(json.StandardOutput).RootElement.GetProperty("qpdf")[1];
        return root.EnumerateObject().Where(p => p.Name != "trailer").ToDictionary(p => p.Name[4..], p => p.Value.Clone(), StringComparer.Ordinal);
    }

    /// <summary>The CIDs each Type0 font object shows: the hex strings of Tj after Tf, in each page's content (how PDFsharp writes text).</summary>
    private static Dictionary<string, HashSet<int>> ShownCids(Dictionary<string, JsonElement> objects)
    {
        var shown = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var page in objects.Values.Select(Dict).Where(d => Name(d, "/Type") == "/Page"))
        {
            var resources = page!.Value.GetProperty("/Resources");
            resources = resources.ValueKind == JsonValueKind.String ? Dict(objects[Ref(resources)])!.Value : resources;
            var fonts = resources.GetProperty("/Font");
            fonts = fonts.ValueKind == JsonValueKind.String ? Dict(objects[Ref(fonts)])!.Value : fonts;
            var content = Encoding.Latin1.GetString(Data(objects[Ref(page.Value.GetProperty("/Contents"))]));
            string? font = null;
            foreach (Match m in TextOperators().Matches(content))
            {
                if (m.Groups["font"].Success)
                {
                    font = Ref(fonts.GetProperty("/" + m.Groups["font"].Value));
                    continue;
                }

                Assert.NotNull(font);
                var hex = Regex.Replace(m.Groups["hex"].Value, @"\s", string.Empty);
                if (!shown.TryGetValue(font, out var cids))
                {
                    shown[font] = cids = [];
                }

                for (var i = 0; i + 4 <= hex.Length; i += 4)
                {
                    cids.Add(int.Parse(hex.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                }
            }
        }

        return shown;
    }

    private static Dictionary<int, double> Widths(JsonElement w)
    {
        var widths = new Dictionary<int, double>();
        var items = w.EnumerateArray().ToList();
        for (var i = 0; i < items.Count;)
        {
            var first = items[i].GetInt32();
            if (items[i + 1].ValueKind == JsonValueKind.Array)
            {
                var k = 0;
                foreach (var width in items[i + 1].EnumerateArray())
                {
                    widths[first + k++] = width.GetDouble();
                }

                i += 2;
            }
            else
            {
                for (var c = first; c <= items[i + 1].GetInt32(); c++)
                {
                    widths[c] = items[i + 2].GetDouble();
                }

                i += 3;
            }
        }

        return widths;
    }

    private static string FindId(Dictionary<string, JsonElement> objects, JsonElement dictionary) =>
        objects.Single(o => Dict(o.Value) is { } d && d.GetRawText() == dictionary.GetRawText()).Key;

    private static string Ref(JsonElement reference) => reference.GetString()!;

    private static string? Name(JsonElement? dictionary, string key) =>
        dictionary is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static JsonElement? Dict(JsonElement obj) =>
        obj.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Object ? v : obj.TryGetProperty("stream", out var s) ? s.GetProperty("dict") : null;

    private static byte[] Data(JsonElement obj) => Convert.FromBase64String(obj.GetProperty("stream").GetProperty("data").GetString()!);

    [GeneratedRegex(@"/(?<font>[A-Za-z0-9]+)\s+[\d.]+\s+Tf|<(?<hex>[0-9A-Fa-f\s]+)>\s*Tj")]
    private static partial Regex TextOperators();
}
