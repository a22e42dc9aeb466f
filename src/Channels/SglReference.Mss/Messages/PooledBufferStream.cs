using System.Buffers;

namespace SglReference.Mss.Messages;

/// <summary>
/// A seekable, writable in-memory stream over an <see cref="ArrayPool{T}"/> buffer, sized up front: an archive or a
/// message is written without the growth copies (and large-object-heap arrays) of a growing <see cref="MemoryStream"/>,
/// then copied once into its final array.
/// </summary>
internal sealed class PooledBufferStream : Stream
{
    /// <summary>
    /// This type's own pool: the shared pool trims itself after every gen2 collection, on the finalizer thread, and
    /// under the burst's large-buffer churn that trimming cost more CPU than the buffers saved.
    /// </summary>
    private static readonly ArrayPool<byte> s_pool = ArrayPool<byte>.Create(maxArrayLength: 16 * 1024 * 1024, maxArraysPerBucket: 16);

    private byte[] _buffer;
    private int _length;
    private int _position;

    public PooledBufferStream(int capacity) => _buffer = s_pool.Rent(Math.Max(capacity, 256));

    public override bool CanRead => false;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = checked((int)value);
    }

    /// <summary>The bytes written, as a new array.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var end = _position + buffer.Length;
        if (end > _buffer.Length)
        {
            var larger = s_pool.Rent(Math.Max(end, _buffer.Length * 2));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            s_pool.Return(_buffer);
            _buffer = larger;
        }

        if (_position > _length)
        {
            _buffer.AsSpan(_length, _position - _length).Clear();
        }

        buffer.CopyTo(_buffer.AsSpan(_position));
        _position = end;
        _length = Math.Max(_length, end);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        if (_position < 0)
        {
            _position = 0;
            throw new IOException("seek before the beginning of the stream");
        }

        return _position;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Truncates the stream (a length beyond the written bytes is refused).</summary>
    public override void SetLength(long value)
    {
        if (value < 0 || value > _length)
        {
            throw new NotSupportedException("a pooled buffer stream only shrinks");
        }

        _length = (int)value;
        _position = Math.Min(_position, _length);
    }

    protected override void Dispose(bool disposing)
    {
        if (_buffer.Length > 0)
        {
            s_pool.Return(_buffer);
            _buffer = [];
            _length = 0;
            _position = 0;
        }

        base.Dispose(disposing);
    }
}
