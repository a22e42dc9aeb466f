namespace SglReference.Hosting;

/// <summary>The PDF renderers a configuration can choose.</summary>
public enum PdfRendererKind
{
    /// <summary>PDFsharp 6.5 (default, fast, AGPL-3.0 or commercial licence): PDF/A-1a.</summary>
    PdfSharp,
    /// <summary>PdfPig (Apache-2.0): PDF/A-1b.</summary>
    PdfPig,
    /// <summary>SglReference's built-in PDF/A-1a writer (no third-party PDF library, no licence condition).</summary>
    BuiltIn,
}
