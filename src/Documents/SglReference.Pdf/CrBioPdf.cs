using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Pdf.Fonts;
using SglReference.Pdf.Layout;

namespace SglReference.Pdf;

/// <summary>Renders the PDF of one version of a report: layout, then the configured renderer.</summary>
public sealed class CrBioPdf
{
    private readonly IPdfRenderer _renderer;
    private readonly FontSet _fonts;
    private readonly DocumentSettings _settings;

    /// <summary>Creates the facade over a renderer, with the fonts the layout measures text with.</summary>
    public CrBioPdf(IPdfRenderer renderer, FontSet fonts, DocumentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(fonts);
        ArgumentNullException.ThrowIfNull(settings);
        _renderer = renderer;
        _fonts = fonts;
        _settings = settings;
    }

    /// <summary>The renderer in use.</summary>
    public IPdfRenderer Renderer => _renderer;

    /// <summary>
    /// The PDF of the version for <paramref name="audience"/>, printed with <paramref name="identity"/> (the N3 document
    /// of that version); <paramref name="view"/> is the report as that audience reads it (<see cref="AudienceView.For"/>).
    /// </summary>
    public byte[] Render(LabReport view, Audience audience, DocumentIdentity identity) =>
        _renderer.Render(Layout(view, audience, identity));

    /// <summary>The layout alone (tests, previews).</summary>
    public ReportLayout Layout(LabReport view, Audience audience, DocumentIdentity identity) =>
        ReportLayoutEngine.Build(view, audience, identity, _settings, _fonts);
}
