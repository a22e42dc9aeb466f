using System.Collections.Concurrent;
using PdfSharp.Fonts;
using SglReference.Pdf.Fonts;

namespace SglReference.Pdf.PdfSharp;

/// <summary>
/// Serves the font sets renderers register, each under its own family name ("SglReference 1234"), so that renderers
/// configured with different font folders live in one process — and next to a host application that uses PDFsharp
/// with its own resolver.
/// </summary>
/// <remarks>
/// PDFsharp 6.5 keeps one process-wide <see cref="GlobalFontSettings.FontResolver"/> and one
/// <see cref="GlobalFontSettings.FallbackFontResolver"/>, asks the fallback only when the primary answers null, and
/// refuses any change of either once a font was used. So SglReference installs itself where it disturbs the host least:
/// <list type="number">
/// <item>as the fallback resolver, when it is free and the host's primary resolver (if any) answers null for
/// SglReference's family names: the host keeps its own primary instance (and may still install one later, before its
/// first font);</item>
/// <item>as the primary resolver, when none is installed and the fallback is taken;</item>
/// <item>otherwise in front of the host's primary, in a chain that passes every other family and face to it
/// (<see cref="ChainedFontResolver"/>); this needs that no font was used yet, and a host that later sets
/// <c>GlobalFontSettings.FontResolver</c> again replaces the chain (or, after a font was used, is refused by
/// PDFsharp).</item>
/// </list>
/// </remarks>
internal sealed class FontResolver : IFontResolver
{
    private const string Prefix = "SglReference ";
    private static readonly Lock s_lock = new();
    private static FontResolver? s_instance;
    private readonly ConcurrentDictionary<string, FontSet> _sets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _served = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="fonts"/> and returns the family name PDFsharp resolves them under.</summary>
    public static string Register(FontSet fonts)
    {
        lock (s_lock)
        {
            var family = Prefix + (uint)StringComparer.Ordinal.GetHashCode(fonts.Folder);
            if (s_instance is null)
            {
                var resolver = new FontResolver();
                resolver._sets[family] = fonts;
                Install(resolver, family);
                s_instance = resolver;
            }

            s_instance._sets[family] = fonts;
            return family;
        }
    }

    /// <summary>
    /// Fails clearly when PDFsharp resolved <paramref name="family"/> through another resolver (a host resolver installed
    /// in front of SglReference's after the renderer was created), instead of drawing with fonts the layout did not measure.
    /// </summary>
    public static void EnsureServed(string family, bool bold)
    {
        if (s_instance is not { } resolver || !resolver._served.ContainsKey(FaceName(family, bold)))
        {
            throw new InvalidOperationException(
                $"PDFsharp resolved the font family \"{family}\" through another font resolver ({Describe(GlobalFontSettings.FontResolver)}), not SglReference's: " +
                "a PDFsharp font resolver installed after the SglReference renderer was created must return null for families it does not know");
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!_sets.ContainsKey(familyName))
        {
            return null;
        }

        var face = FaceName(familyName, bold);
        _served[face] = true;
        return new FontResolverInfo(face);
    }

    public byte[]? GetFont(string faceName)
    {
        if (!IsOurs(faceName))
        {
            return null;
        }

        var cut = faceName.LastIndexOf('|');
        if (cut < 0 || !_sets.TryGetValue(faceName[..cut], out var fonts))
        {
            return null;
        }

        return fonts.Bytes(faceName[(cut + 1)..] == "bold" ? FontFace.Bold : FontFace.Regular).ToArray();
    }

    /// <summary>True for the face names this resolver hands out.</summary>
    public static bool IsOurs(string faceName) => faceName.StartsWith(Prefix, StringComparison.Ordinal);

    private static string FaceName(string family, bool bold) => family + (bold ? "|bold" : "|regular");

    private static void Install(FontResolver resolver, string family)
    {
        var primary = GlobalFontSettings.FontResolver;
        var fallback = GlobalFontSettings.FallbackFontResolver;
        try
        {
            if (fallback is null && !Claims(primary, family))
            {
                GlobalFontSettings.FallbackFontResolver = resolver;
            }
            else if (primary is null)
            {
                GlobalFontSettings.FontResolver = resolver;
            }
            else
            {
                GlobalFontSettings.FontResolver = new ChainedFontResolver(resolver, primary);
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException(
                $"SglReference cannot add its fonts to PDFsharp in this process: the fallback font resolver is {Describe(fallback)} and the primary one, {Describe(primary)}, " +
                $"either answers for every family name or is already in use ({ex.Message}). Leave GlobalFontSettings.FallbackFontResolver free, or create the SglReference renderer before the first PDFsharp font is used.",
                ex);
        }
    }

    /// <summary>Whether the host's resolver answers for SglReference's family (catch-all resolvers return a default face for any name).</summary>
    private static bool Claims(IFontResolver? resolver, string family)
    {
        if (resolver is null)
        {
            return false;
        }

        try
        {
            return resolver.ResolveTypeface(family, false, false) is not null || resolver.ResolveTypeface(family, true, false) is not null;
        }
#pragma warning disable CA1031 // a host resolver that throws for an unknown family does not claim it (PDFsharp, too, logs and moves on to the fallback)
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private static string Describe(IFontResolver? resolver) => resolver is null ? "none" : resolver.GetType().FullName ?? resolver.GetType().Name;
}
