using System.Buffers.Text;

namespace SglReference.Channels;

/// <summary>
/// Base64 in lines of <see cref="LineLength"/> characters, each followed by a new line, the last one too: what MIME
/// writes (RFC 2045 §6.8, as MimeKit's encoder does). The MSSanté channel writes its attachments with it; the delivery
/// store recognises them in stored messages with it.
/// </summary>
internal static class Base64Lines
{
    /// <summary>Characters per line.</summary>
    public const int LineLength = 76;

    /// <summary>Bytes per line.</summary>
    public const int BytesPerLine = LineLength / 4 * 3;

    /// <summary>The length of the lines of <paramref name="bytes"/> bytes, with new lines of <paramref name="newLineLength"/> bytes.</summary>
    public static int Length(int bytes, int newLineLength) =>
        Base64.GetMaxEncodedToUtf8Length(bytes) + ((bytes + BytesPerLine - 1) / BytesPerLine * newLineLength);

    /// <summary>Writes the lines of <paramref name="bytes"/> into <paramref name="target"/>; returns the bytes written.</summary>
    public static int Encode(ReadOnlySpan<byte> bytes, Span<byte> target, ReadOnlySpan<byte> newLine)
    {
        var written = 0;
        for (var offset = 0; offset < bytes.Length; offset += BytesPerLine)
        {
            Base64.EncodeToUtf8(bytes.Slice(offset, Math.Min(BytesPerLine, bytes.Length - offset)), target[written..], out _, out var encoded);
            written += encoded;
            newLine.CopyTo(target[written..]);
            written += newLine.Length;
        }

        return written;
    }
}
