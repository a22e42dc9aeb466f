using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SglReference.Domain.Documents;
using SglReference.Pdf.Layout;

namespace SglReference.Pdf;

/// <summary>
/// Makes a renderer's output a pure function of the layout. PDF libraries draw random values for every document: font
/// subset tags ("XILTUI+DejaVu"), XMP UUIDs (xmpMM:DocumentID/InstanceID) and the trailer /ID. Each is replaced, in
/// place and with the same length (so the cross-reference offsets stay valid), by a value derived from the layout's
/// metadata. The adapters apply it to what the library wrote, where these parts are plain bytes, before
/// <see cref="Archival.PdfA1Finisher"/> compresses the streams.
/// </summary>
public static class ReproducibleOutput
{
    /// <summary>The seed of a layout: its metadata (title, subject and keywords name the document and its version).</summary>
    public static string Seed(ReportLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var m = layout.Metadata;
        return string.Join('|', m.Title, m.Subject, m.Keywords, m.CreationDate.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Rewrites the random values of <paramref name="pdf"/> in place.</summary>
    public static void Apply(byte[] pdf, string seed)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var span = pdf.AsSpan();
        // Subset tags: "/" + six uppercase letters + "+" (PDF 32000-1 §9.6.4).
        for (var i = 0; i + 8 <= span.Length; i++)
        {
            if (span[i] != (byte)'/' || span[i + 7] != (byte)'+' || !IsTag(span.Slice(i + 1, 6)))
            {
                continue;
            }

            var original = Encoding.ASCII.GetString(span.Slice(i + 1, 6));
            if (!tags.TryGetValue(original, out var replacement))
            {
                replacement = Tag(seed, tags.Count);
                tags[original] = replacement;
            }

            Encoding.ASCII.GetBytes(replacement).CopyTo(span.Slice(i + 1, 6));
        }

        // XMP UUIDs: "uuid:" + 36 characters.
        var marker = "uuid:"u8;
        var count = 0;
        for (var at = span.IndexOf(marker); at >= 0 && at + 5 + 36 <= span.Length;)
        {
            Encoding.ASCII.GetBytes(Uuid(seed, count++)).CopyTo(span.Slice(at + 5, 36));
            var next = span[(at + 5)..].IndexOf(marker);
            at = next < 0 ? -1 : at + 5 + next;
        }

        // The trailer /ID: two hex strings <...><...> after the last "/ID".
        var id = span.LastIndexOf("/ID"u8);
        if (id >= 0)
        {
            var strings = 0;
            for (var i = id + 3; i < span.Length && strings < 2; i++)
            {
                if (span[i] != (byte)'<')
                {
                    continue;
                }

                var close = span[i..].IndexOf((byte)'>');
                if (close <= 1)
                {
                    break;
                }

                var hex = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}|id")));
                for (var k = 0; k < close - 1; k++)
                {
                    span[i + 1 + k] = (byte)hex[k % hex.Length];
                }

                strings++;
                i += close;
            }
        }
    }

    private static bool IsTag(ReadOnlySpan<byte> six)
    {
        foreach (var b in six)
        {
            if (b is < (byte)'A' or > (byte)'Z')
            {
                return false;
            }
        }

        return true;
    }

    private static string Tag(string seed, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}|font|{index}"));
        var chars = new char[6];
        for (var i = 0; i < 6; i++)
        {
            chars[i] = (char)('A' + (hash[i] % 26));
        }

        return new string(chars);
    }

    private static string Uuid(string seed, int index) =>
        DerivedIds.Uuid(string.Create(CultureInfo.InvariantCulture, $"{seed}|xmp|{index}")).ToString("D");
}
