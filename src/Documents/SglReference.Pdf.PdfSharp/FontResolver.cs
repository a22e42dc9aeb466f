using System.Collections.Concurrent;
using PdfSharp.Fonts;
using SglReference.Pdf.Fonts;

namespace SglReference.Pdf.PdfSharp;

/// <summary>
/// PDFsharp takes one process-wide font resolver; this one serves the font sets renderers register, each under its
/// own family name, so that renderers configured with different font folders can live in one process.
/// </summary>
internal sealed class FontResolver : IFontResolver
{
    private static readonly Lock s_lock = new();
    private static FontResolver? s_instance;
    private readonly ConcurrentDictionary<string, FontSet> _sets = new(StringComparer.Ordinal);

    public static string Register(FontSet fonts)
    {
        lock (s_lock)
        {
            if (s_instance is null)
            {
                if (GlobalFontSettings.FontResolver is not null)
                {
                    throw new InvalidOperationException("another PDFsharp font resolver is installed in this process; SglReference needs its own to embed the configured fonts");
                }

                s_instance = new FontResolver();
                GlobalFontSettings.FontResolver = s_instance;
            }

            var family = "SglReference " + (uint)StringComparer.Ordinal.GetHashCode(fonts.Folder);
            s_instance._sets[family] = fonts;
            return family;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        _sets.ContainsKey(familyName) ? new FontResolverInfo(familyName + (bold ? "|bold" : "|regular")) : null;

    public byte[]? GetFont(string faceName)
    {
        var cut = faceName.LastIndexOf('|');
        if (cut < 0 || !_sets.TryGetValue(faceName[..cut], out var fonts))
        {
            return null;
        }

        return fonts.Bytes(faceName[(cut + 1)..] == "bold" ? FontFace.Bold : FontFace.Regular).ToArray();
    }
}
