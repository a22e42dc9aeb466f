using System.Text;
using System.Xml;
using SglReference.Domain;
using SglReference.Domain.Documents;

namespace SglReference.Cda;

/// <summary>
/// Writes the CDA R2 documents of one version of a CR-Bio: pure functions from the report (as its audience reads it,
/// see <see cref="AudienceView"/>), the document identity and the PDF of that version, to UTF-8 XML bytes.
/// </summary>
public static class CrBioCdaWriter
{
    private static readonly XmlWriterSettings s_settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        CheckCharacters = true,
    };

    /// <summary>The N3: CI-SIS CR-BIO 2024.01 with structured results, narrative, and the PDF copy section.</summary>
    public static byte[] WriteN3(LabReport report, DocumentIdentity identity, ReadOnlyMemory<byte> pdf) =>
        Write(report, identity, DocumentFormat.N3, pdf, extraCapacity: 65536, x => new N3BodyWriter(x, report).Write(identity, pdf));

    /// <summary>The N1: structuration minimale, same header, the PDF as nonXMLBody.</summary>
    public static byte[] WriteN1(LabReport report, DocumentIdentity identity, ReadOnlyMemory<byte> pdf) =>
        Write(report, identity, DocumentFormat.N1, pdf, extraCapacity: 32768, x =>
        {
            x.Start("component");
            x.Start("nonXMLBody");
            x.Start("text");
            x.Attr("mediaType", "application/pdf");
            x.Attr("representation", "B64");
            x.Base64(pdf);
            x.End();
            x.End();
            x.End();
        });

    private static byte[] Write(LabReport report, DocumentIdentity identity, DocumentFormat format, ReadOnlyMemory<byte> pdf, int extraCapacity, Action<CdaXml> body)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(identity);
        using var output = new MemoryStream(capacity: (pdf.Length * 4 / 3) + extraCapacity);
        using (var writer = XmlWriter.Create(output, s_settings))
        {
            var x = Begin(writer);
            CdaHeaderWriter.Write(x, report, identity, format);
            body(x);
            writer.WriteEndElement();
        }

        return output.ToArray();
    }

    private static CdaXml Begin(XmlWriter writer)
    {
        writer.WriteStartDocument();
        writer.WriteStartElement("ClinicalDocument", CdaConstants.Hl7);
        writer.WriteAttributeString("xmlns", "lab", null, CdaConstants.Lab);
        writer.WriteAttributeString("xmlns", "xsi", null, CdaConstants.Xsi);
        return new CdaXml(writer);
    }
}
