using SglReference.Pdf.Fonts;

namespace SglReference.Pdf.Writing;

/// <summary>
/// What one face embeds for one set of shown characters, made once: the subset of the program, the subset's font file
/// and its ToUnicode CMap already Flate-encoded. The last one of each face is kept for the next document on the same
/// thread: the patient and professional versions of a report are drawn one after the other and show the same
/// characters in most reports, so the second reuses what the first made (subsetting and deflating a face is about a
/// tenth of a one-page render). One entry per face and thread, replaced by a document that shows other characters:
/// nothing grows, nothing is shared between threads, and the output stays a pure function of the layout.
/// </summary>
internal sealed class SealedFont
{
    [ThreadStatic]
    private static SealedFont?[]? t_last;

    private readonly FontProgram _program;
    private readonly int[] _shown;
    private readonly int _level;

    private SealedFont(FontProgram program, int[] shown, int level, TrueTypeSubset subset, byte[] fontFile, byte[] toUnicode)
    {
        _program = program;
        _shown = shown;
        _level = level;
        Subset = subset;
        FontFile = fontFile;
        ToUnicode = toUnicode;
    }

    public TrueTypeSubset Subset { get; }

    /// <summary>The subset's TrueType program, as a zlib stream.</summary>
    public byte[] FontFile { get; }

    /// <summary>The ToUnicode CMap, as a zlib stream.</summary>
    public byte[] ToUnicode { get; }

    /// <summary>
    /// The sealed face for <paramref name="shown"/>: pairs of original glyph id and the character it stands for, in
    /// glyph order; made and kept when the last one of this face on this thread was for other characters.
    /// </summary>
    public static SealedFont For(FontProgram program, int[] shown, int level, Func<TrueTypeSubset, byte[]> toUnicode)
    {
        var last = t_last ??= new SealedFont?[2];
        var face = (int)program.Face;
        if (last[face] is { } kept && ReferenceEquals(kept._program, program) && kept._level == level && kept._shown.AsSpan().SequenceEqual(shown))
        {
            return kept;
        }

        var glyphs = new int[shown.Length / 2];
        for (var i = 0; i < glyphs.Length; i++)
        {
            glyphs[i] = shown[2 * i];
        }

        var subset = TrueTypeSubset.Create(program.Tables, glyphs);
        var sealedFont = new SealedFont(program, shown, level, subset, PdfDocumentWriter.Deflate(subset.Program, level), PdfDocumentWriter.Deflate(toUnicode(subset), level));
        last[face] = sealedFont;
        return sealedFont;
    }
}
