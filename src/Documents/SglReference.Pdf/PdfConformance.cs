namespace SglReference.Pdf;

/// <summary>The PDF/A-1 level a renderer writes (ISO 19005-1).</summary>
public enum PdfConformance
{
    /// <summary>PDF/A-1a: PDF/A-1b plus a tagged logical structure (PDFsharp).</summary>
    PdfA1A,
    /// <summary>PDF/A-1b: visual appearance preserved (PdfPig).</summary>
    PdfA1B,
}
