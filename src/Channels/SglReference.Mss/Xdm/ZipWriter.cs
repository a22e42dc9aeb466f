using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using SglReference.Mss.Messages;

namespace SglReference.Mss.Xdm;

/// <summary>
/// A minimal ZIP writer (PKWARE APPNOTE 6.3: local headers, deflate or stored entries, central directory, end of
/// central directory; no ZIP64, no data descriptors, ASCII names). It exists because <see cref="ZipArchive"/> only
/// takes a <see cref="CompressionLevel"/>: the N3 and N1 of every report are deflated here at zlib level
/// <see cref="DeflateLevel"/>, which costs about 60 % of <see cref="CompressionLevel.Optimal"/>'s time for an
/// archive about 7 % larger (perf/results/throughput.md). Inside a deflated entry, runs of base64 text of at least
/// <see cref="StoredRunMinimum"/> bytes (the PDF a CDA embeds, itself made of Flate streams) go in stored deflate blocks
/// (RFC 1951 §3.2.4) between the deflated parts of the same stream: deflating them took three quarters of the time for
/// half of their size.
/// </summary>
internal sealed class ZipWriter : IDisposable
{
    /// <summary>The zlib level of deflated entries (1 fastest … 9 smallest; <see cref="CompressionLevel.Optimal"/> is 6).</summary>
    internal const int DeflateLevel = 2;

    /// <summary>The shortest run of base64 characters written as stored blocks instead of deflated.</summary>
    internal const int StoredRunMinimum = 4096;

    private const int StoredBlockMaximum = ushort.MaxValue;
    private const uint LocalHeaderSignature = 0x04034b50;
    private const uint CentralHeaderSignature = 0x02014b50;
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const ushort VersionNeeded = 20; // 2.0: deflate
    private const ushort MethodStored = 0;
    private const ushort MethodDeflated = 8;
    private const int LocalHeaderLength = 30;
    private const int CentralHeaderLength = 46;
    private const int MaxEntries = ushort.MaxValue;

    private static readonly SearchValues<byte> s_base64 = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="u8);

    private readonly PooledBufferStream _stream;
    private readonly ushort _dosTime;
    private readonly ushort _dosDate;
    private readonly List<Entry> _entries = [];

    /// <summary>A writer whose entries all carry <paramref name="time"/>'s clock time (ZIP stores local times without offset).</summary>
    public ZipWriter(int capacity, DateTime time)
    {
        if (time.Year is < 1980 or > 2107)
        {
            throw new ArgumentOutOfRangeException(nameof(time), "a ZIP time lies between 1980 and 2107");
        }

        _stream = new PooledBufferStream(capacity);
        _dosTime = (ushort)((time.Hour << 11) | (time.Minute << 5) | (time.Second / 2));
        _dosDate = (ushort)(((time.Year - 1980) << 9) | (time.Month << 5) | time.Day);
    }

    /// <summary>Adds a deflated entry, or a stored one when deflate does not make it smaller.</summary>
    public void Add(string name, ReadOnlySpan<byte> content)
    {
        if (_entries.Count == MaxEntries)
        {
            throw new InvalidOperationException("a ZIP without ZIP64 holds at most 65535 entries");
        }

        if (name.Length is 0 or > ushort.MaxValue || !Ascii.IsValid(name))
        {
            throw new ArgumentException("a ZIP entry name is 1 to 65535 ASCII characters", nameof(name));
        }

        var offset = checked((uint)_stream.Position);
        var crc = Crc32.HashToUInt32(content);
        var header = new byte[LocalHeaderLength + name.Length];
        _stream.Write(header);
        var dataStart = _stream.Position;
        WriteDeflated(content);

        var method = MethodDeflated;
        var compressed = _stream.Position - dataStart;
        if (compressed >= content.Length)
        {
            _stream.Position = dataStart;
            _stream.Write(content);
            _stream.SetLength(_stream.Position);
            method = MethodStored;
            compressed = content.Length;
        }

        var entry = new Entry(name, method, crc, checked((uint)compressed), checked((uint)content.Length), offset);
        WriteLocalHeader(header, entry);
        var end = _stream.Position;
        _stream.Position = offset;
        _stream.Write(header);
        _stream.Position = end;
        _entries.Add(entry);
    }

    /// <summary>
    /// One raw deflate stream of <paramref name="content"/>: the parts between long base64 runs deflated, each ended by a
    /// sync flush (byte-aligned, not final), the runs as stored blocks; the last block alone carries BFINAL.
    /// </summary>
    private void WriteDeflated(ReadOnlySpan<byte> content)
    {
        var position = 0;
        while (true)
        {
            var (runStart, runLength) = NextBase64Run(content, position);
            if (runLength == 0)
            {
                Deflate(content[position..], final: true);
                return;
            }

            if (runStart > position)
            {
                Deflate(content[position..runStart], final: false);
            }

            position = runStart + runLength;
            WriteStoredBlocks(content.Slice(runStart, runLength), final: position == content.Length);
            if (position == content.Length)
            {
                return;
            }
        }
    }

    /// <summary>The next run of at least <see cref="StoredRunMinimum"/> base64 characters from <paramref name="from"/>; length 0 when none.</summary>
    internal static (int Start, int Length) NextBase64Run(ReadOnlySpan<byte> content, int from)
    {
        // A window of StoredRunMinimum bytes holds a run only when it is all base64: otherwise no run starts before
        // the last byte that is not, and the next window begins after it (most windows are skipped in one scan).
        var position = from;
        while (position + StoredRunMinimum <= content.Length)
        {
            var last = content.Slice(position, StoredRunMinimum).LastIndexOfAnyExcept(s_base64);
            if (last < 0)
            {
                var length = content[position..].IndexOfAnyExcept(s_base64);
                return (position, length < 0 ? content.Length - position : length);
            }

            position += last + 1;
        }

        return (content.Length, 0);
    }

    private void Deflate(ReadOnlySpan<byte> part, bool final)
    {
        var deflate = new DeflateStream(_stream, new ZLibCompressionOptions { CompressionLevel = DeflateLevel }, leaveOpen: true);
        deflate.Write(part);
        if (final)
        {
            deflate.Dispose();
            return;
        }

        // A sync flush ends the part on a byte boundary with an empty stored block; the final block that disposing
        // the deflater adds after it is cut off, so that the stream goes on.
        deflate.Flush();
        var flushed = _stream.Position;
        deflate.Dispose();
        _stream.SetLength(flushed);
        _stream.Position = flushed;
    }

    private void WriteStoredBlocks(ReadOnlySpan<byte> run, bool final)
    {
        Span<byte> header = stackalloc byte[5];
        do
        {
            var length = Math.Min(run.Length, StoredBlockMaximum);
            var last = final && length == run.Length;
            header[0] = last ? (byte)1 : (byte)0; // BFINAL, BTYPE 00 (stored); the stream is byte-aligned here
            BinaryPrimitives.WriteUInt16LittleEndian(header[1..], (ushort)length);
            BinaryPrimitives.WriteUInt16LittleEndian(header[3..], (ushort)~length);
            _stream.Write(header);
            _stream.Write(run[..length]);
            run = run[length..];
        }
        while (!run.IsEmpty);
    }

    /// <summary>Writes the central directory and returns the archive's bytes.</summary>
    public byte[] Finish()
    {
        var directoryStart = checked((uint)_stream.Position);
        foreach (var entry in _entries)
        {
            var header = new byte[CentralHeaderLength + entry.Name.Length];
            var s = header.AsSpan();
            BinaryPrimitives.WriteUInt32LittleEndian(s, CentralHeaderSignature);
            BinaryPrimitives.WriteUInt16LittleEndian(s[4..], VersionNeeded); // made by: MS-DOS attributes, 2.0
            WriteCommonFields(s[6..], entry);
            // comment length, disk number start, internal and external attributes: 0
            BinaryPrimitives.WriteUInt32LittleEndian(s[42..], entry.Offset);
            Encoding.ASCII.GetBytes(entry.Name, s[46..]);
            _stream.Write(header);
        }

        var directoryLength = checked((uint)_stream.Position - directoryStart);
        Span<byte> end = stackalloc byte[22];
        end.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(end, EndOfCentralDirectorySignature);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], directoryLength);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], directoryStart);
        _stream.Write(end);
        return _stream.ToArray();
    }

    public void Dispose() => _stream.Dispose();

    private void WriteLocalHeader(Span<byte> header, Entry entry)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header, LocalHeaderSignature);
        WriteCommonFields(header[4..], entry);
        Encoding.ASCII.GetBytes(entry.Name, header[30..]);
    }

    /// <summary>The fields the local and central headers share, from "version needed" to "extra field length".</summary>
    private void WriteCommonFields(Span<byte> s, Entry entry)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(s, VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(s[2..], 0); // flags: no encryption, no data descriptor, ASCII name
        BinaryPrimitives.WriteUInt16LittleEndian(s[4..], entry.Method);
        BinaryPrimitives.WriteUInt16LittleEndian(s[6..], _dosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(s[8..], _dosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(s[10..], entry.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(s[14..], entry.CompressedLength);
        BinaryPrimitives.WriteUInt32LittleEndian(s[18..], entry.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(s[22..], (ushort)entry.Name.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(s[24..], 0); // extra field length
    }

    private sealed record Entry(string Name, ushort Method, uint Crc, uint CompressedLength, uint Length, uint Offset);
}
