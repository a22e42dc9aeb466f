using System.Globalization;
using SglReference.Domain.Documents;
using SglReference.Pdf.Layout;

namespace SglReference.Pdf.Writing;

/// <summary>
/// The XMP metadata packet of a PDF/A-1 file (ISO 19005-1 §6.7): the PDF/A identification (part 1, conformance A) and
/// the Info dictionary's values in their XMP properties (§6.7.3: dc:title, dc:creator, dc:description, pdf:Keywords,
/// pdf:Producer, xmp:CreatorTool, xmp:CreateDate, xmp:ModifyDate), UTF-8, with a writable padding.
/// </summary>
internal static class XmpPacket
{
    /// <summary>The Info /Producer and pdf:Producer.</summary>
    public const string Producer = "SglReference PDF/A-1a writer";

    public static void Write(PdfOutput xmp, PdfMetadata metadata, string seed)
    {
        var date = metadata.CreationDate.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var documentId = DerivedIds.Uuid(seed + "|xmp|document").ToString("D");
        var instanceId = DerivedIds.Uuid(seed + "|xmp|instance").ToString("D");
        xmp.Utf8("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        xmp.Ascii("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n</rdf:Description>\n");
        xmp.Ascii("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<dc:format>application/pdf</dc:format>\n<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").XmlText(metadata.Title)
            .Ascii("</rdf:li></rdf:Alt></dc:title>\n<dc:creator><rdf:Seq><rdf:li>").XmlText(metadata.Author)
            .Ascii("</rdf:li></rdf:Seq></dc:creator>\n<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").XmlText(metadata.Subject)
            .Ascii("</rdf:li></rdf:Alt></dc:description>\n<dc:language><rdf:Bag><rdf:li>").XmlText(metadata.Language)
            .Ascii("</rdf:li></rdf:Bag></dc:language>\n</rdf:Description>\n");
        xmp.Ascii("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n<pdf:Keywords>").XmlText(metadata.Keywords)
            .Ascii("</pdf:Keywords>\n<pdf:Producer>").XmlText(Producer).Ascii("</pdf:Producer>\n</rdf:Description>\n");
        xmp.Ascii("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n<xmp:CreatorTool>").XmlText(metadata.Creator)
            .Ascii("</xmp:CreatorTool>\n<xmp:CreateDate>").Ascii(date).Ascii("</xmp:CreateDate>\n<xmp:ModifyDate>").Ascii(date)
            .Ascii("</xmp:ModifyDate>\n<xmp:MetadataDate>").Ascii(date).Ascii("</xmp:MetadataDate>\n</rdf:Description>\n");
        xmp.Ascii("<rdf:Description rdf:about=\"\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n<xmpMM:DocumentID>uuid:").Ascii(documentId)
            .Ascii("</xmpMM:DocumentID>\n<xmpMM:InstanceID>uuid:").Ascii(instanceId).Ascii("</xmpMM:InstanceID>\n</rdf:Description>\n");
        xmp.Ascii("</rdf:RDF>\n</x:xmpmeta>\n");
        for (var i = 0; i < 10; i++)
        {
            xmp.Ascii("                                                                                                    \n");
        }

        xmp.Ascii("<?xpacket end=\"w\"?>");
    }
}
