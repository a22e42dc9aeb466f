using System.Text;

namespace SglReference.Hl7v2.Codec;

/// <summary>
/// MSH-18 character sets: UNICODE UTF-8 (default) and ISO 8859-15 ("8859/15"), plus 8859/1 and ASCII on input. A
/// character the charset cannot represent is never replaced (no silent "?"): encoding it is an
/// <see cref="EncoderFallbackException"/>, and <see cref="FirstUnencodable"/> finds it beforehand.
/// </summary>
public static class Hl7Charset
{
    /// <summary>MSH-18 for UTF-8.</summary>
    public const string Utf8 = "UNICODE UTF-8";

    /// <summary>MSH-18 for ISO 8859-15 (Latin-9).</summary>
    public const string Latin9 = "8859/15";

    private static readonly Encoding s_utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static readonly Lazy<Encoding> s_latin9 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("iso-8859-15", EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
    });

    private static readonly Encoding s_latin1 = Encoding.GetEncoding("iso-8859-1", EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);

    private static readonly Encoding s_ascii = Encoding.GetEncoding("us-ascii", EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);

    /// <summary>The .NET encoding of an MSH-18 value; UTF-8 when empty or unknown.</summary>
    public static Encoding For(string? msh18) => msh18?.Trim() switch
    {
        Latin9 => s_latin9.Value,
        "8859/1" => s_latin1,
        "ASCII" => s_ascii,
        _ => s_utf8,
    };

    /// <summary>True when the charset of <paramref name="msh18"/> is a Unicode encoding (it can carry any text).</summary>
    public static bool IsUnicode(string? msh18) => For(msh18) is UTF8Encoding;

    /// <summary>The index of the first character of <paramref name="text"/> the charset cannot represent, or -1.</summary>
    public static int FirstUnencodable(string text, string? msh18)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoding = For(msh18);
        if (encoding is UTF8Encoding)
        {
            return -1;
        }

        try
        {
            encoding.GetByteCount(text);
            return -1;
        }
        catch (EncoderFallbackException)
        {
            // Find it (rare: only for text that fails).
            for (var i = 0; i < text.Length; i++)
            {
                var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                try
                {
                    encoding.GetByteCount(text.AsSpan(i, length));
                }
                catch (EncoderFallbackException)
                {
                    return i;
                }

                i += length - 1;
            }

            return -1;
        }
    }
}
