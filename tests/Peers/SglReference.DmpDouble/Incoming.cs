using System.Security.Cryptography.X509Certificates;
using System.Xml;
using MimeKit;
using SglReference.Transport.XmlSignatures;

namespace SglReference.DmpDouble;

/// <summary>A request past the transport, MTOM, SOAP 1.2, addressing and VIHF checks.</summary>
internal sealed class Incoming
{
    public required XmlDocument Envelope { get; init; }
    public required XmlNamespaceManager Ns { get; init; }
    public required string Action { get; init; }
    public required string? MessageId { get; init; }
    public required XmlElement Assertion { get; init; }
    public required Dictionary<string, string> Vihf { get; init; }
    public required string PatientKey { get; init; }
    public required string PatientMatricule { get; init; }
    public required string StructureId { get; init; }
    public required string NameId { get; init; }
    public required X509Certificate2 VihfSigner { get; init; }
    public required Dictionary<string, byte[]> Parts { get; init; }
    public required X509Certificate2 ClientCertificate { get; init; }
    public string? Confidentiality => Vihf.GetValueOrDefault("urn:oasis:names:tc:xspa:1.0:resource:patient:hl7:confidentiality-code");
    public XmlElement Body => (XmlElement)Envelope.SelectSingleNode("/soap:Envelope/soap:Body/*", Ns)!;

    /// <summary>CX.1 | CX.4 authority of an HL7 CX value, or null.</summary>
    public static string? PatientKeyOf(string cx, out string matricule, out string type)
    {
        var c = cx.Split('^');
        matricule = c[0];
        type = c.Length > 4 ? c[4] : string.Empty;
        var authority = c.Length > 3 ? c[3].Split('&') : [];
        return c[0].Length == 0 || authority.Length < 2 || authority[1].Length == 0 ? null : c[0] + "|" + authority[1];
    }

    public static Incoming Read(string contentType, byte[] body, string expectedAction, Uri endpoint, X509Certificate2 client, DoubleOptions options, Verdicts verdicts)
    {
        if (!ContentType.TryParse(contentType, out var type))
        {
            throw new FaultException("Sender", "InvalidMessage", "Content-Type illisible");
        }

        byte[] envelopeBytes;
        var parts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (expectedAction == Actions.ProvideAndRegister)
        {
            if (!type.IsMimeType("multipart", "related") || type.Parameters["type"] != "application/xop+xml" || type.Parameters["start-info"] != "application/soap+xml" || type.Parameters["start"] is null)
            {
                throw new FaultException("Sender", "InvalidMessage", "MTOM requis : multipart/related; type=\"application/xop+xml\"; start=...; start-info=\"application/soap+xml\"");
            }

            var entity = MimeEntity.Load(type, new MemoryStream(body));
            if (entity is not Multipart multipart)
            {
                throw new FaultException("Sender", "InvalidMessage", "corps multipart illisible");
            }

            var start = type.Parameters["start"]!.Trim('<', '>');
            byte[]? root = null;
            foreach (var part in multipart.OfType<MimePart>())
            {
                using var content = new MemoryStream();
                part.Content?.DecodeTo(content);
                if (part.ContentId == start)
                {
                    if (!part.ContentType.IsMimeType("application", "xop+xml") || part.ContentType.Parameters["type"] != "application/soap+xml")
                    {
                        throw new FaultException("Sender", "InvalidMessage", "la partie racine doit être application/xop+xml; type=\"application/soap+xml\"");
                    }

                    root = content.ToArray();
                }
                else if (part.ContentId is null || !parts.TryAdd(part.ContentId, content.ToArray()))
                {
                    throw new FaultException("Sender", "InvalidMessage", "partie MIME sans Content-ID ou Content-ID en double");
                }
            }

            envelopeBytes = root ?? throw new FaultException("Sender", "InvalidMessage", "la partie racine (start) est absente");
        }
        else
        {
            if (!type.IsMimeType("application", "soap+xml"))
            {
                throw new FaultException("Sender", "InvalidMessage", "application/soap+xml requis");
            }

            envelopeBytes = body;
        }

        var envelope = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(envelopeBytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            envelope.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FaultException("Sender", "InvalidMessage", "XML mal formé : " + ex.Message);
        }

        if (envelope.DocumentElement?.LocalName == "Envelope" && envelope.DocumentElement.NamespaceURI == Soap.Soap11)
        {
            throw new FaultException("VersionMismatch", null, "SOAP 1.2 requis");
        }

        if (envelope.DocumentElement?.LocalName != "Envelope" || envelope.DocumentElement.NamespaceURI != Soap.Env)
        {
            throw new FaultException("Sender", "InvalidMessage", "enveloppe SOAP 1.2 attendue");
        }

        var ns = new XmlNamespaceManager(envelope.NameTable);
        ns.AddNamespace("soap", Soap.Env);
        ns.AddNamespace("wsa", Soap.Wsa);
        ns.AddNamespace("wsse", Soap.Wsse);
        ns.AddNamespace("saml2", Soap.Saml);
        ns.AddNamespace("rim", Soap.Rim);
        ns.AddNamespace("lcm", Soap.Lcm);
        ns.AddNamespace("query", Soap.Query);
        ns.AddNamespace("xdsb", Soap.Xdsb);
        ns.AddNamespace("xop", Soap.Xop);
        ns.AddNamespace("hl7", Soap.Hl7);

        // WS-Addressing
        var actionElement = envelope.SelectSingleNode("/soap:Envelope/soap:Header/wsa:Action", ns) as XmlElement
            ?? throw new FaultException("Sender", "wsa:MessageAddressingHeaderRequired", "wsa:Action absent");
        if (actionElement.GetAttribute("mustUnderstand", Soap.Env) is not ("true" or "1"))
        {
            throw new FaultException("Sender", "wsa:InvalidAddressingHeader", "wsa:Action doit porter soap:mustUnderstand=\"true\"");
        }

        var action = actionElement.InnerText.Trim();
        if (action != expectedAction)
        {
            throw new FaultException("Sender", "wsa:ActionNotSupported", $"action {action} non supportée par ce service");
        }

        var messageId = envelope.SelectSingleNode("/soap:Envelope/soap:Header/wsa:MessageID", ns)?.InnerText.Trim();
        if (messageId is null || !messageId.StartsWith("urn:uuid:", StringComparison.Ordinal) || !Guid.TryParse(messageId[9..], out _))
        {
            throw new FaultException("Sender", "wsa:InvalidAddressingHeader", "wsa:MessageID urn:uuid requis");
        }

        var to = envelope.SelectSingleNode("/soap:Envelope/soap:Header/wsa:To", ns)?.InnerText.Trim();
        if (to is null || !Uri.TryCreate(to, UriKind.Absolute, out var toUri) || !string.Equals(toUri.AbsolutePath.TrimEnd('/'), endpoint.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal) || toUri.Port != endpoint.Port)
        {
            throw new FaultException("Sender", "wsa:InvalidAddressingHeader", "wsa:To doit être l'adresse du service appelé");
        }

        // VIHF
        var assertion = envelope.SelectSingleNode("/soap:Envelope/soap:Header/wsse:Security/saml2:Assertion", ns) as XmlElement
            ?? throw new FaultException("Sender", "wsse:InvalidSecurity", "jeton VIHF absent de wsse:Security");
        var check = EnvelopedSignature.Verify(assertion);
        verdicts.Vihf = check.IsValid;
        if (!check.IsValid || check.Signer is null)
        {
            throw new FaultException("Sender", "wsse:FailedCheck", "signature du VIHF invalide : " + check.Problem);
        }

        var signer = check.Signer;
        if (signer.Thumbprint == client.Thumbprint)
        {
            throw new FaultException("Sender", "DMPInvalidCertificate", "le VIHF est signé avec le certificat d'authentification");
        }

        if (!options.Trusts(signer))
        {
            throw new FaultException("Sender", "DMPInvalidCertificate", "certificat de signature du VIHF non reconnu");
        }

        var issuer = assertion.SelectSingleNode("saml2:Issuer", ns)?.InnerText.Trim() ?? string.Empty;
        if (!ManifestSignature.SameName(issuer, signer.SubjectName))
        {
            throw new FaultException("Sender", "wsse:InvalidSecurityToken", "VIHF : Issuer n'est pas le DN du signataire");
        }

        var nameId = assertion.SelectSingleNode("saml2:Subject/saml2:NameID", ns)?.InnerText.Trim() ?? string.Empty;
        if (nameId.Length != 12 || nameId[0] != '8' || !nameId.All(char.IsAsciiDigit))
        {
            throw new FaultException("Sender", "wsse:InvalidSecurityToken", "VIHF : NameID doit être un IDNPS (8 + RPPS)");
        }

        var vihf = new Dictionary<string, string>(StringComparer.Ordinal);
        var roles = new List<XmlElement>();
        XmlElement? purpose = null;
        foreach (XmlElement attribute in assertion.SelectNodes("saml2:AttributeStatement/saml2:Attribute", ns)!)
        {
            var name = attribute.GetAttribute("Name");
            var values = attribute.SelectNodes("saml2:AttributeValue", ns)!.OfType<XmlElement>().ToList();
            if (name == "urn:oasis:names:tc:xacml:2.0:subject:role")
            {
                roles.AddRange(values.Select(v => v.SelectSingleNode("hl7:Role", ns) as XmlElement).OfType<XmlElement>());
            }
            else if (name == "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse")
            {
                purpose = values.FirstOrDefault()?.SelectSingleNode("hl7:PurposeOfUse", ns) as XmlElement;
            }
            else if (values.Count == 1)
            {
                vihf[name] = values[0].InnerText.Trim();
            }
        }

        string Required(string name) => vihf.TryGetValue(name, out var v) && v.Length > 0 ? v : throw new FaultException("Sender", "wsse:InvalidSecurityToken", $"VIHF : attribut {name} absent");
        if (Required("VIHF_Version") != "3.0")
        {
            throw new FaultException("Sender", "wsse:InvalidSecurityToken", "VIHF : VIHF_Version 3.0 attendu");
        }

        var mode = Required("Authentification_mode");
        if (mode is not ("DIRECTE" or "INDIRECTE" or "INDIRECTE_RENFORCEE"))
        {
            throw new FaultException("Sender", "wsse:InvalidSecurityToken", "VIHF : Authentification_mode inconnu");
        }

        var structure = Required("Identifiant_Structure");
        if (!options.Structures.Contains(structure))
        {
            throw new FaultException("Sender", "wsse:InvalidSecurityToken", "VIHF : structure inconnue");
        }

        if (mode != "DIRECTE" && OrganizationalUnit(signer) != structure)
        {
            throw new FaultException("Sender", "wsse:InvalidSecurityToken", "VIHF : Identifiant_Structure doit être l'OU du certificat de signature (mode indirect)");
        }

        var sector = Required("Secteur_Activite");
        if (!sector.EndsWith("^1.2.250.1.71.4.2.4", StringComparison.Ordinal) || !sector.StartsWith("SA", StringComparison.Ordinal))
        {
            throw new FaultException("Sender", "wsse:InvalidSecurityToken", "VIHF : Secteur_Activite SAnn^1.2.250.1.71.4.2.4 attendu");
        }

        if (Required("Ressource_URN") != "urn:dmp")
        {
            throw new FaultException("Sender", "wsse:InvalidSecurityToken", "VIHF : Ressource_URN urn:dmp attendu");
        }

        if (mode != "DIRECTE")
        {
            Required("urn:oasis:names:tc:xspa:1.0:subject:subject-id");
        }

        foreach (var lps in new[] { "LPS_ID", "LPS_Nom", "LPS_Version", "LPS_ID_HOMOLOGATION_DMP" })
        {
            Required(lps);
        }

        if (purpose is null || purpose.GetAttribute("code") != "normal" || purpose.GetAttribute("codeSystem") != "1.2.250.1.213.1.1.4.248")
        {
            throw new FaultException("Sender", "wsse:InvalidSecurityToken", "VIHF : purposeofuse normal (1.2.250.1.213.1.1.4.248) attendu");
        }

        if (roles.Count != 2 || roles[0].GetAttribute("codeSystem") != "1.2.250.1.71.1.2.7" || roles[1].GetAttribute("codeSystem") != "1.2.250.1.71.4.2.5" || roles.Any(r => r.GetAttribute("code").Length == 0))
        {
            throw new FaultException("Sender", "wsse:InvalidSecurityToken", "VIHF : role doit porter la profession (1.2.250.1.71.1.2.7) puis la spécialité (1.2.250.1.71.4.2.5)");
        }

        var resource = Required("urn:oasis:names:tc:xacml:2.0:resource:resource-id");
        var key = PatientKeyOf(resource, out var matricule, out var cxType);
        if (key is null || cxType != "NH" || !Ins.Oids.Contains(key.Split('|')[1]))
        {
            throw new FaultException("Sender", "wsse:InvalidSecurityToken", "VIHF : resource-id doit être un INS (CX ^NH)");
        }

        if (vihf.TryGetValue("urn:oasis:names:tc:xspa:1.0:resource:patient:hl7:confidentiality-code", out var confidentiality) && confidentiality != "INVISIBLE_REPRESENTANTS_LEGAUX^1.2.250.1.213.1.1.4.13")
        {
            throw new FaultException("Sender", "wsse:InvalidSecurityToken", "VIHF : seul INVISIBLE_REPRESENTANTS_LEGAUX est géré en confidentiality-code");
        }

        return new Incoming
        {
            Envelope = envelope, Ns = ns, Action = action, MessageId = messageId, Assertion = assertion, Vihf = vihf,
            PatientKey = key, PatientMatricule = matricule, StructureId = structure, NameId = nameId, VihfSigner = signer, Parts = parts, ClientCertificate = client,
        };
    }

    public static string? OrganizationalUnit(X509Certificate2 certificate)
    {
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.GetSingleElementType().Value == "2.5.4.11")
            {
                return rdn.GetSingleElementValue();
            }
        }

        return null;
    }
}

/// <summary>The double's signature verdicts on one request, for the cross-check with xml-crypto.</summary>
internal sealed class Verdicts
{
    public bool? Vihf { get; set; }

    public bool? Xades { get; set; }

    public bool? Manifest { get; set; }
}

internal static class Actions
{
    public const string ProvideAndRegister = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b";
    public const string Update = "urn:ihe:iti:2010:UpdateDocumentSet";
    public const string Query = "urn:ihe:iti:2007:RegistryStoredQuery";
    public const string Patient = "urn:hl7-org:v3:PRPA_IN201307UV02";
}

internal static class Ins
{
    public static readonly HashSet<string> Oids = new(StringComparer.Ordinal) { "1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.11" };
}
