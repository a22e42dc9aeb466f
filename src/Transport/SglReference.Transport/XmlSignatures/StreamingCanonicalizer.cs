using System.Buffers;
using System.Text;
using System.Xml;

namespace SglReference.Transport.XmlSignatures;

/// <summary>
/// Canonical XML 1.0 with comments (http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments) of a whole
/// document, streamed from an <see cref="XmlReader"/> into a sink in UTF-8 without building a DOM: no XML
/// declaration or DTD, nothing but comments and PIs outside the document element (each on its own line), empty
/// elements as start-end pairs, namespace declarations rendered where their value changes (sorted by prefix, the
/// default one first), attributes sorted by namespace URI then local name, the C14N escapes in text and attribute
/// values. Same output as <c>XmlDsigC14NWithCommentsTransform</c> over the whole document, at a fraction of its cost
/// (the CDA of a report carries its PDF as one large text node). A document in the plain subset of
/// <see cref="Utf8Canonicalizer"/> (what an XmlWriter writes) is canonicalized from its bytes instead, without a reader.
/// </summary>
internal sealed class StreamingCanonicalizer
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";
    private const int BufferSize = 16 * 1024;

    private readonly Action<ReadOnlySpan<byte>> _sink;
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private readonly List<Dictionary<string, string>> _scopes = [];
    private readonly List<(string Prefix, string Uri)> _namespaces = [];
    private readonly List<(string Uri, string LocalName, string Name, string Value)> _attributes = [];
    private const int CharChunk = 8 * 1024;
    private char[]? _chars;
    private int _used;

    private StreamingCanonicalizer(Action<ReadOnlySpan<byte>> sink) => _sink = sink;

    /// <summary>Writes the canonical form of <paramref name="xml"/> to <paramref name="sink"/> (in chunks); throws <see cref="XmlException"/> when it is not XML or has a DTD.</summary>
    public static void Canonicalize(ReadOnlyMemory<byte> xml, Action<ReadOnlySpan<byte>> sink)
    {
        if (Utf8Canonicalizer.TryCanonicalize(xml.Span, sink))
        {
            return;
        }

        var canonicalizer = new StreamingCanonicalizer(sink);
        try
        {
            using var stream = new ReadOnlyMemoryStream(xml);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = false, IgnoreComments = false, IgnoreProcessingInstructions = false });
            canonicalizer.Run(reader);
            canonicalizer.Flush();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(canonicalizer._buffer);
        }
    }

    private void Run(XmlReader reader)
    {
        var depth = 0;
        var afterRoot = false;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var empty = reader.IsEmptyElement;
                    StartElement(reader);
                    if (empty)
                    {
                        EndElement(reader.Name);
                        afterRoot |= depth == 0;
                    }
                    else
                    {
                        depth++;
                    }

                    break;
                case XmlNodeType.EndElement:
                    EndElement(reader.Name);
                    depth--;
                    afterRoot |= depth == 0;
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    Text(reader);
                    break;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (depth > 0)
                    {
                        Text(reader);
                    }

                    break;
                case XmlNodeType.Comment:
                    Outside(depth, afterRoot, () => { Ascii("<!--"); Utf8(reader.Value); Ascii("-->"); });
                    break;
                case XmlNodeType.ProcessingInstruction:
                    Outside(depth, afterRoot, () =>
                    {
                        Ascii("<?");
                        Utf8(reader.Name);
                        if (reader.Value.Length > 0)
                        {
                            Ascii(" ");
                            Utf8(reader.Value);
                        }

                        Ascii("?>");
                    });
                    break;
                default:
                    // XML declaration, whitespace outside the document element: not in the canonical form.
                    break;
            }
        }
    }

    /// <summary>A comment or PI: outside the document element, it takes a line feed after (before it) or before (after it).</summary>
    private void Outside(int depth, bool afterRoot, Action write)
    {
        if (depth == 0 && afterRoot)
        {
            Ascii("\n");
        }

        write();
        if (depth == 0 && !afterRoot)
        {
            Ascii("\n");
        }
    }

    private void StartElement(XmlReader reader)
    {
        var parent = _scopes.Count > 0 ? _scopes[^1] : null;
        Dictionary<string, string>? scope = null;
        _namespaces.Clear();
        _attributes.Clear();
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI == XmlnsNamespace)
                {
                    var prefix = reader.Prefix.Length == 0 ? string.Empty : reader.LocalName;
                    var uri = reader.Value;
                    var inherited = parent is not null && parent.TryGetValue(prefix, out var p) ? p : string.Empty;
                    if (prefix == "xml" || string.Equals(inherited, uri, StringComparison.Ordinal) && (prefix.Length == 0 || parent!.ContainsKey(prefix)))
                    {
                        continue;
                    }

                    scope ??= parent is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(parent, StringComparer.Ordinal);
                    scope[prefix] = uri;
                    _namespaces.Add((prefix, uri));
                }
                else
                {
                    _attributes.Add((reader.NamespaceURI, reader.LocalName, reader.Name, reader.Value));
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        _scopes.Add(scope ?? parent ?? new Dictionary<string, string>(StringComparer.Ordinal));
        _namespaces.Sort(static (a, b) => string.CompareOrdinal(a.Prefix, b.Prefix));
        _attributes.Sort(static (a, b) => string.CompareOrdinal(a.Uri, b.Uri) is var c and not 0 ? c : string.CompareOrdinal(a.LocalName, b.LocalName));
        Ascii("<");
        Utf8(reader.Name);
        foreach (var (prefix, uri) in _namespaces)
        {
            Ascii(prefix.Length == 0 ? " xmlns" : " xmlns:");
            Utf8(prefix);
            Ascii("=\"");
            Escaped(uri, attribute: true);
            Ascii("\"");
        }

        foreach (var attribute in _attributes)
        {
            Ascii(" ");
            Utf8(attribute.Name);
            Ascii("=\"");
            Escaped(attribute.Value, attribute: true);
            Ascii("\"");
        }

        Ascii(">");
    }

    private void EndElement(string name)
    {
        _scopes.RemoveAt(_scopes.Count - 1);
        Ascii("</");
        Utf8(name);
        Ascii(">");
    }

    /// <summary>The text of the current node, in chunks when the reader allows it (the PDF of a CDA is one large text node: no string of it).</summary>
    private void Text(XmlReader reader)
    {
        if (!reader.CanReadValueChunk)
        {
            Escaped(reader.Value, attribute: false);
            return;
        }

        _chars ??= new char[CharChunk];
        var carry = 0;
        while (true)
        {
            var read = reader.ReadValueChunk(_chars, carry, _chars.Length - carry);
            var total = carry + read;
            if (read == 0)
            {
                Escaped(_chars.AsSpan(0, total), attribute: false);
                return;
            }

            // A high surrogate at the end waits for its low half.
            carry = char.IsHighSurrogate(_chars[total - 1]) ? 1 : 0;
            Escaped(_chars.AsSpan(0, total - carry), attribute: false);
            if (carry == 1)
            {
                _chars[0] = _chars[total - 1];
            }
        }
    }

    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&<>\r");
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&<\"\t\n\r");

    private void Escaped(ReadOnlySpan<char> value, bool attribute)
    {
        var rest = value;
        var specials = attribute ? AttributeSpecials : TextSpecials;
        while (rest.Length > 0)
        {
            var at = rest.IndexOfAny(specials);
            if (at < 0)
            {
                Utf8(rest);
                return;
            }

            Utf8(rest[..at]);
            Ascii(rest[at] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\t' => "&#x9;",
                '\n' => "&#xA;",
                _ => "&#xD;",
            });
            rest = rest[(at + 1)..];
        }
    }

    private void Ascii(string text)
    {
        if (_used + text.Length > _buffer.Length)
        {
            Flush();
        }

        _used += Encoding.ASCII.GetBytes(text, _buffer.AsSpan(_used));
    }

    private void Utf8(ReadOnlySpan<char> text)
    {
        while (text.Length > 0)
        {
            if (_buffer.Length - _used < 8)
            {
                Flush();
            }

            // Whole characters only: a surrogate pair is never split between two chunks.
            var take = Math.Min(text.Length, (_buffer.Length - _used) / 3);
            if (take < text.Length && char.IsHighSurrogate(text[take - 1]))
            {
                take--;
            }

            _used += Encoding.UTF8.GetBytes(text[..take], _buffer.AsSpan(_used));
            text = text[take..];
        }
    }

    private void Flush()
    {
        if (_used > 0)
        {
            _sink(_buffer.AsSpan(0, _used));
            _used = 0;
        }
    }

    /// <summary>A read-only stream over memory, without copying it.</summary>
    private sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> memory) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => memory.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, memory.Length - _position);
            memory.Span.Slice(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
