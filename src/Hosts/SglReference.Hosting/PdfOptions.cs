using SglReference.Domain.Validation;
using SglReference.Pdf.Fonts;

namespace SglReference.Hosting;

/// <summary>How PDFs are rendered.</summary>
/// <param name="Renderer">The renderer (PDFsharp by default).</param>
/// <param name="Licence">The PDFsharp licence: "agpl" (default) or the path of a commercial licence key file.</param>
/// <param name="FontFolder">The folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf.</param>
public sealed record PdfOptions(PdfRendererKind Renderer = PdfRendererKind.PdfSharp, string Licence = "agpl", string FontFolder = FontSet.DefaultFolder)
{
    /// <summary>Checks every setting; throws <see cref="InvalidSettingException"/> naming the first that breaks its rule.</summary>
    public PdfOptions Validate()
    {
        if (!Enum.IsDefined(Renderer))
        {
            throw new InvalidSettingException("pdf.renderer", "must be \"pdfsharp\" or \"pdfpig\"");
        }

        SettingRules.Text("pdf.licence", Licence, 4096);
        SettingRules.Text("pdf.fontFolder", FontFolder, 4096);
        return this;
    }
}
