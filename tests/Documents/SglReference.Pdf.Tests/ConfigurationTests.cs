using SglReference.Pdf.Fonts;
using SglReference.Pdf.PdfSharp;
using SglReference.Engine;
using SglReference.Hosting;
using SglReference.Testing;

namespace SglReference.Pdf.Tests;

public class ConfigurationTests
{
    [Fact]
    public void A_missing_font_folder_is_explained()
    {
        var error = Assert.Throws<ConfigurationException>(() => PdfRendering.Create(new PdfOptions(FontFolder: "/nonexistent/fonts")));
        Assert.Contains("DejaVuSans.ttf not found in /nonexistent/fonts", error.Message, StringComparison.Ordinal);
        Assert.Contains("fonts-dejavu-core", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_commercial_licence_is_refused_at_start()
    {
        using var temp = Repo.TempDirectory();
        File.WriteAllText(temp.File("licence.key"), "bm90IGEgbGljZW5jZQ==");
        var error = Assert.Throws<ConfigurationException>(() => PdfRendering.Create(new PdfOptions(PdfRendererKind.PdfSharp, temp.File("licence.key"))));
        Assert.Contains("PDFsharp refuses the licence", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Renderers_name_their_licence()
    {
        var (pdfsharp, _) = PdfRendering.Create(new PdfOptions());
        Assert.Equal("PDF renderer: PDFsharp 6.5 under the AGPL-3.0 (licence: agpl)", pdfsharp.LicenceNotice);
        Assert.Equal(PdfConformance.PdfA1A, pdfsharp.Conformance);
        var (pdfpig, _) = PdfRendering.Create(new PdfOptions(PdfRendererKind.PdfPig));
        Assert.Equal("PDF renderer: PdfPig 0.1 under the Apache-2.0 licence", pdfpig.LicenceNotice);
        Assert.Equal(PdfConformance.PdfA1B, pdfpig.Conformance);
    }

    [Fact]
    public void The_font_covers_latin_1_and_the_lab_symbols()
    {
        var fonts = FontSet.Load();
        var latin1 = string.Concat(Enumerable.Range(0xA0, 0x60).Select(c => (char)c));
        Assert.Equal(latin1 + "€µ≤≥", fonts.Printable(latin1 + "€µ≤≥"));
        Assert.Equal("a\uFFFDb", fonts.Printable("a🧪b"));
    }

    [Fact]
    public void Configuration_file_overrides_defaults()
    {
        using var temp = Repo.TempDirectory();
        File.WriteAllText(temp.File("sgl.json"), """{ "documents": { "versions": "single" }, "pdf": { "renderer": "pdfpig" } }""");
        var configuration = SglConfiguration.Load(temp.File("sgl.json"));
        Assert.Equal(Domain.Documents.DocumentVersions.Single, configuration.Documents.Versions);
        Assert.Equal(PdfRendererKind.PdfPig, configuration.Pdf.Renderer);
        File.WriteAllText(temp.File("bad.json"), """{ "pdf": { "renderer": "itext" } }""");
        Assert.Contains("must be \"pdfsharp\", \"pdfpig\" or \"builtin\"", Assert.Throws<ConfigurationException>(() => SglConfiguration.Load(temp.File("bad.json"))).Message, StringComparison.Ordinal);
        _ = PdfSharpLicence.Agpl;
    }
}
