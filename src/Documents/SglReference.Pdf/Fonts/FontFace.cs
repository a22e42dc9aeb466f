namespace SglReference.Pdf.Fonts;

/// <summary>The two faces the CR-Bio layout uses.</summary>
public enum FontFace
{
    /// <summary>Regular text.</summary>
    Regular,
    /// <summary>Headings, abnormal values.</summary>
    Bold,
}
