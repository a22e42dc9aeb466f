using SglReference.Pdf.Fonts;

namespace SglReference.Pdf.Layout;

/// <summary>Something drawn on a page. Coordinates are points from the top-left corner of the page.</summary>
public abstract record LayoutItem;

/// <summary>A run of text on one line, drawn from <paramref name="X"/> with its baseline at <paramref name="Baseline"/>.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Baseline">Baseline, from the top of the page.</param>
/// <param name="Text">Printable text (see <see cref="FontSet.Printable"/>).</param>
/// <param name="Face">Regular or bold.</param>
/// <param name="Size">Font size in points.</param>
/// <param name="Color">Colour.</param>
public sealed record TextItem(double X, double Baseline, string Text, FontFace Face, double Size, Rgb Color) : LayoutItem;

/// <summary>A straight rule.</summary>
/// <param name="X1">Start x.</param>
/// <param name="Y1">Start y.</param>
/// <param name="X2">End x.</param>
/// <param name="Y2">End y.</param>
/// <param name="Width">Stroke width.</param>
/// <param name="Color">Colour.</param>
public sealed record LineItem(double X1, double Y1, double X2, double Y2, double Width, Rgb Color) : LayoutItem;

/// <summary>A rectangle, filled and/or stroked.</summary>
/// <param name="X">Left.</param>
/// <param name="Y">Top.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
/// <param name="Fill">Fill colour, or null.</param>
/// <param name="Stroke">Stroke colour, or null.</param>
/// <param name="StrokeWidth">Stroke width.</param>
public sealed record RectItem(double X, double Y, double Width, double Height, Rgb? Fill, Rgb? Stroke, double StrokeWidth = 0.5) : LayoutItem;

/// <summary>Items that belong together in the document structure.</summary>
/// <param name="Role">Their logical role.</param>
/// <param name="Items">What to draw, in reading order.</param>
public sealed record LayoutBlock(StructureRole Role, IReadOnlyList<LayoutItem> Items);

/// <summary>One page: blocks in reading order.</summary>
/// <param name="Blocks">The blocks.</param>
public sealed record LayoutPage(IReadOnlyList<LayoutBlock> Blocks);

/// <summary>Document information written to the PDF Info dictionary and its XMP metadata.</summary>
/// <param name="Title">Title.</param>
/// <param name="Author">Author (the laboratory).</param>
/// <param name="Subject">Subject.</param>
/// <param name="Keywords">Keywords.</param>
/// <param name="Creator">Creating application.</param>
/// <param name="CreationDate">Creation date (the biological validation: the same report gives the same PDF).</param>
/// <param name="Language">Natural language (BCP 47).</param>
public sealed record PdfMetadata(string Title, string Author, string Subject, string Keywords, string Creator, DateTimeOffset CreationDate, string Language = "fr-FR");

/// <summary>The complete, library-independent layout of one CR-Bio PDF.</summary>
/// <param name="PageWidth">Page width in points.</param>
/// <param name="PageHeight">Page height in points.</param>
/// <param name="Pages">The pages.</param>
/// <param name="Metadata">Document information.</param>
/// <param name="Fonts">The fonts the text was measured with and must be drawn with.</param>
public sealed record ReportLayout(double PageWidth, double PageHeight, IReadOnlyList<LayoutPage> Pages, PdfMetadata Metadata, FontSet Fonts)
{
    /// <summary>A4 width in points.</summary>
    public const double A4Width = 595.28;

    /// <summary>A4 height in points.</summary>
    public const double A4Height = 841.89;

    /// <summary>Every text item of every page, in order.</summary>
    public IEnumerable<TextItem> Texts => Pages.SelectMany(p => p.Blocks).SelectMany(b => b.Items).OfType<TextItem>();
}
