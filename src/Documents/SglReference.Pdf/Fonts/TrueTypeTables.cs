using System.Buffers.Binary;
using System.Text;

namespace SglReference.Pdf.Fonts;

/// <summary>The tables of a TrueType font file, read and written (OpenType spec, "Font file" and "head").</summary>
internal static class TrueTypeTables
{
    /// <summary>The tables by tag, in file order.</summary>
    public static Dictionary<string, byte[]> Read(ReadOnlySpan<byte> font)
    {
        if (font.Length < 12)
        {
            throw new PdfFontException("a TrueType font program is shorter than its header");
        }

        var count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        var tables = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = font.Slice(12 + (i * 16), 16);
            var tag = Encoding.ASCII.GetString(record[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            if (offset < 0 || length < 0 || offset + length > font.Length)
            {
                throw new PdfFontException($"TrueType table {tag} runs past the end of the font program");
            }

            tables[tag] = font.Slice(offset, length).ToArray();
        }

        return tables;
    }

    /// <summary>
    /// A font file holding <paramref name="tables"/>: directory sorted by tag with its binary-search fields, each table
    /// 4-byte aligned with its checksum, and head.checkSumAdjustment set so that the whole file sums to 0xB1B0AFBA.
    /// </summary>
    public static byte[] Write(IReadOnlyDictionary<string, byte[]> tables)
    {
        var tags = tables.Keys.Order(StringComparer.Ordinal).ToList();
        var count = tags.Count;
        var directory = 12 + (16 * count);
        var size = directory + tags.Sum(t => Pad(tables[t].Length));
        var font = new byte[size];
        var span = font.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)count);
        var power = 1;
        var log = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            log++;
        }

        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)((count * 16) - (power * 16)));
        var offset = directory;
        var headOffset = -1;
        for (var i = 0; i < count; i++)
        {
            var data = tables[tags[i]];
            var record = span.Slice(12 + (i * 16), 16);
            Encoding.ASCII.GetBytes(tags[i], record);
            data.CopyTo(span[offset..]);
            if (tags[i] == "head")
            {
                headOffset = offset;
                BinaryPrimitives.WriteUInt32BigEndian(span[(offset + 8)..], 0); // checkSumAdjustment is summed as 0
            }

            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(span.Slice(offset, Pad(data.Length))));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            offset += Pad(data.Length);
        }

        if (headOffset >= 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], unchecked(0xB1B0AFBA - Checksum(span)));
        }

        return font;
    }

    public static int Pad(int length) => (length + 3) & ~3;

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        return sum;
    }
}
