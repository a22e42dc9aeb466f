using System.Globalization;
using System.Text;

namespace SglReference.Pdf.Archival;

/// <summary>
/// A PDF file as objects: read through its cross-reference table (ISO 32000-1 §7.5.4), written back whole with a new
/// one. Only what PDF/A-1 allows is read: one classic cross-reference section, no object or cross-reference streams,
/// no encryption.
/// </summary>
internal sealed class PdfFile
{
    private PdfFile(string version, SortedDictionary<int, PdfIndirectObject> objects, PdfDictionary trailer)
    {
        Version = version;
        Objects = objects;
        Trailer = trailer;
    }

    /// <summary>The header's version ("1.4").</summary>
    public string Version { get; }

    public SortedDictionary<int, PdfIndirectObject> Objects { get; }

    public PdfDictionary Trailer { get; }

    public static PdfFile Parse(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var span = pdf.AsSpan();
        if (!span.StartsWith("%PDF-"u8))
        {
            throw new FormatException("not a PDF file (no %PDF- header)");
        }

        var version = Encoding.ASCII.GetString(span.Slice(5, 3));
        var startxref = span.LastIndexOf("startxref"u8);
        if (startxref < 0)
        {
            throw new FormatException("no startxref");
        }

        var lexer = new PdfLexer(span, startxref + 9);
        var xref = lexer.Integer();
        lexer = new PdfLexer(span, xref);
        lexer.Expect("xref");
        var offsets = new SortedDictionary<int, (int Offset, int Generation)>();
        while (true)
        {
            lexer.SkipWhiteSpace();
            if (lexer.Peek == 't')
            {
                break;
            }

            var first = lexer.Integer();
            var count = lexer.Integer();
            for (var i = 0; i < count; i++)
            {
                var offset = lexer.Integer();
                var generation = lexer.Integer();
                var kind = lexer.Token();
                if (kind is [(byte)'n'])
                {
                    offsets[first + i] = (offset, generation);
                }
            }
        }

        lexer.Expect("trailer");
        if (lexer.Value() is not PdfDictionary trailer)
        {
            throw new FormatException("the trailer is not a dictionary");
        }

        if (trailer["/Prev"] is not null || trailer["/XRefStm"] is not null || trailer["/Encrypt"] is not null)
        {
            throw new FormatException("incremental updates, cross-reference streams and encryption are not expected in a PDF/A-1 file");
        }

        var objects = new SortedDictionary<int, PdfIndirectObject>();
        var file = new PdfFile(version, objects, trailer);
        foreach (var (number, (offset, _)) in offsets)
        {
            objects[number] = ReadObject(pdf, offset, number, offsets);
        }

        return file;
    }

    /// <summary>The object <paramref name="value"/> designates (itself unless it is a reference).</summary>
    public PdfValue? Resolve(PdfValue? value) =>
        value is PdfReference r ? (Objects.TryGetValue(r.Number, out var o) ? o.Value : null) : value;

    public PdfIndirectObject? ObjectOf(PdfValue? value) => value is PdfReference r && Objects.TryGetValue(r.Number, out var o) ? o : null;

    /// <summary>Adds a new object and returns the reference to it.</summary>
    public PdfReference Add(PdfValue value, byte[]? stream = null)
    {
        var number = Objects.Count == 0 ? 1 : Objects.Keys.Max() + 1;
        Objects[number] = new PdfIndirectObject(number, 0, value, stream);
        return new PdfReference(number, 0);
    }

    /// <summary>
    /// The file: header with a binary comment (ISO 19005-1 §6.1.2), the objects in number order, each stream's /Length
    /// its data's exact size (§6.1.7), one cross-reference section and the trailer with its /ID (§6.1.3).
    /// </summary>
    public byte[] Write()
    {
        using var output = new MemoryStream();
        void Ascii(string text) => output.Write(Encoding.ASCII.GetBytes(text));
        Ascii($"%PDF-{Version}\n");
        output.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
        var size = Objects.Count == 0 ? 1 : Objects.Keys.Max() + 1;
        var offsets = new long[size];
        var generations = new int[size];
        foreach (var (number, obj) in Objects)
        {
            offsets[number] = output.Position;
            generations[number] = obj.Generation;
            Ascii(string.Create(CultureInfo.InvariantCulture, $"{number} {obj.Generation} obj\n"));
            if (obj.Stream is { } data)
            {
                var dictionary = obj.Dictionary ?? throw new InvalidOperationException($"stream object {number} has no dictionary");
                dictionary["/Length"] = PdfAtom.Integer(data.Length);
                WriteValue(output, dictionary);
                Ascii("\nstream\n");
                output.Write(data);
                Ascii("\nendstream");
            }
            else
            {
                WriteValue(output, obj.Value);
            }

            Ascii("\nendobj\n");
        }

        var xref = output.Position;
        Ascii(string.Create(CultureInfo.InvariantCulture, $"xref\n0 {size}\n"));
        for (var i = 0; i < size; i++)
        {
            Ascii(i == 0 ? "0000000000 65535 f\r\n"
                : offsets[i] == 0 ? "0000000000 00000 f\r\n"
                : string.Create(CultureInfo.InvariantCulture, $"{offsets[i]:D10} {generations[i]:D5} n\r\n"));
        }

        Trailer["/Size"] = PdfAtom.Integer(size);
        Ascii("trailer\n");
        WriteValue(output, Trailer);
        Ascii(string.Create(CultureInfo.InvariantCulture, $"\nstartxref\n{xref}\n%%EOF\n"));
        return output.ToArray();
    }

    private static PdfIndirectObject ReadObject(byte[] pdf, int offset, int expected, SortedDictionary<int, (int Offset, int Generation)> offsets)
    {
        var lexer = new PdfLexer(pdf, offset);
        var number = lexer.Integer();
        var generation = lexer.Integer();
        lexer.Expect("obj");
        if (number != expected)
        {
            throw new FormatException($"the cross-reference table points object {expected} at offset {offset}, which holds object {number}");
        }

        var value = lexer.Value();
        lexer.SkipWhiteSpace();
        var keyword = lexer.Position;
        if (lexer.Token().SequenceEqual("endobj"u8))
        {
            return new PdfIndirectObject(number, generation, value, null);
        }

        lexer.Position = keyword;
        lexer.Expect("stream");
        var start = lexer.Position;
        if (pdf[start] == '\r')
        {
            start++;
        }

        if (pdf[start] != '\n')
        {
            throw new FormatException($"object {number}: the stream keyword is not followed by an end of line");
        }

        start++;
        var dictionary = value as PdfDictionary ?? throw new FormatException($"object {number}: a stream without a dictionary");
        var length = dictionary["/Length"] switch
        {
            PdfAtom atom when atom.TryInteger(out var l) => l,
            PdfReference r when offsets.TryGetValue(r.Number, out var at) && ReadObject(pdf, at.Offset, r.Number, offsets).Value is PdfAtom a && a.TryInteger(out var l) => l,
            _ => throw new FormatException($"object {number}: the stream has no usable /Length"),
        };
        if (length < 0 || start + length > pdf.Length)
        {
            throw new FormatException($"object {number}: /Length {length} runs past the end of the file");
        }

        var data = pdf.AsSpan(start, (int)length).ToArray();
        lexer.Position = start + (int)length;
        lexer.Expect("endstream");
        return new PdfIndirectObject(number, generation, value, data);
    }

    private static void WriteValue(Stream output, PdfValue value)
    {
        switch (value)
        {
            case PdfAtom atom:
                output.Write(atom.Raw);
                break;
            case PdfName name:
                output.Write(Encoding.ASCII.GetBytes(name.Raw));
                break;
            case PdfReference reference:
                output.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{reference.Number} {reference.Generation} R")));
                break;
            case PdfArray array:
                output.WriteByte((byte)'[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        output.WriteByte((byte)' ');
                    }

                    WriteValue(output, array.Items[i]);
                }

                output.WriteByte((byte)']');
                break;
            case PdfDictionary dictionary:
                output.Write("<<"u8);
                foreach (var (key, item) in dictionary.Entries)
                {
                    output.Write(Encoding.ASCII.GetBytes(key));
                    output.WriteByte((byte)' ');
                    WriteValue(output, item);
                }

                output.Write(">>"u8);
                break;
        }
    }
}
