using System.Globalization;
using SglReference.Pdf.Fonts;
using SglReference.Pdf.Layout;

namespace SglReference.Pdf.Writing;

/// <summary>
/// Writes a <see cref="ReportLayout"/> as a PDF/A-1a file in one pass over the layout (ISO 19005-1, on PDF 1.4):
/// <list type="bullet">
/// <item>fonts: each face used, embedded as a subset of the glyphs shown (<see cref="EmbeddedFont"/>);</item>
/// <item>tagged structure (§6.8): Document, H1–H3 for titles and headings, P for running text, Table/TR/TH/TD for the
/// result tables, each linked to its marked content through MCIDs and the parent tree; page furniture and shapes are
/// artifacts; /MarkInfo, the document language;</item>
/// <item>the sRGB output intent (§6.2.2) with <see cref="SrgbProfile"/>, the colours being DeviceRGB;</item>
/// <item>the Info dictionary and the XMP packet that repeats it (§6.7), unfiltered;</item>
/// <item>every other stream Flate-encoded, one cross-reference table, a trailer /ID.</item>
/// </list>
/// Output is a pure function of the layout.
/// </summary>
internal static class PdfA1Writer
{
    private const int Catalog = 1;
    private const int PageTree = 2;
    private const int Info = 3;
    private const int Metadata = 4;
    private const int Profile = 5;
    private const int StructTreeRoot = 6;
    private const int DocumentElement = 7;
    private const int FirstFont = 8;
    private const int ObjectsPerFont = 6;

    // Made once per process, at the smallest size (zlib level 9).
    private static readonly Lazy<byte[]> s_compressedProfile = new(() => PdfDocumentWriter.Deflate(SrgbProfile.Bytes, 9));

    /// <summary>
    /// The zlib level of the content streams, font programs and ToUnicode CMaps. Level 2 deflates a one-page content
    /// stream (15.5 kB) in a third of level 6's time for 4.0 kB instead of 3.3 kB; the font programs (glyph outlines)
    /// hardly compress at any level. A one-page report grows by about 1 kB.
    /// </summary>
    internal const int DeflateLevel = 2;

    public static byte[] Write(ReportLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var fonts = new[]
        {
            new EmbeddedFont(FontProgram.For(layout.Fonts, FontFace.Regular), "F1"),
            new EmbeddedFont(FontProgram.For(layout.Fonts, FontFace.Bold), "F2"),
        };
        foreach (var page in layout.Pages)
        {
            foreach (var block in page.Blocks)
            {
                foreach (var item in block.Items)
                {
                    if (item is TextItem text)
                    {
                        fonts[(int)text.Face].Add(text.Text);
                    }
                }
            }
        }

        var next = FirstFont;
        foreach (var font in fonts.Where(f => f.Used))
        {
            font.Seal();
            font.ObjectNumber = next;
            next += ObjectsPerFont;
        }

        var firstPage = next;
        next += 2 * layout.Pages.Count;
        var elements = new List<StructElement>();
        var parentTree = new List<List<int>>();
        var documentKids = new List<int>();
        int NewElement(string type, int parent, int page, int mcid)
        {
            var element = new StructElement(next++, type, parent, page, mcid);
            elements.Add(element);
            if (parent == DocumentElement)
            {
                documentKids.Add(element.Number);
            }
            else
            {
                elements[parent - firstPage - (2 * layout.Pages.Count)].Kids.Add(element.Number);
            }

            return element.Number;
        }

        using var writer = new PdfDocumentWriter(64 * 1024, DeflateLevel);
        using var content = new PdfOutput(32 * 1024);
        for (var p = 0; p < layout.Pages.Count; p++)
        {
            var pageNumber = firstPage + (2 * p);
            var mcids = new List<int>();
            parentTree.Add(mcids);
            var state = new DrawingState(content, layout.PageHeight, fonts);
            content.Clear();
            var table = 0;
            foreach (var block in layout.Pages[p].Blocks)
            {
                var isRow = block.Role is StructureRole.TableRow or StructureRole.TableHeaderRow;
                if (!isRow)
                {
                    table = 0;
                }

                var hasShapes = false;
                var hasText = false;
                foreach (var item in block.Items)
                {
                    hasShapes |= item is not TextItem;
                    hasText |= item is TextItem;
                }

                if (block.Role == StructureRole.Artifact || hasShapes)
                {
                    content.Ascii("/Artifact BMC\n");
                    foreach (var item in block.Items)
                    {
                        if (block.Role == StructureRole.Artifact || item is not TextItem)
                        {
                            state.Draw(item);
                        }
                    }

                    state.EndText();
                    content.Ascii("EMC\n");
                }

                if (block.Role == StructureRole.Artifact || !hasText)
                {
                    continue;
                }

                if (isRow)
                {
                    if (table == 0)
                    {
                        table = NewElement("Table", DocumentElement, pageNumber, -1);
                    }

                    var row = NewElement("TR", table, pageNumber, -1);
                    var cellType = block.Role == StructureRole.TableHeaderRow ? "TH" : "TD";
                    foreach (var item in block.Items)
                    {
                        if (item is TextItem text)
                        {
                            var mcid = mcids.Count;
                            mcids.Add(NewElement(cellType, row, pageNumber, mcid));
                            state.BeginMarked(cellType, mcid);
                            state.Draw(text);
                            state.EndMarked();
                        }
                    }

                    continue;
                }

                var type = block.Role switch
                {
                    StructureRole.Title => "H1",
                    StructureRole.Heading => "H2",
                    StructureRole.Subheading => "H3",
                    _ => "P",
                };
                var blockMcid = mcids.Count;
                mcids.Add(NewElement(type, DocumentElement, pageNumber, blockMcid));
                state.BeginMarked(type, blockMcid);
                foreach (var item in block.Items)
                {
                    if (item is TextItem text)
                    {
                        state.Draw(text);
                    }
                }

                state.EndMarked();
            }

            WritePage(writer, layout, p, pageNumber, fonts);
            writer.WriteStream(pageNumber + 1, content.Written, null);
        }

        foreach (var font in fonts.Where(f => f.Used))
        {
            font.Write(writer);
        }

        foreach (var element in elements)
        {
            var output = writer.BeginObject(element.Number).Ascii("<</Type/StructElem/S/").Ascii(element.Type).Ascii("/P ").Reference(element.Parent).Ascii("/Pg ").Reference(element.Page);
            if (element.Mcid >= 0)
            {
                output.Ascii("/K ").Integer(element.Mcid);
            }
            else
            {
                output.Ascii("/K[");
                foreach (var kid in element.Kids)
                {
                    output.Reference(kid).Byte((byte)' ');
                }

                output.Ascii("]");
            }

            output.Ascii(">>");
            writer.EndObject();
        }

        var document = writer.BeginObject(DocumentElement).Ascii("<</Type/StructElem/S/Document/P ").Reference(StructTreeRoot).Ascii("/K[");
        foreach (var kid in documentKids)
        {
            document.Reference(kid).Byte((byte)' ');
        }

        document.Ascii("]>>");
        writer.EndObject();

        var root = writer.BeginObject(StructTreeRoot).Ascii("<</Type/StructTreeRoot/K ").Reference(DocumentElement).Ascii("/ParentTree<</Nums[");
        for (var p = 0; p < parentTree.Count; p++)
        {
            root.Integer(p).Byte((byte)'[');
            foreach (var element in parentTree[p])
            {
                root.Reference(element).Byte((byte)' ');
            }

            root.Ascii("]");
        }

        root.Ascii("]>>/ParentTreeNextKey ").Integer(parentTree.Count).Ascii(">>");
        writer.EndObject();

        var pages = writer.BeginObject(PageTree).Ascii("<</Type/Pages/Count ").Integer(layout.Pages.Count).Ascii("/Kids[");
        for (var p = 0; p < layout.Pages.Count; p++)
        {
            pages.Reference(firstPage + (2 * p)).Byte((byte)' ');
        }

        pages.Ascii("]>>");
        writer.EndObject();

        writer.WriteEncodedStream(Profile, s_compressedProfile.Value, "/N 3/Filter/FlateDecode");
        var seed = ReproducibleOutput.Seed(layout);
        WriteInfo(writer, layout.Metadata);
        using (var xmp = new PdfOutput(4096))
        {
            XmpPacket.Write(xmp, layout.Metadata, seed);
            writer.WriteStream(Metadata, xmp.Written, "/Type/Metadata/Subtype/XML", compress: false);
        }

        writer.BeginObject(Catalog).Ascii("<</Type/Catalog/Pages ").Reference(PageTree)
            .Ascii("/Metadata ").Reference(Metadata)
            .Ascii("/OutputIntents[<</Type/OutputIntent/S/GTS_PDFA1/OutputConditionIdentifier(").Ascii(SrgbProfile.Description)
            .Ascii(")/Info(").Ascii(SrgbProfile.Description).Ascii(")/DestOutputProfile ").Reference(Profile)
            .Ascii(">>]/MarkInfo<</Marked true>>/StructTreeRoot ").Reference(StructTreeRoot)
            .Ascii("/Lang").TextString(layout.Metadata.Language).Ascii(">>");
        writer.EndObject();
        return writer.Finish(Catalog, Info, seed);
    }

    private static void WritePage(PdfDocumentWriter writer, ReportLayout layout, int index, int number, EmbeddedFont[] fonts)
    {
        var page = writer.BeginObject(number).Ascii("<</Type/Page/Parent ").Reference(PageTree)
            .Ascii("/MediaBox[0 0 ").Number(layout.PageWidth).Byte((byte)' ').Number(layout.PageHeight)
            .Ascii("]/Resources<</ProcSet[/PDF/Text]/Font<<");
        foreach (var font in fonts)
        {
            if (font.Used)
            {
                page.Byte((byte)'/').Ascii(font.ResourceName).Byte((byte)' ').Reference(font.ObjectNumber);
            }
        }

        page.Ascii(">>>>/Contents ").Reference(number + 1).Ascii("/StructParents ").Integer(index).Ascii(">>");
        writer.EndObject();
    }

    private static void WriteInfo(PdfDocumentWriter writer, PdfMetadata metadata)
    {
        var date = PdfDate(metadata.CreationDate);
        writer.BeginObject(Info)
            .Ascii("<</Title").TextString(metadata.Title)
            .Ascii("/Author").TextString(metadata.Author)
            .Ascii("/Subject").TextString(metadata.Subject)
            .Ascii("/Keywords").TextString(metadata.Keywords)
            .Ascii("/Creator").TextString(metadata.Creator)
            .Ascii("/Producer").TextString(XmpPacket.Producer)
            .Ascii("/CreationDate").TextString(date)
            .Ascii("/ModDate").TextString(date)
            .Ascii(">>");
        writer.EndObject();
    }

    /// <summary>A PDF date (ISO 32000-1 §7.9.4) with its offset from UTC, as the XMP dates carry it.</summary>
    private static string PdfDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"D:{date:yyyyMMddHHmmss}{sign}{offset.Hours:00}'{offset.Minutes:00}'");
    }

    private sealed class StructElement(int number, string type, int parent, int page, int mcid)
    {
        public int Number { get; } = number;

        public string Type { get; } = type;

        public int Parent { get; } = parent;

        public int Page { get; } = page;

        /// <summary>The marked-content id of a leaf; -1 for an element with element kids.</summary>
        public int Mcid { get; } = mcid;

        public List<int> Kids { get; } = [];
    }
}
