using SglReference.Pdf.Fonts;

namespace SglReference.Pdf.Writing;

/// <summary>
/// What one face embeds for one set of shown characters, made once: the subset of the program, the subset's font file
/// and its ToUnicode CMap already Flate-encoded (at <see cref="PdfA1Writer.DeflateLevel"/>). The last one of each face
/// is kept for the next document on the same thread: the patient and professional versions of a report are drawn one
/// after the other and show the same characters in most reports, so the second reuses what the first made (subsetting
/// and deflating a face is about a tenth of a one-page render). One entry per face and thread, replaced by a document
/// that shows other characters: nothing grows, nothing is shared between threads, and the output stays a pure function
/// of the layout.
/// </summary>
internal sealed class SealedFont
{
    [ThreadStatic]
    private static SealedFont?[]? t_last;

    private readonly FontProgram _program;
    private readonly int[] _glyphs;
    private readonly int[] _characters;

    private SealedFont(FontProgram program, int[] glyphs, int[] characters, Func<TrueTypeSubset, byte[]> toUnicode)
    {
        _program = program;
        _glyphs = glyphs;
        _characters = characters;
        Subset = TrueTypeSubset.Create(program.Tables, glyphs);
        FontFile = PdfDocumentWriter.Deflate(Subset.Program, PdfA1Writer.DeflateLevel);
        ToUnicode = PdfDocumentWriter.Deflate(toUnicode(Subset), PdfA1Writer.DeflateLevel);
    }

    public TrueTypeSubset Subset { get; }

    /// <summary>The subset's TrueType program, as a zlib stream.</summary>
    public byte[] FontFile { get; }

    /// <summary>The ToUnicode CMap, as a zlib stream.</summary>
    public byte[] ToUnicode { get; }

    /// <summary>
    /// The sealed face for the original glyphs <paramref name="glyphs"/> (in glyph order), each standing for the
    /// character of <paramref name="characterByGlyph"/>; made and kept when the last one of this face on this thread
    /// was for other characters.
    /// </summary>
    public static SealedFont For(FontProgram program, IReadOnlyList<int> glyphs, int[] characterByGlyph, Func<TrueTypeSubset, byte[]> toUnicode)
    {
        var last = t_last ??= new SealedFont?[2];
        var face = (int)program.Face;
        if (last[face] is { } kept && ReferenceEquals(kept._program, program) && kept.Shows(glyphs, characterByGlyph))
        {
            return kept;
        }

        var characters = new int[glyphs.Count];
        for (var i = 0; i < characters.Length; i++)
        {
            characters[i] = characterByGlyph[glyphs[i]];
        }

        var sealedFont = new SealedFont(program, [.. glyphs], characters, toUnicode);
        last[face] = sealedFont;
        return sealedFont;
    }

    private bool Shows(IReadOnlyList<int> glyphs, int[] characterByGlyph)
    {
        if (glyphs.Count != _glyphs.Length)
        {
            return false;
        }

        for (var i = 0; i < _glyphs.Length; i++)
        {
            if (glyphs[i] != _glyphs[i] || characterByGlyph[glyphs[i]] != _characters[i])
            {
                return false;
            }
        }

        return true;
    }
}
