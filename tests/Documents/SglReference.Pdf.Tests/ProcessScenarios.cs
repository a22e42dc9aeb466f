using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Pdf.Fonts;
using SglReference.Pdf.PdfSharp;
using SglReference.Testing;

namespace SglReference.Pdf.Tests;

/// <summary>
/// The test assembly's entry point: `dotnet SglReference.Pdf.Tests.dll &lt;scenario&gt; &lt;output folder&gt;` runs one
/// scenario in a fresh process, for what is process-wide (PDFsharp's font resolvers, JIT settings). The tests in
/// <see cref="ProcessLevelTests"/> start it and check its files with poppler and qpdf.
/// </summary>
public static class ProcessScenarios
{
    public const string VendorFamily = "Vendor Serif";

    public static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: SglReference.Pdf.Tests.dll render|vendor-first|vendor-catch-all-first|ours-first|ours-used-then-vendor <output folder>");
            return 2;
        }

        var output = args[1];
        Directory.CreateDirectory(output);
        try
        {
            switch (args[0])
            {
                case "render":
                    File.WriteAllBytes(Path.Combine(output, "thyroid.pdf"), RenderOurs(NewRenderer()));
                    break;
                case "vendor-first":
                    global::PdfSharp.PdfSharpLicense.SetAgplLicense(); // what the host application does before its first document
                    GlobalFontSettings.FontResolver = new VendorResolver(catchAll: false);
                    File.WriteAllBytes(Path.Combine(output, "vendor-before.pdf"), RenderVendor());
                    WriteBoth(output, NewRenderer());
                    break;
                case "vendor-catch-all-first":
                    global::PdfSharp.PdfSharpLicense.SetAgplLicense();
                    GlobalFontSettings.FontResolver = new VendorResolver(catchAll: true);
                    WriteBoth(output, NewRenderer());
                    break;
                case "ours-first":
                    var renderer = NewRenderer();
                    GlobalFontSettings.FontResolver = new VendorResolver(catchAll: false);
                    WriteBoth(output, renderer);
                    break;
                case "ours-used-then-vendor":
                    File.WriteAllBytes(Path.Combine(output, "thyroid.pdf"), RenderOurs(NewRenderer()));
                    GlobalFontSettings.FontResolver = new VendorResolver(catchAll: false);
                    break;
                default:
                    Console.Error.WriteLine("unknown scenario " + args[0]);
                    return 2;
            }
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine(ex.GetType().FullName + ": " + ex.Message);
            return 3;
        }

        Console.WriteLine($"primary={GlobalFontSettings.FontResolver?.GetType().Name ?? "none"} fallback={GlobalFontSettings.FallbackFontResolver?.GetType().Name ?? "none"}");
        return 0;
    }

    private static PdfSharpRenderer NewRenderer() => new(PdfSharpLicence.Agpl, FontSet.Load());

    private static void WriteBoth(string output, PdfSharpRenderer renderer)
    {
        File.WriteAllBytes(Path.Combine(output, "thyroid.pdf"), RenderOurs(renderer));
        File.WriteAllBytes(Path.Combine(output, "vendor-after.pdf"), RenderVendor());
    }

    private static byte[] RenderOurs(PdfSharpRenderer renderer)
    {
        var report = Repo.Load("thyroid");
        var view = AudienceView.For(report, Audience.Professional, DocumentSettings.Default);
        return new CrBioPdf(renderer, FontSet.Load(), DocumentSettings.Default)
            .Render(view, Audience.Professional, DocumentIdentities.Derive(report, DocumentFormat.N3, Audience.Professional));
    }

    /// <summary>What a host application draws with its own fonts.</summary>
    private static byte[] RenderVendor()
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            graphics.DrawString("Facture du fournisseur", new XFont(VendorFamily, 12), XBrushes.Black, 40, 60);
            graphics.DrawString("Total", new XFont(VendorFamily, 12, XFontStyleEx.Bold), XBrushes.Black, 40, 80);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>
    /// A host application's resolver serving DejaVu Serif as "Vendor Serif"; a catch-all one (like PDFsharp's
    /// failsafe sample resolver) answers every family name with that face.
    /// </summary>
    private sealed class VendorResolver(bool catchAll) : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            catchAll || familyName == VendorFamily ? new FontResolverInfo(bold ? "vendor-serif-bold" : "vendor-serif") : null;

        public byte[]? GetFont(string faceName) => faceName switch
        {
            "vendor-serif" => File.ReadAllBytes(Path.Combine(FontSet.DefaultFolder, "DejaVuSerif.ttf")),
            "vendor-serif-bold" => File.ReadAllBytes(Path.Combine(FontSet.DefaultFolder, "DejaVuSerif-Bold.ttf")),
            _ => null,
        };
    }
}
