using System.Xml;
using SglReference.Dmp.Soap;
using SglReference.Xds;

namespace SglReference.Dmp.Requests;

/// <summary>ITI-18 Registry Stored Query FindDocuments (TD3.1): the patient's entries of the given statuses, LeafClass.</summary>
public static class FindDocuments
{
    /// <summary>The request.</summary>
    public static DmpHttpRequest Build(string patientId, IReadOnlyList<string> statuses, XmlElement assertion, Uri to, string messageId)
    {
        ArgumentNullException.ThrowIfNull(patientId);
        ArgumentNullException.ThrowIfNull(statuses);
        var envelope = SoapEnvelope.Write(DmpNamespaces.RegistryStoredQueryAction, messageId, to, assertion, x =>
        {
            x.WriteStartElement("query", "AdhocQueryRequest", DmpNamespaces.Query);
            x.WriteAttributeString("xmlns", "rim", null, DmpNamespaces.Rim);
            x.WriteStartElement("query", "ResponseOption", DmpNamespaces.Query);
            x.WriteAttributeString("returnComposedObjects", "true");
            x.WriteAttributeString("returnType", "LeafClass");
            x.WriteEndElement();
            x.WriteStartElement("rim", "AdhocQuery", DmpNamespaces.Rim);
            x.WriteAttributeString("id", DmpNamespaces.FindDocumentsQuery);
            Slot(x, "$XDSDocumentEntryPatientId", "'" + patientId.Replace("'", "''", StringComparison.Ordinal) + "'");
            Slot(x, "$XDSDocumentEntryStatus", "(" + string.Join(",", statuses.Select(s => "'" + s + "'")) + ")");
            x.WriteEndElement();
            x.WriteEndElement();
        });
        return new DmpHttpRequest(SoapEnvelope.ContentType(DmpNamespaces.RegistryStoredQueryAction), envelope);
    }

    /// <summary>The entries of an AdhocQueryResponse body.</summary>
    public static IReadOnlyList<RegistryEntry> Entries(XmlDocument response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var ns = DmpRequestInfo.Namespaces(response);
        var entries = new List<RegistryEntry>();
        foreach (XmlElement e in response.SelectNodes("//query:AdhocQueryResponse/rim:RegistryObjectList/rim:ExtrinsicObject", ns)!)
        {
            var uniqueId = (e.SelectSingleNode($"rim:ExternalIdentifier[@identificationScheme='{XdsCodes.DocumentUniqueId}']", ns) as XmlElement)?.GetAttribute("value") ?? string.Empty;
            var hash = e.SelectSingleNode("rim:Slot[@name='hash']/rim:ValueList/rim:Value", ns)?.InnerText.Trim();
            var version = (e.SelectSingleNode("rim:VersionInfo", ns) as XmlElement)?.GetAttribute("versionName") ?? "1";
            entries.Add(new RegistryEntry(e.GetAttribute("id"), e.GetAttribute("lid"), e.GetAttribute("status"), version, uniqueId, hash, e));
        }

        return entries;
    }

    private static void Slot(XmlWriter x, string name, string value)
    {
        x.WriteStartElement("rim", "Slot", DmpNamespaces.Rim);
        x.WriteAttributeString("name", name);
        x.WriteStartElement("rim", "ValueList", DmpNamespaces.Rim);
        x.WriteElementString("rim", "Value", DmpNamespaces.Rim, value);
        x.WriteEndElement();
        x.WriteEndElement();
    }
}
