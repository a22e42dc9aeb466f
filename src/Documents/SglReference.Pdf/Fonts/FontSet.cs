namespace SglReference.Pdf.Fonts;

/// <summary>
/// The fonts a CR-Bio PDF embeds (DejaVu Sans regular and bold: full Latin-1, €, µ, ≤, ≥), read once from a folder
/// and shared, immutable, by every rendering. Characters the fonts do not cover are replaced by U+FFFD on print.
/// </summary>
public sealed class FontSet
{
    /// <summary>Debian's fonts-dejavu-core folder, the default.</summary>
    public const string DefaultFolder = "/usr/share/fonts/truetype/dejavu";

    /// <summary>The regular face's file name.</summary>
    public const string RegularFile = "DejaVuSans.ttf";

    /// <summary>The bold face's file name.</summary>
    public const string BoldFile = "DejaVuSans-Bold.ttf";

    private readonly TrueTypeMetrics _regular;
    private readonly TrueTypeMetrics _bold;

    private FontSet(string folder, byte[] regular, byte[] bold)
    {
        Folder = folder;
        RegularBytes = regular;
        BoldBytes = bold;
        _regular = TrueTypeMetrics.Parse(regular, RegularFile);
        _bold = TrueTypeMetrics.Parse(bold, BoldFile);
    }

    /// <summary>The folder the fonts were read from.</summary>
    public string Folder { get; }

    /// <summary>The regular font file.</summary>
    public ReadOnlyMemory<byte> RegularBytes { get; }

    /// <summary>The bold font file.</summary>
    public ReadOnlyMemory<byte> BoldBytes { get; }

    /// <summary>The family name renderers register the faces under.</summary>
    public const string FamilyName = "DejaVu Sans";

    /// <summary>Loads the two faces from <paramref name="folder"/>, or explains what is missing.</summary>
    public static FontSet Load(string? folder = null)
    {
        folder ??= DefaultFolder;
        return new FontSet(folder, Read(folder, RegularFile), Read(folder, BoldFile));
    }

    /// <summary>The bytes of a face's font file.</summary>
    public ReadOnlyMemory<byte> Bytes(FontFace face) => face == FontFace.Bold ? BoldBytes : RegularBytes;

    internal TrueTypeMetrics Metrics(FontFace face) => face == FontFace.Bold ? _bold : _regular;

    /// <summary>Width of <paramref name="text"/> in points at <paramref name="size"/>; the text must be printable (see <see cref="Printable"/>).</summary>
    public double Width(string text, FontFace face, double size)
    {
        ArgumentNullException.ThrowIfNull(text);
        var metrics = Metrics(face);
        long units = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            units += metrics.Advance(rune.Value);
        }

        return units * size / metrics.UnitsPerEm;
    }

    /// <summary>Ascent above the baseline in points.</summary>
    public double Ascent(FontFace face, double size) => Metrics(face).Ascender * size / Metrics(face).UnitsPerEm;

    /// <summary>
    /// <paramref name="text"/> as the fonts can print it: tabs become spaces, line breaks and other control characters
    /// are dropped, and characters neither face covers (emoji...) become U+FFFD.
    /// </summary>
    public string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = true;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value < 0x20 || !(_regular.Covers(rune.Value) && _bold.Covers(rune.Value)))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\t')
            {
                builder.Append("    ");
            }
            else if (rune.Value < 0x20)
            {
                builder.Append(' ');
            }
            else if (_regular.Covers(rune.Value) && _bold.Covers(rune.Value))
            {
                builder.Append(rune.ToString());
            }
            else
            {
                builder.Append('\uFFFD');
            }
        }

        return builder.ToString();
    }

    private static byte[] Read(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            throw new PdfFontException(
                $"font {file} not found in {folder}: install Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core) or set the PDF font folder to a folder holding {RegularFile} and {BoldFile}");
        }

        return File.ReadAllBytes(path);
    }
}
