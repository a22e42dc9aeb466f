using System.Text;

namespace SglReference.Dmp.Soap;

/// <summary>
/// One HTTP request to the DMP as the artifact <c>dmp-iti41</c> / <c>dmp-iti57</c> stores it: the exact
/// <c>Content-Type</c> header line, a blank line, then the exact body (CRLF line ends), so that anyone can check
/// it offline and send exactly those bytes.
/// </summary>
/// <param name="ContentType">The Content-Type header value (one line).</param>
/// <param name="Body">The body.</param>
public sealed record DmpHttpRequest(string ContentType, ReadOnlyMemory<byte> Body)
{
    private const string Prefix = "Content-Type: ";

    /// <summary>The artifact bytes.</summary>
    public byte[] ToArtifact()
    {
        var head = Encoding.ASCII.GetBytes(Prefix + ContentType + "\r\n\r\n");
        var bytes = new byte[head.Length + Body.Length];
        head.CopyTo(bytes, 0);
        Body.Span.CopyTo(bytes.AsSpan(head.Length));
        return bytes;
    }

    /// <summary>Reads an artifact; throws <see cref="FormatException"/> when it is not one.</summary>
    public static DmpHttpRequest Parse(ReadOnlySpan<byte> artifact)
    {
        var end = artifact.IndexOf("\r\n\r\n"u8);
        if (end < 0 || !artifact.StartsWith(Encoding.ASCII.GetBytes(Prefix)))
        {
            throw new FormatException("not a DMP request file: it must start with a Content-Type line followed by a blank line");
        }

        var header = Encoding.ASCII.GetString(artifact[Prefix.Length..end]);
        if (header.Contains('\n', StringComparison.Ordinal) || header.Contains('\r', StringComparison.Ordinal) || header.Any(c => c > 126))
        {
            throw new FormatException("not a DMP request file: the Content-Type header must be one ASCII line");
        }

        return new DmpHttpRequest(header, artifact[(end + 4)..].ToArray());
    }
}
