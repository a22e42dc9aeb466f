using System.Text;
using System.Xml;

namespace SglReference.Dmp.Soap;

/// <summary>
/// Writes a SOAP 1.2 envelope with the WS-Addressing headers the DMP reads (Action mustUnderstand, MessageID,
/// ReplyTo anonymous, To) and the VIHF in wsse:Security. Not indented: the signed assertion keeps its exact form.
/// </summary>
public static class SoapEnvelope
{
    /// <summary>The envelope bytes (UTF-8 with an XML declaration, no BOM).</summary>
    public static byte[] Write(string action, string messageId, Uri to, XmlElement assertion, Action<XmlWriter> body)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(assertion);
        ArgumentNullException.ThrowIfNull(body);
        using var stream = new MemoryStream();
        using (var x = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            x.WriteStartDocument();
            x.WriteStartElement("soap", "Envelope", DmpNamespaces.Soap12);
            x.WriteAttributeString("xmlns", "wsa", null, DmpNamespaces.Addressing);
            x.WriteStartElement("soap", "Header", DmpNamespaces.Soap12);
            x.WriteStartElement("wsa", "Action", DmpNamespaces.Addressing);
            x.WriteAttributeString("soap", "mustUnderstand", DmpNamespaces.Soap12, "true");
            x.WriteString(action);
            x.WriteEndElement();
            x.WriteElementString("wsa", "MessageID", DmpNamespaces.Addressing, messageId);
            x.WriteStartElement("wsa", "ReplyTo", DmpNamespaces.Addressing);
            x.WriteElementString("wsa", "Address", DmpNamespaces.Addressing, DmpNamespaces.Anonymous);
            x.WriteEndElement();
            x.WriteElementString("wsa", "To", DmpNamespaces.Addressing, to.AbsoluteUri);
            x.WriteStartElement("wsse", "Security", DmpNamespaces.Wsse);
            assertion.WriteTo(x);
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteStartElement("soap", "Body", DmpNamespaces.Soap12);
            body(x);
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>The Content-Type of a plain SOAP 1.2 request.</summary>
    public static string ContentType(string action) => $"application/soap+xml; charset=UTF-8; action=\"{action}\"";
}
