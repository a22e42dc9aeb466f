using System.Buffers;
using MimeKit;
using SglReference.Channels;

namespace SglReference.Mss.Messages;

/// <summary>
/// An attachment sent in base64 whose bytes are known up front (the XDM archive, the PDF): written as
/// <see cref="MimePart"/> writes it — the headers, then the base64 in lines of 76 characters, each ending with the
/// format's new line (<see cref="Base64Lines"/>) — but encoded in blocks and written once. MimeKit passes the same
/// text through its encoder filter and then a new-line filter that looks at every byte again, a quarter of the
/// MSSanté message's cost. Anything else (another transfer encoding set after construction, content replaced by an
/// encoded stream, no content) is left to <see cref="MimePart"/>; a test compares both outputs byte for byte.
/// </summary>
internal sealed class Base64Attachment : MimePart
{
    private const int BytesPerBlock = Base64Lines.BytesPerLine * 64;
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

        var block = ArrayPool<byte>.Shared.Rent(Base64Lines.Length(BytesPerBlock, 2));
        try
        {
            for (var offset = 0; offset < _bytes.Length; offset += BytesPerBlock)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var written = Base64Lines.Encode(_bytes.Span.Slice(offset, Math.Min(BytesPerBlock, _bytes.Length - offset)), block, NewLine(options));
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

        var block = ArrayPool<byte>.Shared.Rent(Base64Lines.Length(BytesPerBlock, 2));
        try
        {
            for (var offset = 0; offset < _bytes.Length; offset += BytesPerBlock)
            {
                var written = Base64Lines.Encode(_bytes.Span.Slice(offset, Math.Min(BytesPerBlock, _bytes.Length - offset)), block, NewLine(options));
                await stream.WriteAsync(block.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
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
