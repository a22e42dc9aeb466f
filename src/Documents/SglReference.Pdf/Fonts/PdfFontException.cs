namespace SglReference.Pdf.Fonts;

/// <summary>The configured font folder lacks a font, or a font file cannot be read.</summary>
public sealed class PdfFontException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PdfFontException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PdfFontException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PdfFontException()
    {
    }
}
