using SglReference.Pdf.Archival;
using SglReference.Pdf.Fonts;
using SglReference.Pdf.Layout;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace SglReference.Pdf.PdfPig;

/// <summary>
/// Draws the layout with PdfPig's document builder (Apache-2.0): PDF/A-1b (<c>PdfAStandard.A1B</c>: XMP with
/// pdfaid, sRGB output intent), the TrueType fonts embedded as PdfPig subsets them, then finished by
/// <see cref="PdfA1Finisher"/> (font tables a PDF does not use dropped, streams compressed afresh).
/// </summary>
public sealed class PdfPigRenderer : IPdfRenderer
{
    private readonly byte[] _regular;
    private readonly byte[] _bold;

    /// <summary>Creates the renderer with the fonts the layout was measured with.</summary>
    public PdfPigRenderer(FontSet fonts)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        _regular = fonts.RegularBytes.ToArray();
        _bold = fonts.BoldBytes.ToArray();
    }

    /// <inheritdoc />
    public string Name => "pdfpig";

    /// <inheritdoc />
    public PdfConformance Conformance => PdfConformance.PdfA1B;

    /// <inheritdoc />
    public string LicenceNotice => "PDF renderer: PdfPig 0.1 under the Apache-2.0 licence";

    /// <inheritdoc />
    public byte[] Render(ReportLayout layout) => PdfA1Finisher.Finish(Draw(layout));

    /// <summary>The file PdfPig writes for <paramref name="layout"/>, its random values made reproducible, before the finish.</summary>
    internal byte[] Draw(ReportLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        using var builder = new PdfDocumentBuilder { ArchiveStandard = PdfAStandard.A1B };
        builder.DocumentInformation.Title = layout.Metadata.Title;
        builder.DocumentInformation.Author = layout.Metadata.Author;
        builder.DocumentInformation.Subject = layout.Metadata.Subject;
        builder.DocumentInformation.Keywords = layout.Metadata.Keywords;
        builder.DocumentInformation.Creator = layout.Metadata.Creator;
        var regular = builder.AddTrueTypeFont(_regular);
        var bold = builder.AddTrueTypeFont(_bold);
        foreach (var layoutPage in layout.Pages)
        {
            var page = builder.AddPage(layout.PageWidth, layout.PageHeight);
            foreach (var item in layoutPage.Blocks.SelectMany(b => b.Items))
            {
                switch (item)
                {
                    case TextItem text:
                        page.SetTextAndFillColor(text.Color.R, text.Color.G, text.Color.B);
                        page.AddText(text.Text, text.Size, new PdfPoint(text.X, layout.PageHeight - text.Baseline), text.Face == FontFace.Bold ? bold : regular);
                        break;
                    case LineItem line:
                        page.SetStrokeColor(line.Color.R, line.Color.G, line.Color.B);
                        page.DrawLine(new PdfPoint(line.X1, layout.PageHeight - line.Y1), new PdfPoint(line.X2, layout.PageHeight - line.Y2), line.Width);
                        break;
                    case RectItem rect:
                        var bottomLeft = new PdfPoint(rect.X, layout.PageHeight - rect.Y - rect.Height);
                        if (rect.Fill is { } fill)
                        {
                            page.SetTextAndFillColor(fill.R, fill.G, fill.B);
                        }

                        // PdfPig strokes every rectangle: a fill-only rectangle is stroked in its fill colour.
                        var edge = rect.Stroke ?? rect.Fill ?? Rgb.Black;
                        page.SetStrokeColor(edge.R, edge.G, edge.B);

                        page.DrawRectangle(bottomLeft, rect.Width, rect.Height, rect.Stroke is null ? 0 : rect.StrokeWidth, fill: rect.Fill is not null);
                        break;
                }
            }

            page.ResetColor();
        }

        var pdf = builder.Build();
        ReproducibleOutput.Apply(pdf, ReproducibleOutput.Seed(layout));
        return pdf;
    }
}
