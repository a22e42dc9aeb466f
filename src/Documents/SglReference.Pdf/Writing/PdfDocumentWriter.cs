using System.IO.Compression;
using System.Security.Cryptography;

namespace SglReference.Pdf.Writing;

/// <summary>
/// The file level of a PDF (ISO 32000-1 §7.5): header, numbered indirect objects in any order, Flate-encoded streams
/// (complete zlib streams), one cross-reference table and the trailer with its /ID.
/// </summary>
internal sealed class PdfDocumentWriter : IDisposable
{
    private readonly PdfOutput _file;
    private readonly List<int> _offsets = [0];
    /// <summary>Streams shorter than this are written unfiltered: a zlib stream of a few bytes costs a deflater's setup
    /// (tens of kilobytes of state) to save nothing. ISO 19005-1 allows unfiltered streams.</summary>
    internal const int SmallestCompressed = 64;

    private readonly int _level;
    private MemoryStream? _scratch;

    /// <param name="capacity">The initial size of the file buffer.</param>
    /// <param name="level">The zlib level of Flate-encoded streams (1 fastest … 9 smallest).</param>
    public PdfDocumentWriter(int capacity, int level)
    {
        _file = new PdfOutput(capacity);
        _level = level;
        // PDF 1.4 header and a comment of four bytes above 127 (ISO 19005-1 §6.1.2).
        _file.Ascii("%PDF-1.4\n%").Raw([0xE2, 0xE3, 0xCF, 0xD3]).Byte((byte)'\n');
    }

    public PdfOutput BeginObject(int number)
    {
        while (_offsets.Count <= number)
        {
            _offsets.Add(-1);
        }

        _offsets[number] = _file.Length;
        return _file.Integer(number).Ascii(" 0 obj\n");
    }

    public void EndObject() => _file.Ascii("\nendobj\n");

    /// <summary>A stream object, Flate-encoded; <paramref name="entries"/> are further dictionary entries.</summary>
    public void WriteStream(int number, ReadOnlySpan<byte> data, string? entries) => WriteStream(number, data, entries, compress: true);

    /// <summary>A stream object, Flate-encoded when <paramref name="compress"/> (not the XMP metadata: ISO 19005-1 §6.7.2)
    /// and the data is at least <see cref="SmallestCompressed"/> bytes long.</summary>
    public void WriteStream(int number, ReadOnlySpan<byte> data, string? entries, bool compress)
    {
        if (!compress || data.Length < SmallestCompressed)
        {
            WriteEncodedStream(number, data, entries);
            return;
        }

        _scratch ??= new MemoryStream(64 * 1024);
        _scratch.SetLength(0);
        Deflate(_scratch, data, _level);
        WriteEncodedStream(number, _scratch.GetBuffer().AsSpan(0, (int)_scratch.Length), "/Filter/FlateDecode" + entries);
    }

    /// <summary>The complete zlib stream (RFC 1950, Adler-32 included) of <paramref name="data"/> at zlib level <paramref name="level"/>.</summary>
    public static byte[] Deflate(ReadOnlySpan<byte> data, int level)
    {
        using var buffer = new MemoryStream((data.Length / 2) + 64);
        Deflate(buffer, data, level);
        return buffer.ToArray();
    }

    private static void Deflate(MemoryStream output, ReadOnlySpan<byte> data, int level)
    {
        using var zlib = new ZLibStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true);
        zlib.Write(data);
    }

    /// <summary>A stream object whose data is already encoded as <paramref name="entries"/> declare.</summary>
    public void WriteEncodedStream(int number, ReadOnlySpan<byte> body, string? entries)
    {
        var output = BeginObject(number).Ascii("<</Length ").Integer(body.Length);
        if (entries is not null)
        {
            output.Ascii(entries);
        }

        output.Ascii(">>\nstream\n").Raw(body).Ascii("\nendstream");
        EndObject();
    }

    /// <summary>The cross-reference table and trailer; returns the file.</summary>
    public byte[] Finish(int root, int info, string seed)
    {
        var xref = _file.Length;
        _file.Ascii("xref\n0 ").Integer(_offsets.Count).Ascii("\n0000000000 65535 f\r\n");
        Span<byte> entry = stackalloc byte[20];
        for (var i = 1; i < _offsets.Count; i++)
        {
            if (_offsets[i] < 0)
            {
                throw new InvalidOperationException($"PDF object {i} was numbered but not written");
            }

            var offset = _offsets[i];
            for (var d = 9; d >= 0; d--)
            {
                entry[d] = (byte)('0' + (offset % 10));
                offset /= 10;
            }

            entry[10] = (byte)' ';
            "00000 n\r\n"u8.CopyTo(entry[11..]);
            _file.Raw(entry);
        }

        Span<byte> id = stackalloc byte[32];
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed + "|id"), id);
        _file.Ascii("trailer\n<</Size ").Integer(_offsets.Count).Ascii("/Root ").Reference(root).Ascii("/Info ").Reference(info).Ascii("/ID[<");
        WriteHex(id[..16]);
        _file.Ascii("><");
        WriteHex(id[..16]);
        _file.Ascii(">]>>\nstartxref\n").Integer(xref).Ascii("\n%%EOF\n");
        return _file.Written.ToArray();
    }

    private void WriteHex(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            _file.Byte((byte)"0123456789ABCDEF"[b >> 4]).Byte((byte)"0123456789ABCDEF"[b & 0xF]);
        }
    }

    public void Dispose()
    {
        _file.Dispose();
        _scratch?.Dispose();
    }
}
