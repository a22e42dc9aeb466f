using PdfSharp.Fonts;

namespace SglReference.Pdf.PdfSharp;

/// <summary>
/// SglReference's resolver in front of the host application's: SglReference's family and face names are answered by
/// <see cref="FontResolver"/>, every other one by the host's resolver, unchanged.
/// </summary>
internal sealed class ChainedFontResolver(FontResolver ours, IFontResolver host) : IFontResolver
{
    /// <summary>The host application's resolver.</summary>
    public IFontResolver Host { get; } = host;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        ours.ResolveTypeface(familyName, bold, italic) ?? Host.ResolveTypeface(familyName, bold, italic);

    public byte[]? GetFont(string faceName) => FontResolver.IsOurs(faceName) ? ours.GetFont(faceName) : Host.GetFont(faceName);
}
