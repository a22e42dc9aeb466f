using SglReference.Domain.Delivery;
using System.Xml;
using SglReference.Hl7v2.Codec;

namespace SglReference.Hl7v2.Oru;

/// <summary>What identifies a sent ORU without patient data: control id, action, order number and the CDA ids it carries.</summary>
/// <param name="ControlId">MSH-10.</param>
/// <param name="Action">From ORC-1.</param>
/// <param name="OrderNumber">ORC-3.1 (filler order number).</param>
/// <param name="DocumentIds">ClinicalDocument/id (root, or extension^root) of each document OBX, in order.</param>
public sealed record OruSummary(string ControlId, DocumentAction Action, string OrderNumber, IReadOnlyList<string> DocumentIds)
{
    /// <summary>Reads the summary of an ORU^R01; anything else is an <see cref="Hl7ParseException"/>.</summary>
    public static OruSummary Read(Hl7Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.MessageType is not ("ORU^R01^ORU_R01" or "ORU^R01"))
        {
            throw new Hl7ParseException($"MSH-9 \"{message.MessageType}\" is not ORU^R01^ORU_R01");
        }

        var orc = message.First("ORC") ?? throw new Hl7ParseException("the ORU has no ORC segment");
        var action = orc.Value(1) switch
        {
            "NW" => DocumentAction.Initial,
            "RO" => DocumentAction.Replace,
            "CA" => DocumentAction.Delete,
            var other => throw new Hl7ParseException($"ORC-1 \"{other}\" is not NW, RO or CA"),
        };
        var ids = new List<string>();
        foreach (var obx in message.All("OBX").Where(o => o.Value(2) == "ED" && o.Value(5, 3) == "XML"))
        {
            ids.Add(DocumentId(obx.Value(5, 5)));
        }

        if (ids.Count == 0)
        {
            throw new Hl7ParseException("the ORU carries no CDA document (OBX ED ^TEXT^XML^Base64^)");
        }

        return new OruSummary(message.ControlId, action, orc.Value(3), ids);
    }

    private static string DocumentId(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException ex)
        {
            throw new Hl7ParseException("a document OBX-5 is not valid base64", ex);
        }

        try
        {
            using var stream = new MemoryStream(bytes);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            reader.MoveToContent();
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "id" && reader.Depth == 1)
                {
                    var root = reader.GetAttribute("root") ?? string.Empty;
                    var extension = reader.GetAttribute("extension");
                    return extension is null ? root : extension + "^" + root; // as TXA-12: extension^^root when there is one
                }
            }
        }
        catch (XmlException ex)
        {
            throw new Hl7ParseException("a document OBX-5 is not a CDA XML document", ex);
        }

        throw new Hl7ParseException("a document OBX-5 has no ClinicalDocument/id");
    }
}
