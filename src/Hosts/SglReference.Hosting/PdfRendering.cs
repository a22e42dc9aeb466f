using SglReference.Pdf;
using SglReference.Pdf.Fonts;
using SglReference.Pdf.PdfPig;
using SglReference.Pdf.PdfSharp;

namespace SglReference.Hosting;

/// <summary>Builds the configured PDF renderer once; it is then shared by every rendering.</summary>
public static class PdfRendering
{
    /// <summary>Loads the fonts and creates the renderer <paramref name="options"/> names; explains any problem.</summary>
    public static (IPdfRenderer Renderer, FontSet Fonts) Create(PdfOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        FontSet fonts;
        try
        {
            fonts = FontSet.Load(options.FontFolder);
        }
        catch (PdfFontException ex)
        {
            throw new ConfigurationException(ex.Message, ex) { IsInvalidSetting = false };
        }

        try
        {
            IPdfRenderer renderer = options.Renderer switch
            {
                PdfRendererKind.PdfPig => new PdfPigRenderer(fonts),
                PdfRendererKind.BuiltIn => new BuiltInPdfRenderer(),
                _ => new PdfSharpRenderer(options.Licence == "agpl" ? PdfSharpLicence.Agpl : PdfSharpLicence.Commercial(options.Licence), fonts),
            };
            return (renderer, fonts);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.Message, ex) { IsInvalidSetting = false };
        }
    }
}
