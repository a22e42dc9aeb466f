using System.Text;
using System.Xml;

namespace SglReference.Benchmarks;

/// <summary>
/// An XML document recorded as the calls an <see cref="XmlWriter"/> needs to write it again, its large base64 text
/// nodes kept as bytes (replayed with <see cref="XmlWriter.WriteBase64"/>): the cheapest way to write a document of the
/// same size and shape.
/// </summary>
internal sealed class XmlRecording
{
    private readonly List<Action<XmlWriter>> _calls = [];
    private readonly bool _declaration;

    private XmlRecording(bool declaration) => _declaration = declaration;

    public int Size { get; private init; }

    public static XmlRecording Of(ReadOnlyMemory<byte> xml)
    {
        var text = Encoding.UTF8.GetString(xml.Span);
        var recording = new XmlRecording(text.StartsWith("<?xml", StringComparison.Ordinal)) { Size = xml.Length };
        using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var (prefix, local, ns, empty) = (reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.IsEmptyElement);
                    var attributes = new List<(string Prefix, string Local, string Ns, string Value)>();
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            attributes.Add((reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.Value));
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }

                    recording._calls.Add(w =>
                    {
                        w.WriteStartElement(prefix, local, ns);
                        foreach (var a in attributes)
                        {
                            w.WriteAttributeString(a.Prefix, a.Local, a.Ns, a.Value);
                        }

                        if (empty)
                        {
                            w.WriteEndElement();
                        }
                    });
                    break;
                case XmlNodeType.EndElement:
                    recording._calls.Add(static w => w.WriteFullEndElement());
                    break;
                case XmlNodeType.Text:
                    var value = reader.Value;
                    if (value.Length >= 1024 && TryBase64(value, out var bytes))
                    {
                        recording._calls.Add(w => w.WriteBase64(bytes, 0, bytes.Length));
                    }
                    else
                    {
                        recording._calls.Add(w => w.WriteString(value));
                    }

                    break;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    var space = reader.Value;
                    recording._calls.Add(w => w.WriteWhitespace(space));
                    break;
                case XmlNodeType.Comment:
                    var comment = reader.Value;
                    recording._calls.Add(w => w.WriteComment(comment));
                    break;
                default:
                    break;
            }
        }

        return recording;
    }

    /// <summary>Writes the document into <paramref name="output"/> (UTF-8, no indentation).</summary>
    public void Replay(Stream output)
    {
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = !_declaration, CloseOutput = false });
        foreach (var call in _calls)
        {
            call(writer);
        }
    }

    private static bool TryBase64(string value, out byte[] bytes)
    {
        bytes = new byte[value.Length / 4 * 3];
        if (Convert.TryFromBase64String(value, bytes, out var written))
        {
            Array.Resize(ref bytes, written);
            return true;
        }

        return false;
    }
}
