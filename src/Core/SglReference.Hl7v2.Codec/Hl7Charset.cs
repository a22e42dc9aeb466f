using System.Text;

namespace SglReference.Hl7v2.Codec;

/// <summary>MSH-18 character sets: UNICODE UTF-8 (default) and ISO 8859-15 ("8859/15"), plus 8859/1 and ASCII on input.</summary>
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
        return Encoding.GetEncoding("iso-8859-15", new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback);
    });

    /// <summary>The .NET encoding of an MSH-18 value; UTF-8 when empty or unknown.</summary>
    public static Encoding For(string? msh18) => msh18?.Trim() switch
    {
        Latin9 => s_latin9.Value,
        "8859/1" => Encoding.Latin1,
        "ASCII" => Encoding.ASCII,
        _ => s_utf8,
    };
}
