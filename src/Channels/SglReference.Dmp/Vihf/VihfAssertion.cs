using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using SglReference.Dmp.Soap;
using SglReference.Transport.XmlSignatures;

namespace SglReference.Dmp.Vihf;

/// <summary>
/// The VIHF 3.0 token (a SAML 2.0 assertion for wsse:Security) with the attribute names the official CNAM/GIE
/// examples spell (Authentification_mode...), signed (enveloped, exclusive C14N) with the structure's signature
/// certificate; Issuer is the signer's subject DN (X509SubjectName).
/// </summary>
public static class VihfAssertion
{
    /// <summary>The Secteur_Activite / healthcareFacilityTypeCode system (TRE_R02).</summary>
    public const string SectorSystem = "1.2.250.1.71.4.2.4";

    /// <summary>The attribute carrying the connexion secrète confidentiality.</summary>
    public const string ConfidentialityAttribute = "urn:oasis:names:tc:xspa:1.0:resource:patient:hl7:confidentiality-code";

    /// <summary>The connexion secrète value (the document is hidden from the legal representatives).</summary>
    public const string SecretConnectionValue = "INVISIBLE_REPRESENTANTS_LEGAUX^1.2.250.1.213.1.1.4.13";

    /// <summary>A signed assertion.</summary>
    /// <param name="claims">What it says.</param>
    /// <param name="signer">The structure's signature certificate.</param>
    /// <param name="digest">The signature digest.</param>
    /// <param name="instant">IssueInstant and AuthnInstant.</param>
    /// <param name="id">Its ID (an NCName: "_" + a UUID).</param>
    public static XmlElement Create(VihfClaims claims, X509Certificate2 signer, SignatureDigest digest, DateTimeOffset instant, string id)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(signer);
        var d = new XmlDocument { PreserveWhitespace = true };
        XmlElement S(XmlNode parent, string name) => (XmlElement)parent.AppendChild(d.CreateElement("saml2", name, DmpNamespaces.Saml))!;
        var assertion = (XmlElement)d.AppendChild(d.CreateElement("saml2", "Assertion", DmpNamespaces.Saml))!;
        assertion.SetAttribute("xmlns:xsi", DmpNamespaces.Xsi);
        assertion.SetAttribute("ID", id);
        assertion.SetAttribute("IssueInstant", Instant(instant));
        assertion.SetAttribute("Version", "2.0");
        var issuer = S(assertion, "Issuer");
        issuer.SetAttribute("Format", "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName");
        issuer.InnerText = signer.SubjectName.Name;
        S(S(assertion, "Subject"), "NameID").InnerText = claims.NameId;
        var authn = S(assertion, "AuthnStatement");
        authn.SetAttribute("AuthnInstant", Instant(instant));
        S(S(authn, "AuthnContext"), "AuthnContextClassRef").InnerText = claims.AuthnContext;
        var statement = S(assertion, "AttributeStatement");
        void Simple(string name, string value)
        {
            var attribute = S(statement, "Attribute");
            attribute.SetAttribute("Name", name);
            var v = S(attribute, "AttributeValue");
            v.SetAttribute("xmlns:xs", DmpNamespaces.Xs);
            v.SetAttribute("type", DmpNamespaces.Xsi, "xs:string");
            v.InnerText = value;
        }

        void Coded(string name, string element, IEnumerable<VihfRole> values)
        {
            var attribute = S(statement, "Attribute");
            attribute.SetAttribute("Name", name);
            foreach (var role in values)
            {
                var ce = (XmlElement)S(attribute, "AttributeValue").AppendChild(d.CreateElement(element, DmpNamespaces.Hl7v3))!;
                ce.SetAttribute("code", role.Code);
                ce.SetAttribute("codeSystem", role.CodeSystem);
                ce.SetAttribute("codeSystemName", role.CodeSystemName);
                ce.SetAttribute("displayName", role.DisplayName);
                ce.SetAttribute("type", DmpNamespaces.Xsi, "CE");
            }
        }

        Simple("Identifiant_Structure", claims.StructureId);
        Simple("Secteur_Activite", claims.Sector + "^" + SectorSystem);
        Simple("urn:oasis:names:tc:xspa:1.0:subject:subject-id", claims.SubjectName);
        Coded("urn:oasis:names:tc:xacml:2.0:subject:role", "Role", claims.Roles);
        Simple("VIHF_Version", "3.0");
        Simple("Authentification_mode", claims.AuthenticationMode == DmpAuthenticationMode.IndirecteRenforcee ? "INDIRECTE_RENFORCEE" : "INDIRECTE");
        Simple("urn:oasis:names:tc:xacml:2.0:resource:resource-id", claims.PatientId);
        Simple("Ressource_URN", "urn:dmp");
        Coded("urn:oasis:names:tc:xspa:1.0:subject:purposeofuse", "PurposeOfUse", [new VihfRole("normal", "1.2.250.1.213.1.1.4.248", "mode acces VIHF 2.0", "Accès normal")]);
        Simple("LPS_ID", claims.Lps.Id);
        Simple("LPS_Nom", claims.Lps.Name);
        Simple("LPS_Version", claims.Lps.Version);
        Simple("LPS_ID_HOMOLOGATION_DMP", claims.Lps.Homologation);
        if (claims.Confidentiality is { } confidentiality)
        {
            Simple(ConfidentialityAttribute, confidentiality);
        }

        EnvelopedSignature.Sign(assertion, signer, digest, issuer);
        return assertion;
    }

    /// <summary>
    /// The same assertion issued again (new ID and instants, signed anew with <paramref name="signer"/>): the
    /// TD0.2, ITI-18 and ITI-57 exchanges of a delivery act with the claims of the request they serve.
    /// </summary>
    public static XmlElement Reissue(XmlElement assertion, X509Certificate2 signer, SignatureDigest digest, DateTimeOffset instant, string id)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        ArgumentNullException.ThrowIfNull(signer);
        var d = new XmlDocument { PreserveWhitespace = true };
        var copy = (XmlElement)d.AppendChild(d.ImportNode(assertion, deep: true))!;
        foreach (var signature in copy.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == "Signature" && e.NamespaceURI == SignatureAlgorithms.DsNamespace).ToList())
        {
            copy.RemoveChild(signature);
        }

        copy.SetAttribute("ID", id);
        copy.SetAttribute("IssueInstant", Instant(instant));
        var ns = new XmlNamespaceManager(d.NameTable);
        ns.AddNamespace("saml2", DmpNamespaces.Saml);
        if (copy.SelectSingleNode("saml2:AuthnStatement", ns) is XmlElement authn)
        {
            authn.SetAttribute("AuthnInstant", Instant(instant));
        }

        var issuer = copy.SelectSingleNode("saml2:Issuer", ns) as XmlElement ?? throw new InvalidOperationException("the VIHF has no Issuer");
        issuer.InnerText = signer.SubjectName.Name;
        EnvelopedSignature.Sign(copy, signer, digest, issuer);
        return copy;
    }

    /// <summary>The value of a simple attribute, or null.</summary>
    public static string? Attribute(XmlElement assertion, string name)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var ns = new XmlNamespaceManager(assertion.OwnerDocument.NameTable);
        ns.AddNamespace("saml2", DmpNamespaces.Saml);
        foreach (XmlElement attribute in assertion.SelectNodes("saml2:AttributeStatement/saml2:Attribute", ns)!)
        {
            if (attribute.GetAttribute("Name") == name)
            {
                return attribute.SelectSingleNode("saml2:AttributeValue", ns)?.InnerText;
            }
        }

        return null;
    }

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
