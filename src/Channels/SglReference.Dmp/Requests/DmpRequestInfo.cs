using System.Security.Cryptography;
using System.Xml;
using SglReference.Dmp.Soap;
using SglReference.Xds;

namespace SglReference.Dmp.Requests;

/// <summary>
/// What a rendered DMP request says, read back from its bytes (the sender works from the artifact alone): the
/// transaction, the VIHF and its structure and patient, the submission set, the documents, the RPLC targets and the
/// status changes.
/// </summary>
public sealed class DmpRequestInfo
{
    private DmpRequestInfo(DmpHttpRequest request, XmlDocument envelope, MtomMessage message)
    {
        Request = request;
        Envelope = envelope;
        Message = message;
        var ns = Namespaces(envelope);
        Action = envelope.SelectSingleNode("/s:Envelope/s:Header/wsa:Action", ns)?.InnerText.Trim() ?? string.Empty;
        Assertion = envelope.SelectSingleNode("/s:Envelope/s:Header/wsse:Security/saml2:Assertion", ns) as XmlElement
            ?? throw new FormatException("the request has no VIHF assertion in wsse:Security");
        StructureId = Vihf.VihfAssertion.Attribute(Assertion, "Identifiant_Structure") ?? throw new FormatException("the VIHF has no Identifiant_Structure");
        PatientId = Vihf.VihfAssertion.Attribute(Assertion, "urn:oasis:names:tc:xacml:2.0:resource:resource-id") ?? throw new FormatException("the VIHF has no resource-id");
        var list = envelope.SelectSingleNode("//lcm:SubmitObjectsRequest/rim:RegistryObjectList", ns) ?? throw new FormatException("the request has no SubmitObjectsRequest");
        SubmissionSet = list.SelectSingleNode("rim:RegistryPackage", ns) as XmlElement ?? throw new FormatException("the request has no submission set");
        var documents = new List<(string EntryId, string UniqueId, ReadOnlyMemory<byte> Content)>();
        foreach (XmlElement entry in list.SelectNodes("rim:ExtrinsicObject", ns)!)
        {
            var id = entry.GetAttribute("id");
            var uniqueId = (entry.SelectSingleNode($"rim:ExternalIdentifier[@identificationScheme='{XdsCodes.DocumentUniqueId}']", ns) as XmlElement)?.GetAttribute("value") ?? string.Empty;
            var classCode = (entry.SelectSingleNode($"rim:Classification[@classificationScheme='{XdsCodes.ClassCode}']", ns) as XmlElement)?.GetAttribute("nodeRepresentation");
            if (classCode == "urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1")
            {
                continue;
            }

            ReadOnlyMemory<byte> content = default;
            if (envelope.SelectSingleNode($"//xdsb:Document[@id='{id}']/xop:Include", ns) is XmlElement include
                && message.Parts.TryGetValue(include.GetAttribute("href").Replace("cid:", string.Empty, StringComparison.Ordinal), out var part))
            {
                content = part;
            }

            documents.Add((id, uniqueId, content));
        }

        Documents = documents;
        Replacements = list.SelectNodes($"rim:Association[@associationType='{XdsCodes.Replace}']", ns)!.OfType<XmlElement>()
            .Select(a => (a.GetAttribute("sourceObject"), a.GetAttribute("targetObject"))).ToList();
        StatusChanges = list.SelectNodes($"rim:Association[@associationType='{XdsCodes.UpdateAvailabilityStatus}']", ns)!.OfType<XmlElement>()
            .Select(a => new StatusChange(a.GetAttribute("targetObject"), Slot(a, "OriginalStatus", ns), Slot(a, "NewStatus", ns))).ToList();
    }

    /// <summary>The request as rendered.</summary>
    public DmpHttpRequest Request { get; }

    /// <summary>The SOAP envelope.</summary>
    public XmlDocument Envelope { get; }

    /// <summary>The MTOM parts.</summary>
    public MtomMessage Message { get; }

    /// <summary>wsa:Action.</summary>
    public string Action { get; }

    /// <summary>True for an ITI-41 Provide and Register.</summary>
    public bool IsProvideAndRegister => Action == DmpNamespaces.ProvideAndRegisterAction;

    /// <summary>The VIHF.</summary>
    public XmlElement Assertion { get; }

    /// <summary>The VIHF Identifiant_Structure.</summary>
    public string StructureId { get; }

    /// <summary>The patient (CX of the INS) of the VIHF resource-id.</summary>
    public string PatientId { get; }

    /// <summary>The submission set RegistryPackage.</summary>
    public XmlElement SubmissionSet { get; }

    /// <summary>The CDA document entries (not the signature): symbolic id, uniqueId, bytes (empty for an ITI-57).</summary>
    public IReadOnlyList<(string EntryId, string UniqueId, ReadOnlyMemory<byte> Content)> Documents { get; }

    /// <summary>RPLC associations: new entry → replaced entry (a placeholder to resolve).</summary>
    public IReadOnlyList<(string Source, string Target)> Replacements { get; }

    /// <summary>UpdateAvailabilityStatus associations.</summary>
    public IReadOnlyList<StatusChange> StatusChanges { get; }

    /// <summary>The SHA-1 of a document's bytes in lower-case hex (the XDS hash).</summary>
    public static string Sha1(ReadOnlyMemory<byte> content)
    {
#pragma warning disable CA5350 // the XDS hash slot is SHA-1 (ITI TF-3 4.2.3.2.11): an integrity check, not a signature.
        return Convert.ToHexStringLower(SHA1.HashData(content.Span));
#pragma warning restore CA5350
    }

    /// <summary>Reads a request; throws <see cref="FormatException"/> when it is not a DMP request.</summary>
    public static DmpRequestInfo Read(DmpHttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = Mtom.Read(request.ContentType, request.Body);
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(message.Envelope.ToArray()), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FormatException("the SOAP envelope is not XML: " + ex.Message, ex);
        }

        return new DmpRequestInfo(request, document, message);
    }

    /// <summary>The namespaces the DMP requests use, with their usual prefixes.</summary>
    public static XmlNamespaceManager Namespaces(XmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var ns = new XmlNamespaceManager(document.NameTable);
        ns.AddNamespace("s", DmpNamespaces.Soap12);
        ns.AddNamespace("wsa", DmpNamespaces.Addressing);
        ns.AddNamespace("wsse", DmpNamespaces.Wsse);
        ns.AddNamespace("saml2", DmpNamespaces.Saml);
        ns.AddNamespace("lcm", DmpNamespaces.Lcm);
        ns.AddNamespace("rim", DmpNamespaces.Rim);
        ns.AddNamespace("rs", DmpNamespaces.Rs);
        ns.AddNamespace("query", DmpNamespaces.Query);
        ns.AddNamespace("xdsb", DmpNamespaces.Xdsb);
        ns.AddNamespace("xop", DmpNamespaces.Xop);
        ns.AddNamespace("hl7", DmpNamespaces.Hl7v3);
        return ns;
    }

    private static string Slot(XmlElement element, string name, XmlNamespaceManager ns) =>
        element.SelectSingleNode($"rim:Slot[@name='{name}']/rim:ValueList/rim:Value", ns)?.InnerText.Trim() ?? string.Empty;
}
