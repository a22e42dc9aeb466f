using SglReference.Pdf.Layout;

namespace SglReference.Pdf;

/// <summary>
/// The port every PDF library adapter implements: draws a <see cref="ReportLayout"/> as a PDF/A-1 file. The layout
/// decides every position; a renderer only draws, embeds the fonts and writes the archival metadata.
/// Implementations are thread-safe: one instance renders reports in parallel.
/// </summary>
public interface IPdfRenderer
{
    /// <summary>The configuration name of the renderer (pdfsharp, pdfpig).</summary>
    string Name { get; }

    /// <summary>The PDF/A-1 conformance level written.</summary>
    PdfConformance Conformance { get; }

    /// <summary>The licence in force, printed by the CLI and the service at start.</summary>
    string LicenceNotice { get; }

    /// <summary>Draws <paramref name="layout"/> into a PDF/A-1 file.</summary>
    byte[] Render(ReportLayout layout);
}
