using System.Buffers;

namespace SglReference.Hl7v2.Mllp;

/// <summary>
/// Minimal Lower Layer Protocol framing: &lt;VT 0x0B&gt; message &lt;FS 0x1C&gt;&lt;CR 0x0D&gt;. One reader per connection (it keeps the
/// bytes read past the end of a frame for the next one).
/// </summary>
public sealed class MllpFraming
{
    /// <summary>Start block.</summary>
    public const byte StartBlock = 0x0B;

    /// <summary>End block.</summary>
    public const byte EndBlock = 0x1C;

    /// <summary>Carriage return closing the frame.</summary>
    public const byte CarriageReturn = 0x0D;

    private readonly Stream _stream;
    private readonly int _maxFrameBytes;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>Creates a reader over a connected stream.</summary>
    public MllpFraming(Stream stream, int maxFrameBytes = 64 * 1024 * 1024)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _maxFrameBytes = maxFrameBytes;
    }

    /// <summary>Writes one framed message and flushes.</summary>
    public static async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var frame = ArrayPool<byte>.Shared.Rent(message.Length + 3);
        try
        {
            frame[0] = StartBlock;
            message.Span.CopyTo(frame.AsSpan(1));
            frame[message.Length + 1] = EndBlock;
            frame[message.Length + 2] = CarriageReturn;
            await stream.WriteAsync(frame.AsMemory(0, message.Length + 3), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    /// <summary>
    /// Reads the next frame's message bytes; null when the peer closed the connection between frames. Bytes before a
    /// start block are skipped; a frame larger than the limit or cut by the peer is an <see cref="IOException"/>.
    /// </summary>
    public async Task<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        // Find the start block.
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

        var message = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var endBlock = span.IndexOf(EndBlock);
            if (endBlock >= 0)
            {
                message.Write(span[..endBlock]);
                _start += endBlock + 1;
                // The CR after FS may arrive in the next read.
                if (_start == _end)
                {
                    _start = _end = 0;
                    if (!await FillAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return message.WrittenSpan.ToArray();
                    }
                }

                if (_buffer[_start] == CarriageReturn)
                {
                    _start++;
                }

                return message.WrittenSpan.ToArray();
            }

            message.Write(span);
            if (message.WrittenCount > _maxFrameBytes)
            {
                throw new IOException($"MLLP frame larger than {_maxFrameBytes} bytes");
            }

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
}
