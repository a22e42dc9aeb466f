namespace SglReference.Pdf.Layout;

/// <summary>An opaque sRGB colour (PDF/A-1: no transparency; the output intent is sRGB).</summary>
/// <param name="R">Red.</param>
/// <param name="G">Green.</param>
/// <param name="B">Blue.</param>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    /// <summary>Text.</summary>
    public static Rgb Black => new(0, 0, 0);
    /// <summary>Secondary text (methods, dates).</summary>
    public static Rgb Gray => new(85, 85, 85);
    /// <summary>Rules.</summary>
    public static Rgb Rule => new(150, 160, 170);
    /// <summary>Headings.</summary>
    public static Rgb Accent => new(24, 56, 96);
    /// <summary>Background of table headers.</summary>
    public static Rgb Band => new(231, 237, 244);
}
