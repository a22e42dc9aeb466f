using System.Buffers.Binary;
using System.Text;

namespace SglReference.Pdf.Writing;

/// <summary>
/// The sRGB ICC profile of the PDF/A output intent (ISO 19005-1 §6.2.2), built from the colour space's published
/// parameters (IEC 61966-2-1): an ICC v2.1 display ("mntr") profile, RGB to XYZ, with the D50-adapted primaries of
/// ICC's sRGB profiles, the D65 media white point and the sRGB tone curve as a 1024-entry table. Made once per process.
/// </summary>
internal static class SrgbProfile
{
    /// <summary>The profile's description, also the output intent's /OutputConditionIdentifier.</summary>
    public const string Description = "sRGB IEC61966-2.1";

    private static readonly Lazy<byte[]> s_bytes = new(Build);

    /// <summary>The profile file.</summary>
    public static byte[] Bytes => s_bytes.Value;

    private static byte[] Build()
    {
        var desc = TextDescription(Description);
        var cprt = Text("No copyright, use freely");
        var curve = Curve();
        var tags = new (string Tag, byte[] Data)[]
        {
            ("desc", desc),
            ("cprt", cprt),
            ("wtpt", Xyz(0.9505, 1.0, 1.0891)),
            ("rXYZ", Xyz(0.4361, 0.2225, 0.0139)),
            ("gXYZ", Xyz(0.3851, 0.7169, 0.0971)),
            ("bXYZ", Xyz(0.1431, 0.0606, 0.7141)),
            ("rTRC", curve),
            ("gTRC", curve),
            ("bTRC", curve),
        };

        // Tag data after the header (128 bytes) and the tag table (4 + 12 per tag), each 4-byte aligned; the three TRC
        // tags share one element (ICC.1:2001-04 §6.3: tags may share data).
        var offsets = new int[tags.Length];
        var at = 128 + 4 + (12 * tags.Length);
        for (var i = 0; i < tags.Length; i++)
        {
            if (i > 0 && ReferenceEquals(tags[i].Data, tags[i - 1].Data))
            {
                offsets[i] = offsets[i - 1];
                continue;
            }

            offsets[i] = at;
            at = (at + tags[i].Data.Length + 3) & ~3;
        }

        var profile = new byte[at];
        var span = profile.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)profile.Length);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], 0x02100000); // version 2.1.0
        Ascii(span[12..], "mntr");
        Ascii(span[16..], "RGB ");
        Ascii(span[20..], "XYZ ");
        // Creation date: 2026-01-01 00:00:00 (fixed: the profile is the same in every file).
        BinaryPrimitives.WriteUInt16BigEndian(span[24..], 2026);
        BinaryPrimitives.WriteUInt16BigEndian(span[26..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(span[28..], 1);
        Ascii(span[36..], "acsp");
        BinaryPrimitives.WriteUInt32BigEndian(span[64..], 0); // perceptual
        S15Fixed16(span[68..], 0.9642);
        S15Fixed16(span[72..], 1.0);
        S15Fixed16(span[76..], 0.8249);
        BinaryPrimitives.WriteUInt32BigEndian(span[128..], (uint)tags.Length);
        for (var i = 0; i < tags.Length; i++)
        {
            var entry = span[(132 + (12 * i))..];
            Ascii(entry, tags[i].Tag);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], (uint)offsets[i]);
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)tags[i].Data.Length);
            tags[i].Data.CopyTo(span[offsets[i]..]);
        }

        return profile;
    }

    private static byte[] Xyz(double x, double y, double z)
    {
        var data = new byte[20];
        Ascii(data, "XYZ ");
        S15Fixed16(data.AsSpan(8), x);
        S15Fixed16(data.AsSpan(12), y);
        S15Fixed16(data.AsSpan(16), z);
        return data;
    }

    /// <summary>The sRGB transfer function (IEC 61966-2-1 §5.2) sampled at 1024 points, as a curveType.</summary>
    private static byte[] Curve()
    {
        const int Points = 1024;
        var data = new byte[12 + (2 * Points)];
        Ascii(data, "curv");
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), Points);
        for (var i = 0; i < Points; i++)
        {
            var v = i / (double)(Points - 1);
            var linear = v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(12 + (2 * i)), (ushort)Math.Round(linear * 65535));
        }

        return data;
    }

    /// <summary>textDescriptionType (ICC.1:2001-04 §6.5.17): the ASCII description, no Unicode or ScriptCode one.</summary>
    private static byte[] TextDescription(string text)
    {
        var ascii = Encoding.ASCII.GetBytes(text);
        var data = new byte[12 + ascii.Length + 1 + 4 + 4 + 2 + 1 + 67];
        Ascii(data, "desc");
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), (uint)(ascii.Length + 1));
        ascii.CopyTo(data, 12);
        return data;
    }

    /// <summary>textType (ICC.1:2001-04 §6.5.18): NUL-terminated ASCII.</summary>
    private static byte[] Text(string text)
    {
        var ascii = Encoding.ASCII.GetBytes(text);
        var data = new byte[8 + ascii.Length + 1];
        Ascii(data, "text");
        ascii.CopyTo(data, 8);
        return data;
    }

    private static void Ascii(Span<byte> target, string four) => Encoding.ASCII.GetBytes(four, target);

    private static void S15Fixed16(Span<byte> target, double value) =>
        BinaryPrimitives.WriteInt32BigEndian(target, (int)Math.Round(value * 65536));
}
