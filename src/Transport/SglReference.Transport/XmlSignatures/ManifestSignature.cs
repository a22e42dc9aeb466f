using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;

namespace SglReference.Transport.XmlSignatures;

/// <summary>
/// The IHE Document Digital Signature (DSG) of an XDS submission set, XAdES 1.1.1 form as the DMP takes it: an
/// enveloping ds:Signature whose SignedInfo (C14N with comments) references the <c>IHEManifest</c> (a ds:Manifest
/// over the submission set, with the placeholder digest AA==, and over each document) and the XAdES
/// SignedProperties (signing time, signing certificate digest and issuer/serial, implied policy); a
/// SignatureProperty gives the purpose of signature (1.2.840.10065.1.12.1.14, source).
/// </summary>
public static class ManifestSignature
{
    /// <summary>XAdES 1.1.1 namespace.</summary>
    public const string XadesNamespace = "http://uri.etsi.org/01903/v1.1.1#";

    /// <summary>Id of the manifest object.</summary>
    public const string ManifestId = "IHEManifest";

    /// <summary>Id of the XAdES SignedProperties.</summary>
    public const string SignedPropertiesId = "S0-SignedProperties";

    /// <summary>The purpose of signature: ASTM E1762 « Source ».</summary>
    public const string PurposeOfSignature = "1.2.840.10065.1.12.1.14";

    /// <summary>Type of the Reference to a Manifest.</summary>
    public const string ManifestType = "http://www.w3.org/2000/09/xmldsig#Manifest";

    /// <summary>Type of the Reference to the SignedProperties.</summary>
    public const string SignedPropertiesType = "http://uri.etsi.org/01903/v1.1.1#SignedProperties";

    /// <summary>The digest the submission set reference carries (one zero byte: the submission set is metadata, not a byte stream).</summary>
    public const string SubmissionSetPlaceholderDigest = "AA==";

    private const string Ds = SignatureAlgorithms.DsNamespace;

    /// <summary>The signature document (UTF-8, with an XML declaration), deterministic for a given request.</summary>
    /// <remarks>
    /// Written directly: the digests are taken over the C14N forms of the Manifest and SignedProperties (as
    /// <see cref="SignedXml"/> takes them in the final signature's namespace context) and of the SignedInfo, which is
    /// signed with RSA PKCS#1 v1.5, the bytes being those <see cref="SignedXml"/> and <see cref="XmlWriter"/> write. A
    /// value that would need escaping falls back to <see cref="SignedXml"/>.
    /// </remarks>
    public static byte[] Create(ManifestSignatureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var certificate = request.Certificate;
        var issuer = certificate.IssuerName.Name;
        if (!Plain(request.SignatureId) || !Plain(request.SubmissionSetUniqueId) || !Plain(issuer) || request.Documents.Any(d => !Plain(d.UniqueId)))
        {
            return CreateWithSignedXml(request);
        }

        using var key = certificate.GetRSAPrivateKey() ?? throw new CryptographicException("the signing certificate has no RSA private key");
        var digestUri = SignatureAlgorithms.DigestUri(request.Digest);
        var id = request.SignatureId;

        // The Manifest: the same references in both forms (C14N writes empty elements as start-end pairs and the
        // in-scope default namespace on the apex).
        var references = new (string Uri, bool Canonicalize, string Value)[request.Documents.Count + 1];
        references[0] = ("urn:oid:" + request.SubmissionSetUniqueId, false, SubmissionSetPlaceholderDigest);
        for (var i = 0; i < request.Documents.Count; i++)
        {
            var document = request.Documents[i];
            references[i + 1] = ("urn:oid:" + document.UniqueId, document.Canonicalize, Convert.ToBase64String(DocumentDigest(document.Content, document.Canonicalize, request.Digest)));
        }

        string ManifestXml(bool canonical)
        {
            var b = new StringBuilder(512 * references.Length);
            b.Append(canonical ? "<Manifest xmlns=\"" + Ds + "\" Id=\"" : "<Manifest Id=\"").Append(ManifestId).Append("\">");
            foreach (var (uri, canonicalize, value) in references)
            {
                b.Append("<Reference URI=\"").Append(uri).Append("\">");
                if (canonicalize)
                {
                    b.Append("<Transforms>");
                    Empty(b, canonical, "Transform", SignatureAlgorithms.C14NWithComments);
                    b.Append("</Transforms>");
                }

                Empty(b, canonical, "DigestMethod", digestUri);
                b.Append("<DigestValue>").Append(value).Append("</DigestValue></Reference>");
            }

            return b.Append("</Manifest>").ToString();
        }

        var signingTime = request.SigningTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        var certDigest = Convert.ToBase64String(SignatureAlgorithms.Hash(request.Digest, certificate.RawData));
        var serial = Serial(certificate);
        string SignedPropertiesXml(bool canonical)
        {
            var b = new StringBuilder(1024);
            b.Append(canonical ? "<SignedProperties xmlns=\"" + XadesNamespace + "\" Id=\"" : "<SignedProperties Id=\"").Append(SignedPropertiesId).Append("\">");
            b.Append("<SignedSignatureProperties><SigningTime>").Append(signingTime).Append("</SigningTime><SigningCertificate><Cert><CertDigest>");
            Empty(b, canonical, "DigestMethod", digestUri);
            b.Append("<DigestValue>").Append(certDigest).Append("</DigestValue></CertDigest><IssuerSerial>");
            b.Append("<X509IssuerName xmlns=\"").Append(Ds).Append("\">").Append(issuer).Append("</X509IssuerName>");
            b.Append("<X509SerialNumber xmlns=\"").Append(Ds).Append("\">").Append(serial).Append("</X509SerialNumber>");
            b.Append("</IssuerSerial></Cert></SigningCertificate><SignaturePolicyIdentifier>");
            b.Append(canonical ? "<SignaturePolicyImplied></SignaturePolicyImplied>" : "<SignaturePolicyImplied />");
            b.Append("</SignaturePolicyIdentifier></SignedSignatureProperties>");
            b.Append(canonical ? "<SignedDataObjectProperties></SignedDataObjectProperties>" : "<SignedDataObjectProperties />");
            return b.Append("</SignedProperties>").ToString();
        }

        var manifestDigest = Convert.ToBase64String(Digest(request.Digest, ManifestXml(canonical: true)));
        var propertiesDigest = Convert.ToBase64String(Digest(request.Digest, SignedPropertiesXml(canonical: true)));
        string SignedInfoXml(bool canonical)
        {
            var b = new StringBuilder(1024);
            b.Append(canonical ? "<SignedInfo xmlns=\"" + Ds + "\">" : "<SignedInfo>");
            Empty(b, canonical, "CanonicalizationMethod", SignatureAlgorithms.C14NWithComments);
            Empty(b, canonical, "SignatureMethod", SignatureAlgorithms.SignatureUri(request.Digest));
            foreach (var (uri, type, value) in new[] { ("#" + ManifestId, ManifestType, manifestDigest), ("#" + SignedPropertiesId, SignedPropertiesType, propertiesDigest) })
            {
                // C14N sorts the attributes (Type before URI); SignedXml writes URI first.
                b.Append(canonical ? $"<Reference Type=\"{type}\" URI=\"{uri}\">" : $"<Reference URI=\"{uri}\" Type=\"{type}\">");
                Empty(b, canonical, "DigestMethod", digestUri);
                b.Append("<DigestValue>").Append(value).Append("</DigestValue></Reference>");
            }

            return b.Append("</SignedInfo>").ToString();
        }

        var signatureValue = key.SignData(Encoding.UTF8.GetBytes(SignedInfoXml(canonical: true)), SignatureAlgorithms.HashName(request.Digest), RSASignaturePadding.Pkcs1);
        var output = new StringBuilder(8192);
        output.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?><Signature Id=\"").Append(id).Append("\" xmlns=\"").Append(Ds).Append("\">");
        output.Append(SignedInfoXml(canonical: false));
        output.Append("<SignatureValue>").Append(Convert.ToBase64String(signatureValue)).Append("</SignatureValue>");
        output.Append("<KeyInfo><X509Data><X509Certificate>").Append(Convert.ToBase64String(certificate.RawData)).Append("</X509Certificate></X509Data></KeyInfo>");
        output.Append("<Object>").Append(ManifestXml(canonical: false)).Append("</Object>");
        output.Append("<Object><SignatureProperties><SignatureProperty Id=\"purposeOfSignature\" Target=\"#").Append(id).Append("\">").Append(PurposeOfSignature).Append("</SignatureProperty></SignatureProperties></Object>");
        output.Append("<Object><QualifyingProperties Target=\"#").Append(id).Append("\" xmlns=\"").Append(XadesNamespace).Append("\">").Append(SignedPropertiesXml(canonical: false)).Append("</QualifyingProperties></Object>");
        output.Append("</Signature>");
        return Encoding.UTF8.GetBytes(output.ToString());
    }

    /// <summary>An empty element with one Algorithm attribute, as C14N or <see cref="XmlWriter"/> writes it.</summary>
    private static void Empty(StringBuilder b, bool canonical, string name, string algorithm)
    {
        b.Append('<').Append(name).Append(" Algorithm=\"").Append(algorithm);
        if (canonical)
        {
            b.Append("\"></").Append(name).Append('>');
        }
        else
        {
            b.Append("\" />");
        }
    }

    private static byte[] Digest(SignatureDigest digest, string canonical) => SignatureAlgorithms.Hash(digest, Encoding.UTF8.GetBytes(canonical));

    /// <summary>True when <paramref name="value"/> reads the same in C14N and as written by <see cref="XmlWriter"/>, text or attribute: no markup character, no control, no surrogate.</summary>
    private static bool Plain(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or '<' or '>' or '&' or '"' or (>= '\u007f' and < '\u00a0') or (>= '\ud800' and <= '\udfff') or '\ufffe' or '\uffff')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The same document through <see cref="SignedXml"/> (values that would need escaping or are not plain XML text).</summary>
    private static byte[] CreateWithSignedXml(ManifestSignatureRequest request)
    {
        using var key = request.Certificate.GetRSAPrivateKey() ?? throw new CryptographicException("the signing certificate has no RSA private key");

        // The objects are built under a scaffold with the namespace context they will have in the final signature
        // (Signature xmlns=ds / Object), so that their digests at signing equal those at verification.
        var scaffold = new XmlDocument { PreserveWhitespace = true };
        var root = scaffold.AppendChild(scaffold.CreateElement("Signature", Ds))!;
        XmlElement Object(XmlElement content)
        {
            var o = (XmlElement)root.AppendChild(scaffold.CreateElement("Object", Ds))!;
            o.AppendChild(content);
            return o;
        }

        var manifest = Object(Manifest(scaffold, request));
        var properties = Object(SignatureProperties(scaffold, request.SignatureId));
        var qualifying = Object(QualifyingProperties(scaffold, request));

        var signed = new IdResolvingSignedXml(scaffold) { SigningKey = key };
        signed.Signature.Id = request.SignatureId;
        signed.SignedInfo!.CanonicalizationMethod = SignatureAlgorithms.C14NWithComments;
        signed.SignedInfo.SignatureMethod = SignatureAlgorithms.SignatureUri(request.Digest);
        foreach (var o in new[] { manifest, properties, qualifying })
        {
            signed.AddObject(new DataObject { Data = o.ChildNodes });
        }

        signed.AddReference(new Reference("#" + ManifestId) { Type = ManifestType, DigestMethod = SignatureAlgorithms.DigestUri(request.Digest) });
        signed.AddReference(new Reference("#" + SignedPropertiesId) { Type = SignedPropertiesType, DigestMethod = SignatureAlgorithms.DigestUri(request.Digest) });
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(request.Certificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        return Serialize(signed.GetXml());
    }

    /// <summary>The digest value of a document for its manifest reference (the canonical form streamed into the hash).</summary>
    public static byte[] DocumentDigest(ReadOnlyMemory<byte> content, bool canonicalize, SignatureDigest digest)
    {
        if (!canonicalize)
        {
            return SignatureAlgorithms.Hash(digest, content.Span);
        }

        using var hash = IncrementalHash.CreateHash(SignatureAlgorithms.HashName(digest));
        StreamingCanonicalizer.Canonicalize(content, hash.AppendData);
        return hash.GetHashAndReset();
    }

    /// <summary>Inclusive C14N with comments of an XML document; throws <see cref="XmlException"/> when it is not XML or has a DTD.</summary>
    public static byte[] Canonical(ReadOnlyMemory<byte> xml)
    {
        var output = new ArrayBufferWriter<byte>(xml.Length + 1024);
        StreamingCanonicalizer.Canonicalize(xml, output.Write);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Checks a signature document: core validation with the certificate it carries, the two SignedInfo references,
    /// the XAdES properties (QualifyingProperties and purpose targets, CertDigest and IssuerSerial of the signer), and
    /// each manifest reference: the submission set's placeholder, and every other one against
    /// <paramref name="documentByUniqueId"/> (null: not a submitted document). Trust in the signer is the caller's.
    /// </summary>
    public static ManifestSignatureCheck Verify(ReadOnlyMemory<byte> signatureDocument, string submissionSetUniqueId, Func<string, ReadOnlyMemory<byte>?> documentByUniqueId)
    {
        ArgumentNullException.ThrowIfNull(documentByUniqueId);
        XmlDocument document;
        try
        {
            document = Load(signatureDocument);
        }
        catch (XmlException ex)
        {
            return new ManifestSignatureCheck(SignatureCheck.Invalid("the signature document is not XML: " + ex.Message), null, [], "not XML");
        }

        var signature = document.DocumentElement;
        if (signature is null || signature.LocalName != "Signature" || signature.NamespaceURI != Ds)
        {
            return new ManifestSignatureCheck(SignatureCheck.Invalid("the signature document is not a ds:Signature"), null, [], "not a ds:Signature");
        }

        var id = signature.GetAttribute("Id");
        var ns = new XmlNamespaceManager(document.NameTable);
        ns.AddNamespace("ds", Ds);
        ns.AddNamespace("xa", XadesNamespace);
        var core = Core(document, signature);
        var problem = Structure(signature, ns, id, core.Signer);
        var references = new List<ManifestReferenceCheck>();
        foreach (XmlElement reference in signature.SelectNodes("ds:Object/ds:Manifest[@Id='" + ManifestId + "']/ds:Reference", ns)!)
        {
            references.Add(CheckReference(reference, ns, submissionSetUniqueId, documentByUniqueId));
        }

        if (references.Count == 0)
        {
            problem ??= "the IHEManifest has no Reference";
        }

        return new ManifestSignatureCheck(core, id.Length == 0 ? null : id, references, problem);
    }

    private static SignatureCheck Core(XmlDocument document, XmlElement signature)
    {
        X509Certificate2? signer = null;
        try
        {
            var signed = new IdResolvingSignedXml(document);
            signed.LoadXml(signature);
            signer = EnvelopedSignature.Certificate(signed.KeyInfo);
            if (signer is null)
            {
                return SignatureCheck.Invalid("no X509Certificate in KeyInfo");
            }

            var uris = signed.SignedInfo!.References.OfType<Reference>().Select(r => (r.Uri, r.Type)).ToList();
            if (uris.Count != 2 || !uris.Contains(("#" + ManifestId, ManifestType)) || !uris.Contains(("#" + SignedPropertiesId, SignedPropertiesType)))
            {
                return SignatureCheck.Invalid("SignedInfo must reference #IHEManifest (Manifest) and #S0-SignedProperties (SignedProperties)", signer);
            }

            if (signed.SignedInfo.CanonicalizationMethod != SignatureAlgorithms.C14NWithComments)
            {
                return SignatureCheck.Invalid("SignedInfo must be canonicalized with C14N with comments", signer);
            }

            return signed.CheckSignature(signer, verifySignatureOnly: true)
                ? new SignatureCheck(true, signer, null)
                : SignatureCheck.Invalid("the signature value or a SignedInfo digest does not match", signer);
        }
        catch (CryptographicException ex)
        {
            return SignatureCheck.Invalid("malformed signature: " + ex.Message, signer);
        }
    }

    private static string? Structure(XmlElement signature, XmlNamespaceManager ns, string id, X509Certificate2? signer)
    {
        if (id.Length == 0)
        {
            return "ds:Signature has no Id";
        }

        var purpose = signature.SelectSingleNode("ds:Object/ds:SignatureProperties/ds:SignatureProperty[@Id='purposeOfSignature']", ns) as XmlElement;
        if (purpose is null || purpose.GetAttribute("Target") != "#" + id || purpose.InnerText.Trim() != PurposeOfSignature)
        {
            return "SignatureProperty purposeOfSignature must target the signature and read " + PurposeOfSignature;
        }

        var qualifying = signature.SelectSingleNode("ds:Object/xa:QualifyingProperties", ns) as XmlElement;
        if (qualifying is null || qualifying.GetAttribute("Target") != "#" + id)
        {
            return "xades:QualifyingProperties must target the signature";
        }

        var cert = qualifying.SelectSingleNode("xa:SignedProperties[@Id='" + SignedPropertiesId + "']/xa:SignedSignatureProperties/xa:SigningCertificate/xa:Cert", ns);
        if (cert is null || signer is null)
        {
            return "xades:SigningCertificate/Cert is missing";
        }

        if (qualifying.SelectSingleNode("xa:SignedProperties/xa:SignedSignatureProperties/xa:SigningTime", ns) is null)
        {
            return "xades:SigningTime is missing";
        }

        var method = SignatureAlgorithms.FromDigestUri((cert.SelectSingleNode("xa:CertDigest/xa:DigestMethod", ns) as XmlElement)?.GetAttribute("Algorithm"));
        var value = cert.SelectSingleNode("xa:CertDigest/xa:DigestValue", ns)?.InnerText.Trim();
        if (method is null || value != Convert.ToBase64String(SignatureAlgorithms.Hash(method.Value, signer.RawData)))
        {
            return "xades:CertDigest is not the digest of the signing certificate";
        }

        var serial = cert.SelectSingleNode("xa:IssuerSerial/ds:X509SerialNumber", ns)?.InnerText.Trim();
        var issuer = cert.SelectSingleNode("xa:IssuerSerial/ds:X509IssuerName", ns)?.InnerText.Trim();
        if (serial != Serial(signer) || issuer is null || !SameName(issuer, signer.IssuerName))
        {
            return "xades:IssuerSerial does not name the signing certificate";
        }

        return null;
    }

    private static ManifestReferenceCheck CheckReference(XmlElement reference, XmlNamespaceManager ns, string submissionSetUniqueId, Func<string, ReadOnlyMemory<byte>?> documentByUniqueId)
    {
        var uri = reference.GetAttribute("URI");
        var value = reference.SelectSingleNode("ds:DigestValue", ns)?.InnerText.Trim();
        if (!uri.StartsWith("urn:oid:", StringComparison.Ordinal))
        {
            return new ManifestReferenceCheck(uri, false, $"manifest reference {uri} is not urn:oid:");
        }

        var uniqueId = uri["urn:oid:".Length..];
        if (uniqueId == submissionSetUniqueId)
        {
            return value == SubmissionSetPlaceholderDigest
                ? new ManifestReferenceCheck(uri, true, null)
                : new ManifestReferenceCheck(uri, false, "the submission set reference must carry the placeholder digest AA==");
        }

        if (documentByUniqueId(uniqueId) is not { } content)
        {
            return new ManifestReferenceCheck(uri, false, $"manifest reference {uri} is not a document of the submission set");
        }

        var method = SignatureAlgorithms.FromDigestUri((reference.SelectSingleNode("ds:DigestMethod", ns) as XmlElement)?.GetAttribute("Algorithm"));
        if (method is null)
        {
            return new ManifestReferenceCheck(uri, false, $"manifest reference {uri}: unsupported digest method");
        }

        var transforms = reference.SelectNodes("ds:Transforms/ds:Transform", ns)!.OfType<XmlElement>().Select(t => t.GetAttribute("Algorithm")).ToList();
        if (transforms.Any(t => t != SignatureAlgorithms.C14NWithComments))
        {
            return new ManifestReferenceCheck(uri, false, $"manifest reference {uri}: unsupported transform");
        }

        try
        {
            var expected = Convert.ToBase64String(DocumentDigest(content, transforms.Count > 0, method.Value));
            return value == expected
                ? new ManifestReferenceCheck(uri, true, null)
                : new ManifestReferenceCheck(uri, false, $"manifest reference {uri}: the digest is not the document's");
        }
        catch (XmlException)
        {
            return new ManifestReferenceCheck(uri, false, $"manifest reference {uri}: C14N declared but the document is not XML");
        }
    }

    private static XmlElement Manifest(XmlDocument d, ManifestSignatureRequest request)
    {
        var manifest = d.CreateElement("Manifest", Ds);
        manifest.SetAttribute("Id", ManifestId);
        manifest.AppendChild(Reference(d, "urn:oid:" + request.SubmissionSetUniqueId, null, request.Digest, SubmissionSetPlaceholderDigest));
        foreach (var document in request.Documents)
        {
            var digest = Convert.ToBase64String(DocumentDigest(document.Content, document.Canonicalize, request.Digest));
            manifest.AppendChild(Reference(d, "urn:oid:" + document.UniqueId, document.Canonicalize ? SignatureAlgorithms.C14NWithComments : null, request.Digest, digest));
        }

        return manifest;
    }

    private static XmlElement Reference(XmlDocument d, string uri, string? transform, SignatureDigest digest, string value)
    {
        var reference = d.CreateElement("Reference", Ds);
        reference.SetAttribute("URI", uri);
        if (transform is not null)
        {
            var transforms = reference.AppendChild(d.CreateElement("Transforms", Ds))!;
            ((XmlElement)transforms.AppendChild(d.CreateElement("Transform", Ds))!).SetAttribute("Algorithm", transform);
        }

        ((XmlElement)reference.AppendChild(d.CreateElement("DigestMethod", Ds))!).SetAttribute("Algorithm", SignatureAlgorithms.DigestUri(digest));
        reference.AppendChild(d.CreateElement("DigestValue", Ds))!.InnerText = value;
        return reference;
    }

    private static XmlElement SignatureProperties(XmlDocument d, string signatureId)
    {
        var properties = d.CreateElement("SignatureProperties", Ds);
        var property = (XmlElement)properties.AppendChild(d.CreateElement("SignatureProperty", Ds))!;
        property.SetAttribute("Id", "purposeOfSignature");
        property.SetAttribute("Target", "#" + signatureId);
        property.InnerText = PurposeOfSignature;
        return properties;
    }

    private static XmlElement QualifyingProperties(XmlDocument d, ManifestSignatureRequest request)
    {
        XmlElement X(XmlNode parent, string name) => (XmlElement)parent.AppendChild(d.CreateElement(name, XadesNamespace))!;
        var qualifying = d.CreateElement("QualifyingProperties", XadesNamespace);
        qualifying.SetAttribute("Target", "#" + request.SignatureId);
        var signedProperties = X(qualifying, "SignedProperties");
        signedProperties.SetAttribute("Id", SignedPropertiesId);
        var signatureProperties = X(signedProperties, "SignedSignatureProperties");
        X(signatureProperties, "SigningTime").InnerText = request.SigningTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        var cert = X(X(signatureProperties, "SigningCertificate"), "Cert");
        var certDigest = X(cert, "CertDigest");
        X(certDigest, "DigestMethod").SetAttribute("Algorithm", SignatureAlgorithms.DigestUri(request.Digest));
        X(certDigest, "DigestValue").InnerText = Convert.ToBase64String(SignatureAlgorithms.Hash(request.Digest, request.Certificate.RawData));
        var issuerSerial = X(cert, "IssuerSerial");
        issuerSerial.AppendChild(d.CreateElement("X509IssuerName", Ds))!.InnerText = request.Certificate.IssuerName.Name;
        issuerSerial.AppendChild(d.CreateElement("X509SerialNumber", Ds))!.InnerText = Serial(request.Certificate);
        X(X(signatureProperties, "SignaturePolicyIdentifier"), "SignaturePolicyImplied");
        X(signedProperties, "SignedDataObjectProperties");
        return qualifying;
    }

    /// <summary>The certificate's serial number in decimal (ds:X509SerialNumber).</summary>
    public static string Serial(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>True when the distinguished name <paramref name="text"/> names <paramref name="name"/> (RFC 2253 or .NET form).</summary>
    public static bool SameName(string text, X500DistinguishedName name)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            return string.Equals(new X500DistinguishedName(text).Name, name.Name, StringComparison.Ordinal)
                || string.Equals(new X500DistinguishedName(text, X500DistinguishedNameFlags.Reversed).Name, name.Name, StringComparison.Ordinal);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static XmlDocument Load(ReadOnlyMemory<byte> xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(xml.ToArray()), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        document.Load(reader);
        return document;
    }

    private static byte[] Serialize(XmlElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            writer.WriteStartDocument();
            element.WriteTo(writer);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
