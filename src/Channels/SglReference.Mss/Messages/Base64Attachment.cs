using System.Buffers;
using System.Buffers.Text;
using MimeKit;

namespace SglReference.Mss.Messages;

/// <summary>
/// An attachment sent in base64 whose bytes are known up front (the XDM archive, the PDF): written as
/// <see cref="MimePart"/> writes it — the headers, then the base64 in lines of <see cref="LineLength"/> characters, each
/// ending with the format's new line — but encoded in blocks by <see cref="Base64.EncodeToUtf8(ReadOnlySpan{byte}, Span{byte}, out int, out int, bool)"/>
/// and written once. MimeKit passes the same text through its encoder filter and then a new-line filter that looks at
/// every byte again, a quarter of the MSSanté message's cost. Anything else (another transfer encoding set after
/// construction, content replaced by an encoded stream, no content) is left to <see cref="MimePart"/>; a test compares
/// both outputs byte for byte.
/// </summary>
internal sealed class Base64Attachment : MimePart
{
    /// <summary>The characters per line of MimeKit's base64 encoder (RFC 2045 §6.8 caps them at 76).</summary>
    internal const int LineLength = 76;

    private const int BytesPerLine = LineLength / 4 * 3;
    private const int LinesPerBlock = 64;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly MimeContent _content;

    public Base64Attachment(string mediaType, string mediaSubtype, ReadOnlyMemory<byte> bytes)
        : base(mediaType, mediaSubtype)
    {
        _bytes = bytes;
        _content = new MimeContent(Stream(bytes));
        Content = _content;
        ContentTransferEncoding = ContentEncoding.Base64;
    }

    /// <inheritdoc />
    public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        if (!WritesDirectly(options, stream))
        {
            base.WriteTo(options, stream, contentOnly, cancellationToken);
            return;
        }

        if (!contentOnly)
        {
            Headers.WriteTo(options, stream, cancellationToken);
        }

        var block = ArrayPool<byte>.Shared.Rent(LinesPerBlock * (LineLength + 2));
        try
        {
            for (var offset = 0; offset < _bytes.Length;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var written = Encode(_bytes.Span, ref offset, block, NewLine(options));
                stream.Write(block, 0, written);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    /// <inheritdoc />
    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        if (!WritesDirectly(options, stream))
        {
            await base.WriteToAsync(options, stream, contentOnly, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!contentOnly)
        {
            await Headers.WriteToAsync(options, stream, cancellationToken).ConfigureAwait(false);
        }

        var block = ArrayPool<byte>.Shared.Rent(LinesPerBlock * (LineLength + 2));
        try
        {
            for (var offset = 0; offset < _bytes.Length;)
            {
                var written = Encode(_bytes.Span, ref offset, block, NewLine(options));
                await stream.WriteAsync(block.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    /// <summary>
    /// Up to <see cref="LinesPerBlock"/> lines of base64 from <paramref name="offset"/> into <paramref name="block"/>,
    /// each followed by <paramref name="newLine"/>; advances the offset and returns the bytes written.
    /// </summary>
    internal static int Encode(ReadOnlySpan<byte> bytes, ref int offset, Span<byte> block, ReadOnlySpan<byte> newLine)
    {
        var written = 0;
        for (var line = 0; line < LinesPerBlock && offset < bytes.Length; line++)
        {
            var take = Math.Min(BytesPerLine, bytes.Length - offset);
            Base64.EncodeToUtf8(bytes.Slice(offset, take), block[written..], out _, out var encoded);
            written += encoded;
            newLine.CopyTo(block[written..]);
            written += newLine.Length;
            offset += take;
        }

        return written;
    }

    /// <summary>True while the part is as built (base64, its content the one given) and has something to write; MimeKit writes anything else.</summary>
    private bool WritesDirectly(FormatOptions options, Stream stream) =>
        options is not null && stream is not null && options.NewLineFormat is NewLineFormat.Dos or NewLineFormat.Unix
        && ContentTransferEncoding == ContentEncoding.Base64 && !_bytes.IsEmpty && ReferenceEquals(Content, _content);

    private static ReadOnlySpan<byte> NewLine(FormatOptions options) => options.NewLineFormat == NewLineFormat.Dos ? "\r\n"u8 : "\n"u8;

    private static MemoryStream Stream(ReadOnlyMemory<byte> content) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
}
