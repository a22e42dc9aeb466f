using System.Globalization;
using System.Xml;
using SglReference.Dmp.Soap;
using SglReference.Domain.Documents;
using SglReference.Domain.Presentation;
using SglReference.Xds;

namespace SglReference.Dmp.Requests;

/// <summary>
/// ITI-57 Update Document Set requests (registry; plain SOAP 1.2, no XAdES as the official TD3.3c): availability
/// status changes (archive, unarchive, delete) and metadata updates (a new version of a DocumentEntry with other
/// visibility codes, PreviousVersion = the latest).
/// </summary>
public static class UpdateDocumentSet
{
    private const string Rim = DmpNamespaces.Rim;

    /// <summary>A rendered deletion: the submission set (shared writer) and one UpdateAvailabilityStatus per change.</summary>
    public static DmpHttpRequest Deletion(XdsSubmission submission, XmlElement assertion, IReadOnlyList<StatusChange> changes, Uri to, string messageId)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(changes);
        var envelope = SoapEnvelope.Write(DmpNamespaces.UpdateDocumentSetAction, messageId, to, assertion, x =>
            SubmitObjectsRequestWriter.WriteSubmissionSetOnly(x, submission, w => WriteChanges(w, changes)));
        return new DmpHttpRequest(SoapEnvelope.ContentType(DmpNamespaces.UpdateDocumentSetAction), envelope);
    }

    /// <summary>An update built at send time from a submission set taken from an earlier request, renewed (submissionTime, uniqueId).</summary>
    /// <param name="submissionSet">The RegistryPackage to renew.</param>
    /// <param name="assertion">The VIHF.</param>
    /// <param name="changes">Availability status changes.</param>
    /// <param name="newVersions">Metadata updates: the new ExtrinsicObject (with lid) and the version it follows.</param>
    /// <param name="to">The registry endpoint.</param>
    /// <param name="time">submissionTime.</param>
    public static DmpHttpRequest FromSubmissionSet(XmlElement submissionSet, XmlElement assertion, IReadOnlyList<StatusChange> changes, IReadOnlyList<(XmlElement Entry, string PreviousVersion)> newVersions, Uri to, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(submissionSet);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(newVersions);
        var renewed = Renew(submissionSet, time, string.Join('|', changes.Select(c => c.Target + c.NewStatus).Concat(newVersions.Select(v => v.Entry.GetAttribute("lid")))));
        var key = renewed.Uid + "|" + time.UtcTicks.ToString(CultureInfo.InvariantCulture);
        var envelope = SoapEnvelope.Write(DmpNamespaces.UpdateDocumentSetAction, "urn:uuid:" + DerivedIds.Uuid("message|" + key).ToString("D"), to, assertion, x =>
        {
            x.WriteStartElement("lcm", "SubmitObjectsRequest", DmpNamespaces.Lcm);
            x.WriteAttributeString("xmlns", "rim", null, Rim);
            x.WriteStartElement("rim", "RegistryObjectList", Rim);
            renewed.Element.WriteTo(x);
            var n = 0;
            foreach (var (entry, previous) in newVersions)
            {
                entry.WriteTo(x);
                x.WriteStartElement("rim", "Association", Rim);
                x.WriteAttributeString("id", "update-as" + (++n).ToString(CultureInfo.InvariantCulture));
                x.WriteAttributeString("associationType", XdsCodes.HasMember);
                x.WriteAttributeString("sourceObject", renewed.Element.GetAttribute("id"));
                x.WriteAttributeString("targetObject", entry.GetAttribute("id"));
                Slot(x, "SubmissionSetStatus", "Original");
                Slot(x, "PreviousVersion", previous);
                x.WriteEndElement();
            }

            WriteChanges(x, changes);
            x.WriteEndElement();
            x.WriteEndElement();
        });
        return new DmpHttpRequest(SoapEnvelope.ContentType(DmpNamespaces.UpdateDocumentSetAction), envelope);
    }

    /// <summary>
    /// The new version of a registry entry with other confidentiality codes: a copy of the registry's latest version
    /// (every attribute the registry keeps immutable unchanged), a new symbolic id, the same lid, N + <paramref name="visibility"/>.
    /// </summary>
    public static XmlElement NewVersion(XmlElement latest, string newId, IReadOnlyList<(string Code, string Display)> visibility)
    {
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(visibility);
        var d = new XmlDocument { PreserveWhitespace = true };
        var entry = (XmlElement)d.AppendChild(d.ImportNode(latest, deep: true))!;
        var oldId = entry.GetAttribute("id");
        var lid = entry.GetAttribute("lid");
        entry.SetAttribute("id", newId);
        entry.SetAttribute("lid", lid.Length > 0 ? lid : oldId);
        entry.RemoveAttribute("status");
        foreach (var version in entry.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == "VersionInfo").ToList())
        {
            entry.RemoveChild(version);
        }

        var n = 0;
        XmlElement? lastConfidentiality = null;
        foreach (var child in entry.ChildNodes.OfType<XmlElement>().ToList())
        {
            if (child.LocalName is "Classification" or "ExternalIdentifier")
            {
                child.SetAttribute("id", "update-" + child.LocalName[0] + (++n).ToString(CultureInfo.InvariantCulture));
                child.SetAttribute(child.LocalName == "Classification" ? "classifiedObject" : "registryObject", newId);
                child.RemoveAttribute("lid");
                child.RemoveAttribute("status");
                if (child.LocalName == "Classification" && child.GetAttribute("classificationScheme") == XdsCodes.ConfidentialityCode)
                {
                    if (child.GetAttribute("nodeRepresentation") == "N")
                    {
                        lastConfidentiality = child;
                    }
                    else
                    {
                        entry.RemoveChild(child);
                    }
                }
            }
        }

        var anchor = lastConfidentiality ?? throw new InvalidOperationException("the registry entry has no confidentialityCode N");
        foreach (var (code, display) in visibility)
        {
            var c = (XmlElement)anchor.CloneNode(deep: false);
            c.SetAttribute("id", "update-v" + (++n).ToString(CultureInfo.InvariantCulture));
            c.SetAttribute("nodeRepresentation", code);
            c.AppendChild(SlotElement(d, anchor, "codingScheme", XdsCodes.VisibilitySystem));
            var name = (XmlElement)c.AppendChild(d.CreateElement(anchor.Prefix, "Name", Rim))!;
            var localized = (XmlElement)name.AppendChild(d.CreateElement(anchor.Prefix, "LocalizedString", Rim))!;
            localized.SetAttribute("value", display);
            entry.InsertAfter(c, anchor);
            anchor = c;
        }

        return entry;
    }

    private static XmlElement SlotElement(XmlDocument d, XmlElement like, string name, string value)
    {
        var slot = d.CreateElement(like.Prefix, "Slot", Rim);
        slot.SetAttribute("name", name);
        slot.AppendChild(d.CreateElement(like.Prefix, "ValueList", Rim))!.AppendChild(d.CreateElement(like.Prefix, "Value", Rim))!.InnerText = value;
        return slot;
    }

    private static (XmlElement Element, string Uid) Renew(XmlElement submissionSet, DateTimeOffset time, string salt)
    {
        var d = new XmlDocument { PreserveWhitespace = true };
        var copy = (XmlElement)d.AppendChild(d.ImportNode(submissionSet, deep: true))!;
        var ns = new XmlNamespaceManager(d.NameTable);
        ns.AddNamespace("rim", Rim);
        if (copy.SelectSingleNode("rim:Slot[@name='submissionTime']/rim:ValueList/rim:Value", ns) is XmlElement submissionTime)
        {
            submissionTime.InnerText = Hl7Time.Utc(time);
        }

        var uid = copy.SelectSingleNode($"rim:ExternalIdentifier[@identificationScheme='{XdsCodes.SubmissionSetUniqueId}']", ns) as XmlElement
            ?? throw new InvalidOperationException("the submission set has no uniqueId");
        var old = uid.GetAttribute("value");
        var prefix = old.LastIndexOf('.') is var dot and > 0 ? old[..dot] : old;
        var renewed = prefix + "." + DerivedIds.Number(old + "|" + salt + "|" + time.UtcTicks.ToString(CultureInfo.InvariantCulture));
        uid.SetAttribute("value", renewed);
        return (copy, renewed);
    }

    private static void WriteChanges(XmlWriter x, IReadOnlyList<StatusChange> changes)
    {
        for (var i = 0; i < changes.Count; i++)
        {
            x.WriteStartElement("rim", "Association", Rim);
            x.WriteAttributeString("id", "status-as" + (i + 1).ToString(CultureInfo.InvariantCulture));
            x.WriteAttributeString("associationType", XdsCodes.UpdateAvailabilityStatus);
            x.WriteAttributeString("sourceObject", SubmitObjectsRequestWriter.SubmissionSetId);
            x.WriteAttributeString("targetObject", changes[i].Target);
            Slot(x, "OriginalStatus", changes[i].OriginalStatus);
            Slot(x, "NewStatus", changes[i].NewStatus);
            x.WriteEndElement();
        }
    }

    private static void Slot(XmlWriter x, string name, string value)
    {
        x.WriteStartElement("rim", "Slot", Rim);
        x.WriteAttributeString("name", name);
        x.WriteStartElement("rim", "ValueList", Rim);
        x.WriteElementString("rim", "Value", Rim, value);
        x.WriteEndElement();
        x.WriteEndElement();
    }
}
