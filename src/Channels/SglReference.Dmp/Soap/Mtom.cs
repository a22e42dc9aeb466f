using System.Runtime.InteropServices;
using MimeKit;
using MimeKit.IO;

namespace SglReference.Dmp.Soap;

/// <summary>
/// MTOM/XOP packaging (multipart/related, type application/xop+xml) with MimeKit: the SOAP envelope as the root
/// part, each document as a binary part, byte exact, referenced by xop:Include href="cid:...".
/// </summary>
public static class Mtom
{
    /// <summary>The request: the Content-Type header value and the multipart body.</summary>
    /// <param name="envelope">The SOAP 1.2 envelope (root part).</param>
    /// <param name="parts">The binary parts by Content-ID (without angle brackets).</param>
    /// <param name="boundary">The boundary (deterministic for reproducible requests).</param>
    /// <param name="rootId">The root part's Content-ID.</param>
    public static DmpHttpRequest Build(ReadOnlyMemory<byte> envelope, IReadOnlyList<(string ContentId, ReadOnlyMemory<byte> Content)> parts, string boundary, string rootId)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var related = new Multipart("related") { Boundary = boundary };
        var root = new MimePart("application", "xop+xml")
        {
            ContentId = rootId,
            ContentTransferEncoding = ContentEncoding.Binary,
            Content = new MimeContent(ReadOnly(envelope)),
        };
        root.ContentType.Charset = "UTF-8";
        root.ContentType.Parameters.Add("type", "application/soap+xml");
        related.Add(root);
        foreach (var (id, content) in parts)
        {
            related.Add(new MimePart("application", "octet-stream")
            {
                ContentId = id,
                ContentTransferEncoding = ContentEncoding.Binary,
                Content = new MimeContent(ReadOnly(content)),
            });
        }

        // The body is the parts and a few headers each: sized up front, no growth copies.
        using var body = new MemoryStream(envelope.Length + parts.Sum(p => p.Content.Length) + (512 * (parts.Count + 1)));
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        related.WriteTo(options, body, contentOnly: true);
        var contentType = $"multipart/related; boundary=\"{boundary}\"; type=\"application/xop+xml\"; start=\"<{rootId}>\"; start-info=\"application/soap+xml\"";
        return new DmpHttpRequest(contentType, new ReadOnlyMemory<byte>(body.GetBuffer(), 0, (int)body.Length));
    }

    /// <summary>A read-only stream over the bytes, without copying them when they are an array.</summary>
    private static MemoryStream ReadOnly(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    /// <summary>The parts of an MTOM request, root first (its Content-ID, type and bytes); throws <see cref="FormatException"/>.</summary>
    public static MtomMessage Read(string contentType, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        if (!ContentType.TryParse(contentType, out var type))
        {
            throw new FormatException("the Content-Type cannot be parsed");
        }

        if (type.IsMimeType("application", "soap+xml"))
        {
            return new MtomMessage(null, body, new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal), type.Parameters["action"]);
        }

        if (!type.IsMimeType("multipart", "related"))
        {
            throw new FormatException($"the Content-Type must be multipart/related (MTOM) or application/soap+xml, found {type.MimeType}");
        }

        using var stream = new MemoryStream(body.ToArray(), writable: false);
        var entity = MimeEntity.Load(type, stream);
        if (entity is not Multipart multipart)
        {
            throw new FormatException("the body is not a multipart");
        }

        var start = type.Parameters["start"]?.Trim('<', '>');
        string? rootId = null;
        ReadOnlyMemory<byte> root = default;
        var rootType = string.Empty;
        var parts = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        foreach (var part in multipart.OfType<MimePart>())
        {
            using var content = new MemoryStream();
            part.Content?.DecodeTo(content);
            var id = part.ContentId ?? string.Empty;
            if (rootId is null && (start is null || id == start))
            {
                rootId = id;
                root = content.ToArray();
                rootType = part.ContentType.ToString();
                continue;
            }

            if (!parts.TryAdd(id, content.ToArray()))
            {
                throw new FormatException($"two MIME parts have the Content-ID {id}");
            }
        }

        if (rootId is null)
        {
            throw new FormatException("no root part (start) in the multipart");
        }

        return new MtomMessage(rootId, root, parts, rootType);
    }
}

/// <summary>An MTOM request read back.</summary>
/// <param name="RootId">The root part's Content-ID (null for a plain SOAP request).</param>
/// <param name="Envelope">The SOAP envelope.</param>
/// <param name="Parts">The other parts by Content-ID.</param>
/// <param name="RootType">The root part's Content-Type (or the SOAP action of a plain request).</param>
public sealed record MtomMessage(string? RootId, ReadOnlyMemory<byte> Envelope, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Parts, string? RootType);
