namespace SglReference.Hl7v2.Mllp;

/// <summary>
/// Minimal Lower Layer Protocol framing: &lt;VT 0x0B&gt; message &lt;FS 0x1C&gt;&lt;CR 0x0D&gt;. One reader per connection (it keeps the
/// bytes read past the end of a frame for the next one). A frame ends at FS: the CR that should follow is not waited
/// for (peers that omit it are answered at once), and skipped when it comes. Memory per reader is bounded: the frame
/// being read never grows past <c>maxFrameBytes</c>, so a reader holds at most about twice that (frame and copy).
/// </summary>
public sealed class MllpFraming
{
    /// <summary>Start block.</summary>
    public const byte StartBlock = 0x0B;

    /// <summary>End block.</summary>
    public const byte EndBlock = 0x1C;

    /// <summary>Carriage return closing the frame.</summary>
    public const byte CarriageReturn = 0x0D;

    /// <summary>The frame limit when none is given: 64 MiB, the largest message the HL7 parser accepts.</summary>
    public const int DefaultMaxFrameBytes = Codec.Hl7Parser.MaxBytes;

    private readonly Stream _stream;
    private readonly int _maxFrameBytes;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>Creates a reader over a connected stream.</summary>
    public MllpFraming(Stream stream, int maxFrameBytes = DefaultMaxFrameBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrameBytes);
        _stream = stream;
        _maxFrameBytes = maxFrameBytes;
    }

    /// <summary>Writes one framed message and flushes.</summary>
    public static async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var frame = new byte[message.Length + 3];
        frame[0] = StartBlock;
        message.Span.CopyTo(frame.AsSpan(1));
        frame[message.Length + 1] = EndBlock;
        frame[message.Length + 2] = CarriageReturn;
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the next frame's message bytes; null when the peer closed the connection between frames. Bytes before a
    /// start block are skipped; a frame larger than the limit is an <see cref="MllpFrameTooLargeException"/>, a frame
    /// cut by the peer an <see cref="IOException"/>.
    /// </summary>
    public async Task<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        // Find the start block (what precedes it, the CR of the previous frame included, is skipped).
        while (true)
        {
            var index = Array.IndexOf(_buffer, StartBlock, _start, _end - _start);
            if (index >= 0)
            {
                _start = index + 1;
                break;
            }

            _start = _end = 0;
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        var message = new FrameBuffer(_maxFrameBytes);
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var endBlock = span.IndexOf(EndBlock);
            if (endBlock >= 0)
            {
                message.Append(span[..endBlock]);
                _start += endBlock + 1;
                if (_start < _end && _buffer[_start] == CarriageReturn)
                {
                    _start++;
                }

                return message.ToArray();
            }

            message.Append(span);
            _start = _end = 0;
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new IOException("the connection closed in the middle of an MLLP frame");
            }
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read > 0;
    }

    /// <summary>The bytes of one frame, in a buffer that grows by doubling but never past the limit.</summary>
    private sealed class FrameBuffer(int max)
    {
        private byte[] _bytes = new byte[Math.Min(4096, max)];
        private int _length;

        public void Append(ReadOnlySpan<byte> data)
        {
            if (data.Length > max - _length)
            {
                throw new MllpFrameTooLargeException(max);
            }

            if (_length + data.Length > _bytes.Length)
            {
                var size = (int)Math.Min(max, Math.Max((long)_bytes.Length * 2, _length + data.Length));
                Array.Resize(ref _bytes, size);
            }

            data.CopyTo(_bytes.AsSpan(_length));
            _length += data.Length;
        }

        public byte[] ToArray() => _length == _bytes.Length ? _bytes : _bytes.AsSpan(0, _length).ToArray();
    }
}
