using SglReference.Pdf.Layout;
using SglReference.Pdf.Writing;

namespace SglReference.Pdf;

/// <summary>
/// SglReference's own PDF writer: draws the layout straight into a tagged PDF/A-1a file (fonts embedded as subsets,
/// sRGB output intent, XMP, compressed streams) in one pass, with no third-party PDF library and so no licence
/// condition beyond SglReference's own. It writes what the PDFsharp adapter writes after its archival finish, without
/// the drawing library's object model, reflection and the parse-back of its output.
/// </summary>
public sealed class BuiltInPdfRenderer : IPdfRenderer
{
    /// <summary>Creates the renderer; streams are deflated at zlib level 2 (fast, a few percent larger than level 6).</summary>
    public BuiltInPdfRenderer()
    {
    }

    /// <inheritdoc />
    public string Name => "builtin";

    /// <inheritdoc />
    public PdfConformance Conformance => PdfConformance.PdfA1A;

    /// <inheritdoc />
    public string LicenceNotice => "PDF renderer: SglReference's built-in PDF/A-1a writer (no third-party PDF library)";

    /// <inheritdoc />
    public byte[] Render(ReportLayout layout) => PdfA1Writer.Write(layout);
}
