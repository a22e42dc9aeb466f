using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SglReference.Transport.XmlSignatures;

/// <summary>
/// Canonical XML 1.0 with comments of a whole document, read straight from its UTF-8 bytes, for the plain subset of
/// XML an <see cref="System.Xml.XmlWriter"/> writes (the CDA of a report): an optional XML declaration in UTF-8,
/// elements with ASCII names, attributes and namespace declarations, text with the five predefined entities, nothing
/// outside the document element but white space. Anything else (a comment, a PI, CDATA, a DTD, a character
/// reference, a carriage return or a literal tab or line feed in an attribute, a name that is not ASCII, or input
/// that is not well-formed) is declined, and <see cref="StreamingCanonicalizer"/> takes the document through an
/// <see cref="System.Xml.XmlReader"/>. The output is the same as that reader's, which is the same as
/// <c>XmlDsigC14NWithCommentsTransform</c>'s; the text of the embedded PDF is copied, not decoded. The exclusive form
/// (<c>XmlDsigExcC14NTransform</c>'s, for the VIHF assertion) is taken the same way.
/// </summary>
internal ref struct Utf8Canonicalizer
{
    private static readonly SearchValues<byte> Declined = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    private static readonly SearchValues<byte> TextSpecials = SearchValues.Create("&>"u8);
    private static readonly SearchValues<byte> AttributeSpecials = SearchValues.Create("&\"\t\n<"u8);

    private readonly ReadOnlySpan<byte> _xml;
    private int _at;
    private byte[] _output;
    private int _used;
    private Attribute[] _attributes = new Attribute[16];
    private int _attributeCount;
    private Namespace[] _scope = new Namespace[16];
    private int _scopeCount;
    private (int Start, int Length)[] _open = new (int, int)[32];
    private int _depth;
    private readonly bool _exclusive;
    private Namespace[] _rendered = new Namespace[16];
    private int _renderedCount;

    private Utf8Canonicalizer(ReadOnlySpan<byte> xml, bool exclusive)
    {
        _xml = xml;
        _exclusive = exclusive;
        _output = ArrayPool<byte>.Shared.Rent(xml.Length + (xml.Length / 8) + 256);
    }

    private static ReadOnlySpan<byte> XmlNamespace => "http://www.w3.org/XML/1998/namespace"u8;

    /// <summary>
    /// Writes the canonical form of <paramref name="xml"/> to <paramref name="sink"/> (once, whole) and returns true;
    /// returns false, having written nothing, when the document is not in the plain subset.
    /// </summary>
    /// <param name="xml">The document.</param>
    /// <param name="sink">Receives the canonical form.</param>
    /// <param name="exclusive">
    /// Exclusive C14N without comments and without an inclusive prefix list (http://www.w3.org/2001/10/xml-exc-c14n#):
    /// an element declares only the namespaces its own name and its attributes' names use, when its nearest output
    /// ancestor has not declared them with the same value. Otherwise inclusive C14N with comments.
    /// </param>
    public static bool TryCanonicalize(ReadOnlySpan<byte> xml, Action<ReadOnlySpan<byte>> sink, bool exclusive = false)
    {
        if (!Utf8.IsValid(xml) || xml.IndexOfAny(Declined) >= 0 || xml.IndexOf("\uFFFE"u8) >= 0 || xml.IndexOf("\uFFFF"u8) >= 0)
        {
            return false;
        }

        var canonicalizer = new Utf8Canonicalizer(xml, exclusive);
        try
        {
            if (!canonicalizer.Document())
            {
                return false;
            }

            sink(canonicalizer._output.AsSpan(0, canonicalizer._used));
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(canonicalizer._output);
        }
    }

    private bool Document()
    {
        if (_xml.StartsWith("\uFEFF"u8))
        {
            _at = 3;
        }

        if (_xml[_at..].StartsWith("<?xml"u8) && !Declaration())
        {
            return false;
        }

        SkipSpace();
        while (_at < _xml.Length)
        {
            if (_xml[_at] != (byte)'<')
            {
                if (_depth == 0 || !Text())
                {
                    return false;
                }

                continue;
            }

            if (_at + 1 >= _xml.Length)
            {
                return false;
            }

            var next = _xml[_at + 1];
            if (next == (byte)'/')
            {
                if (_depth == 0 || !EndTag())
                {
                    return false;
                }
            }
            else if (next is (byte)'!' or (byte)'?' || !StartTag())
            {
                return false;
            }

            if (_depth == 0)
            {
                SkipSpace();
                return _at == _xml.Length;
            }
        }

        return false;
    }

    /// <summary>&lt;?xml version="1.0" …?&gt;: not in the canonical form; an encoding other than UTF-8 is declined.</summary>
    private bool Declaration()
    {
        var end = _xml[_at..].IndexOf("?>"u8);
        if (end < 0)
        {
            return false;
        }

        var declaration = _xml.Slice(_at, end);
        if (!declaration.StartsWith("<?xml version=\"1.0\""u8) && !declaration.StartsWith("<?xml version='1.0'"u8))
        {
            return false;
        }

        var encoding = declaration.IndexOf("encoding"u8);
        if (encoding >= 0)
        {
            var value = declaration[(encoding + 8)..].TrimStart(" ="u8);
            if (value.Length < 7 || value[0] is not ((byte)'"' or (byte)'\'') || !Ascii.EqualsIgnoreCase(value.Slice(1, 5), "utf-8"u8) || value[6] != value[0])
            {
                return false;
            }
        }

        _at += end + 2;
        return true;
    }

    private bool StartTag()
    {
        _at++;
        var name = Name();
        if (name.Length == 0)
        {
            return false;
        }

        _attributeCount = 0;
        var empty = false;
        while (true)
        {
            var spaced = SkipSpace();
            if (_at >= _xml.Length)
            {
                return false;
            }

            if (_xml[_at] == (byte)'>')
            {
                _at++;
                break;
            }

            if (_xml[_at] == (byte)'/')
            {
                if (_at + 1 >= _xml.Length || _xml[_at + 1] != (byte)'>')
                {
                    return false;
                }

                _at += 2;
                empty = true;
                break;
            }

            if (!spaced || !ReadAttribute())
            {
                return false;
            }
        }

        return Open(name) && (!empty || Close());
    }

    private bool ReadAttribute()
    {
        var name = Name();
        if (name.Length == 0)
        {
            return false;
        }

        SkipSpace();
        if (_at >= _xml.Length || _xml[_at] != (byte)'=')
        {
            return false;
        }

        _at++;
        SkipSpace();
        if (_at >= _xml.Length || _xml[_at] is not ((byte)'"' or (byte)'\''))
        {
            return false;
        }

        var quote = _xml[_at++];
        var length = _xml[_at..].IndexOf(quote);
        if (length < 0)
        {
            return false;
        }

        if (_attributeCount == _attributes.Length)
        {
            Array.Resize(ref _attributes, _attributes.Length * 2);
        }

        _attributes[_attributeCount++] = new Attribute(name.Start, name.Length, name.Colon, _at, length);
        _at += length + 1;
        return true;
    }

    /// <summary>The element's namespaces and attributes, resolved and sorted, written as C14N writes a start tag.</summary>
    private bool Open((int Start, int Length, int Colon) name)
    {
        var parentScope = _scopeCount;
        for (var i = 0; i < _attributeCount; i++)
        {
            ref var a = ref _attributes[i];
            var attributeName = _xml.Slice(a.NameStart, a.NameLength);
            var prefixed = attributeName.StartsWith("xmlns:"u8);
            if (!prefixed && !attributeName.SequenceEqual("xmlns"u8))
            {
                continue;
            }

            a.IsNamespace = true;
            var prefix = prefixed ? (a.NameStart + 6, a.NameLength - 6) : (a.NameStart, 0);
            var value = _xml.Slice(a.ValueStart, a.ValueLength);
            var prefixBytes = _xml.Slice(prefix.Item1, prefix.Item2);
            if (value.IndexOfAny(AttributeSpecials) >= 0 || value.IndexOf((byte)'\'') >= 0 || (prefixed && (value.Length == 0 || prefixBytes.StartsWith("xml"u8)))
                || Lookup(_scope, prefixBytes, parentScope, _scopeCount, out _))
            {
                // A character to escape in a namespace name, xmlns:p="", a reserved prefix or the same prefix twice: the reader's business.
                return false;
            }

            var inherited = Lookup(_scope, prefixBytes, 0, parentScope, out var inheritedUri) ? _xml.Slice(inheritedUri.Start, inheritedUri.Length) : [];
            a.Rendered = !_exclusive && !inherited.SequenceEqual(value);
            if (_scopeCount == _scope.Length)
            {
                Array.Resize(ref _scope, _scope.Length * 2);
            }

            _scope[_scopeCount++] = new Namespace(prefix.Item1, prefix.Item2, a.ValueStart, a.ValueLength, _depth + 1);
        }

        // The element's own prefix must be declared; so must each attribute's, which gives the URI attributes sort by.
        if (name.Colon > 0 && !Lookup(_scope, _xml.Slice(name.Start, name.Colon), 0, _scopeCount, out _))
        {
            return false;
        }

        for (var i = 0; i < _attributeCount; i++)
        {
            ref var a = ref _attributes[i];
            if (a.IsNamespace)
            {
                continue;
            }

            if (a.Colon == 0)
            {
                a.UriStart = -1;
            }
            else if (_xml.Slice(a.NameStart, a.Colon).SequenceEqual("xml"u8))
            {
                a.UriStart = -2;
            }
            else if (Lookup(_scope, _xml.Slice(a.NameStart, a.Colon), 0, _scopeCount, out var uri))
            {
                (a.UriStart, a.UriLength) = uri;
            }
            else
            {
                return false;
            }
        }

        Sort();
        for (var i = 1; i < _attributeCount; i++)
        {
            ref var previous = ref _attributes[i - 1];
            ref var current = ref _attributes[i];
            if (previous.IsNamespace == current.IsNamespace && Compare(previous, current) == 0)
            {
                return false;
            }
        }

        if (_depth == _open.Length)
        {
            Array.Resize(ref _open, _open.Length * 2);
        }

        var visibleFrom = _renderedCount;
        if (_exclusive)
        {
            Utilize(name.Start, name.Colon, visibleFrom);
            for (var i = 0; i < _attributeCount; i++)
            {
                ref var a = ref _attributes[i];
                if (!a.IsNamespace && a.Colon > 0 && a.UriStart != -2)
                {
                    Utilize(a.NameStart, a.Colon, visibleFrom);
                }
            }

            SortRendered(visibleFrom);
        }

        _open[_depth++] = (name.Start, name.Length);
        Write("<"u8);
        Write(_xml.Slice(name.Start, name.Length));
        for (var i = visibleFrom; i < _renderedCount; i++)
        {
            var n = _rendered[i];
            Write(n.PrefixLength == 0 ? " xmlns"u8 : " xmlns:"u8);
            Write(_xml.Slice(n.PrefixStart, n.PrefixLength));
            Write("=\""u8);
            Write(_xml.Slice(n.UriStart, n.UriLength));
            Write("\""u8);
        }

        for (var i = 0; i < _attributeCount; i++)
        {
            ref var a = ref _attributes[i];
            if (a.IsNamespace && !a.Rendered)
            {
                continue;
            }

            Write(" "u8);
            Write(_xml.Slice(a.NameStart, a.NameLength));
            Write("=\""u8);
            if (!Escaped(_xml.Slice(a.ValueStart, a.ValueLength), attribute: true))
            {
                return false;
            }

            Write("\""u8);
        }

        Write(">"u8);
        return true;
    }

    private bool EndTag()
    {
        _at += 2;
        var name = Name();
        var open = _open[_depth - 1];
        if (name.Length == 0 || !_xml.Slice(name.Start, name.Length).SequenceEqual(_xml.Slice(open.Start, open.Length)))
        {
            return false;
        }

        SkipSpace();
        if (_at >= _xml.Length || _xml[_at] != (byte)'>')
        {
            return false;
        }

        _at++;
        return Close();
    }

    private bool Close()
    {
        var open = _open[--_depth];
        while (_scopeCount > 0 && _scope[_scopeCount - 1].Depth > _depth)
        {
            _scopeCount--;
        }

        while (_renderedCount > 0 && _rendered[_renderedCount - 1].Depth > _depth)
        {
            _renderedCount--;
        }

        Write("</"u8);
        Write(_xml.Slice(open.Start, open.Length));
        Write(">"u8);
        return true;
    }

    /// <summary>Character data up to the next tag: copied, but for &gt; (escaped) and the entities C14N writes otherwise.</summary>
    private bool Text()
    {
        var length = _xml[_at..].IndexOf((byte)'<');
        if (length < 0)
        {
            return false;
        }

        var text = _xml.Slice(_at, length);
        _at += length;
        if (text.IndexOf("]]>"u8) >= 0)
        {
            return false;
        }

        return Escaped(text, attribute: false);
    }

    /// <summary>
    /// Text or an attribute value as C14N writes it: the five entities resolved and &amp; &lt; written as entities in
    /// both; &gt; escaped in text only, &quot; in attributes only. A literal tab, line feed or '&lt;' in an attribute, or
    /// any other reference, is the reader's business.
    /// </summary>
    private bool Escaped(ReadOnlySpan<byte> value, bool attribute)
    {
        var specials = attribute ? AttributeSpecials : TextSpecials;
        while (value.Length > 0)
        {
            var special = value.IndexOfAny(specials);
            if (special < 0)
            {
                Write(value);
                return true;
            }

            Write(value[..special]);
            value = value[special..];
            var replaced = 1;
            switch (value[0])
            {
                case (byte)'&':
                    replaced = Entity(value, attribute, out var canonical);
                    Write(canonical);
                    break;
                case (byte)'>' when !attribute:
                    Write("&gt;"u8);
                    break;
                case (byte)'"' when attribute:
                    Write("&quot;"u8);
                    break;
                default:
                    replaced = 0;
                    break;
            }

            if (replaced == 0)
            {
                return false;
            }

            value = value[replaced..];
        }

        return true;
    }

    /// <summary>
    /// The length of the predefined entity <paramref name="value"/> starts with, and how C14N writes its character in
    /// text or in an attribute; 0 for anything else (a character reference included).
    /// </summary>
    private static int Entity(ReadOnlySpan<byte> value, bool attribute, out ReadOnlySpan<byte> canonical)
    {
        canonical = value.StartsWith("&amp;"u8) ? "&amp;"u8
            : value.StartsWith("&lt;"u8) ? "&lt;"u8
            : value.StartsWith("&gt;"u8) ? (attribute ? ">"u8 : "&gt;"u8)
            : value.StartsWith("&quot;"u8) ? (attribute ? "&quot;"u8 : "\""u8)
            : value.StartsWith("&apos;"u8) ? "'"u8
            : default;
        return canonical.IsEmpty ? 0 : value.IndexOf((byte)';') + 1;
    }

    /// <summary>A QName in ASCII (NCName, optionally prefix:local); an empty one when it is anything else.</summary>
    private (int Start, int Length, int Colon) Name()
    {
        var start = _at;
        var colon = 0;
        var atStart = true;
        while (_at < _xml.Length)
        {
            var c = _xml[_at];
            if (char.IsAsciiLetter((char)c) || c == (byte)'_')
            {
                atStart = false;
            }
            else if (c == (byte)':' && !atStart && colon == 0)
            {
                colon = _at - start;
                atStart = true;
            }
            else if (!atStart && (char.IsAsciiDigit((char)c) || c is (byte)'.' or (byte)'-'))
            {
            }
            else if (c >= 0x80)
            {
                return (start, 0, 0);
            }
            else
            {
                break;
            }

            _at++;
        }

        return atStart ? (start, 0, 0) : (start, _at - start, colon);
    }

    private bool SkipSpace()
    {
        var start = _at;
        while (_at < _xml.Length && _xml[_at] is (byte)' ' or (byte)'\t' or (byte)'\n')
        {
            _at++;
        }

        return _at > start;
    }

    /// <summary>The URI bound to <paramref name="prefix"/> among <paramref name="entries"/> [from, to), innermost first.</summary>
    private readonly bool Lookup(Namespace[] entries, ReadOnlySpan<byte> prefix, int from, int to, out (int Start, int Length) uri)
    {
        for (var i = to - 1; i >= from; i--)
        {
            var n = entries[i];
            if (_xml.Slice(n.PrefixStart, n.PrefixLength).SequenceEqual(prefix))
            {
                uri = (n.UriStart, n.UriLength);
                return true;
            }
        }

        uri = default;
        return false;
    }

    /// <summary>
    /// Exclusive C14N: the namespace of <paramref name="prefixLength"/> bytes at <paramref name="prefixStart"/> (the
    /// default one when 0) is visibly used by the element; it is declared on it unless an output ancestor declared the
    /// same value (an unset default namespace being the empty one).
    /// </summary>
    private void Utilize(int prefixStart, int prefixLength, int visibleFrom)
    {
        var prefix = _xml.Slice(prefixStart, prefixLength);
        if (Lookup(_rendered, prefix, visibleFrom, _renderedCount, out _))
        {
            // Already declared for this element (its name and an attribute, or two attributes, share the prefix).
            return;
        }

        var declared = Lookup(_scope, prefix, 0, _scopeCount, out var d) ? d : default;
        var rendered = Lookup(_rendered, prefix, 0, visibleFrom, out var r) ? r : default;
        if (_xml.Slice(declared.Start, declared.Length).SequenceEqual(_xml.Slice(rendered.Start, rendered.Length)))
        {
            return;
        }

        if (_renderedCount == _rendered.Length)
        {
            Array.Resize(ref _rendered, _rendered.Length * 2);
        }

        _rendered[_renderedCount++] = new Namespace(prefixStart, prefixLength, declared.Start, declared.Length, _depth + 1);
    }

    /// <summary>The namespaces the element declares (exclusive C14N), by prefix, the default one first.</summary>
    private readonly void SortRendered(int from)
    {
        for (var i = from + 1; i < _renderedCount; i++)
        {
            var current = _rendered[i];
            var j = i - 1;
            while (j >= from && _xml.Slice(_rendered[j].PrefixStart, _rendered[j].PrefixLength).SequenceCompareTo(_xml.Slice(current.PrefixStart, current.PrefixLength)) > 0)
            {
                _rendered[j + 1] = _rendered[j];
                j--;
            }

            _rendered[j + 1] = current;
        }
    }

    /// <summary>Namespace declarations first (by prefix, the default one first), then attributes by namespace URI and local name.</summary>
    private readonly void Sort()
    {
        for (var i = 1; i < _attributeCount; i++)
        {
            var current = _attributes[i];
            var j = i - 1;
            while (j >= 0 && Compare(_attributes[j], current) > 0)
            {
                _attributes[j + 1] = _attributes[j];
                j--;
            }

            _attributes[j + 1] = current;
        }
    }

    private readonly int Compare(in Attribute a, in Attribute b)
    {
        if (a.IsNamespace != b.IsNamespace)
        {
            return a.IsNamespace ? -1 : 1;
        }

        if (a.IsNamespace)
        {
            return Prefix(a).SequenceCompareTo(Prefix(b));
        }

        var byUri = Uri(a).SequenceCompareTo(Uri(b));
        return byUri != 0 ? byUri : _xml.Slice(a.NameStart + a.LocalOffset, a.NameLength - a.LocalOffset).SequenceCompareTo(_xml.Slice(b.NameStart + b.LocalOffset, b.NameLength - b.LocalOffset));
    }

    private readonly ReadOnlySpan<byte> Prefix(in Attribute a) => a.NameLength == 5 ? [] : _xml.Slice(a.NameStart + 6, a.NameLength - 6);

    private readonly ReadOnlySpan<byte> Uri(in Attribute a) => a.UriStart switch
    {
        -1 => [],
        -2 => XmlNamespace,
        _ => _xml.Slice(a.UriStart, a.UriLength),
    };

    private void Write(ReadOnlySpan<byte> bytes)
    {
        if (_used + bytes.Length > _output.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_output.Length * 2, _used + bytes.Length));
            _output.AsSpan(0, _used).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_output);
            _output = larger;
        }

        bytes.CopyTo(_output.AsSpan(_used));
        _used += bytes.Length;
    }

    private record struct Attribute(int NameStart, int NameLength, int Colon, int ValueStart, int ValueLength)
    {
        public int LocalOffset => Colon == 0 ? 0 : Colon + 1;

        public bool IsNamespace { get; set; }

        public bool Rendered { get; set; }

        public int UriStart { get; set; }

        public int UriLength { get; set; }
    }

    private readonly record struct Namespace(int PrefixStart, int PrefixLength, int UriStart, int UriLength, int Depth);
}
