using SglReference.Pdf.Fonts;

namespace SglReference.Pipeline;

/// <summary>How PDFs are rendered.</summary>
/// <param name="Renderer">The renderer (PDFsharp by default).</param>
/// <param name="Licence">The PDFsharp licence: "agpl" (default) or the path of a commercial licence key file.</param>
/// <param name="FontFolder">The folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf.</param>
public sealed record PdfOptions(PdfRendererKind Renderer = PdfRendererKind.PdfSharp, string Licence = "agpl", string FontFolder = FontSet.DefaultFolder);
