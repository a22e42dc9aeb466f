using System.Collections.Concurrent;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Pdf.Fonts;
using SglReference.Pdf.PdfPig;
using SglReference.Pdf.PdfSharp;
using SglReference.Testing;

namespace SglReference.Pdf.Tests;

/// <summary>Renders each (fixture, renderer, audience) PDF once for the whole test class.</summary>
public sealed class RenderedPdfs : IDisposable
{
    private readonly TempDirectory _directory = Repo.TempDirectory();
    private readonly ConcurrentDictionary<(string, string, Audience), string> _files = new();
    private readonly Lazy<FontSet> _fonts = new(() => FontSet.Load());

    public FontSet Fonts => _fonts.Value;

    public IPdfRenderer Renderer(string name) => name switch
    {
        "pdfsharp" => new PdfSharpRenderer(PdfSharpLicence.Agpl, Fonts),
        "pdfpig" => new PdfPigRenderer(Fonts),
        "builtin" => new BuiltInPdfRenderer(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public static DocumentIdentity Identity(LabReport report, Audience audience) => DocumentIdentities.Derive(report, DocumentFormat.N3, audience);

    public string Path(string fixture, string renderer, Audience audience) =>
        _files.GetOrAdd((fixture, renderer, audience), key =>
        {
            var report = Repo.Load(fixture);
            var view = AudienceView.For(report, audience, DocumentSettings.Default); // as the engine does, once for PDF and CDA
            var pdf = new CrBioPdf(Renderer(renderer), Fonts, DocumentSettings.Default).Render(view, audience, Identity(report, audience));
            var file = _directory.File($"{fixture}-{renderer}-{audience}.pdf");
            File.WriteAllBytes(file, pdf);
            return file;
        });

    public void Dispose() => _directory.Dispose();
}
