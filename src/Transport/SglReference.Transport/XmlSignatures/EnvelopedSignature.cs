using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace SglReference.Transport.XmlSignatures;

/// <summary>
/// The enveloped XML signature of an element identified by its <c>ID</c> attribute (a SAML 2.0 assertion): one
/// Reference to <c>#ID</c> with the enveloped-signature and exclusive C14N transforms, exclusive C14N SignedInfo,
/// RSA with the configured digest, the signer's certificate in KeyInfo.
/// </summary>
public static class EnvelopedSignature
{
    /// <summary>Signs <paramref name="element"/> and inserts the ds:Signature right after <paramref name="insertAfter"/> (first child when null).</summary>
    /// <param name="element">The element to sign; its <c>ID</c> attribute names it.</param>
    /// <param name="certificate">The signer, with its RSA private key.</param>
    /// <param name="digest">SHA-1 or SHA-256.</param>
    /// <param name="insertAfter">A child of <paramref name="element"/> the signature follows (the SAML Issuer).</param>
    public static void Sign(XmlElement element, X509Certificate2 certificate, SignatureDigest digest, XmlNode? insertAfter)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(certificate);
        var id = element.GetAttribute("ID");
        if (id.Length == 0)
        {
            throw new ArgumentException("the element to sign has no ID attribute", nameof(element));
        }

        using var key = certificate.GetRSAPrivateKey() ?? throw new CryptographicException("the signing certificate has no RSA private key");
        var document = element.OwnerDocument;
        if (document.ChildNodes.Count == 1 && document.DocumentElement == element && Plain(id)
            && !element.ChildNodes.OfType<XmlElement>().Any(e => e.LocalName == "Signature" && e.NamespaceURI == SignatureAlgorithms.DsNamespace))
        {
            Insert(element, Direct(document, id, certificate, key, digest), insertAfter);
            return;
        }

        var signed = new SignedXml(element) { SigningKey = key };
        signed.SignedInfo!.CanonicalizationMethod = SignatureAlgorithms.ExclusiveC14N;
        signed.SignedInfo.SignatureMethod = SignatureAlgorithms.SignatureUri(digest);
        var reference = new Reference("#" + id) { DigestMethod = SignatureAlgorithms.DigestUri(digest) };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        Insert(element, element.OwnerDocument.ImportNode(signed.GetXml(), deep: true), insertAfter);
    }

    /// <summary>
    /// The ds:Signature of an element that is its whole document, without <see cref="SignedXml"/> (no CryptoConfig
    /// look-up per signature): the digest over the element's exclusive C14N (the enveloped transform removes nothing,
    /// the element having no signature yet), the SignedInfo's exclusive C14N signed with RSA PKCS#1 v1.5, the element
    /// being what <see cref="SignedXml.GetXml"/> gives.
    /// </summary>
    private static XmlElement Direct(XmlDocument document, string id, X509Certificate2 certificate, RSA key, SignatureDigest digest)
    {
        // The digest of the element's exclusive C14N, from its text (as SignedXml reads it back, namespace declarations
        // being attributes then); through XmlDsigExcC14NTransform when the text is not in the plain subset.
        var text = System.Text.Encoding.UTF8.GetBytes(document.DocumentElement!.OuterXml);
        byte[] digestValue;
        using (var hash = IncrementalHash.CreateHash(SignatureAlgorithms.HashName(digest)))
        {
            if (!Utf8Canonicalizer.TryCanonicalize(text, hash.AppendData, exclusive: true))
            {
                var input = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
                using (var source = new MemoryStream(text))
                {
                    input.Load(source);
                }

                var canonical = new XmlDsigExcC14NTransform();
                canonical.LoadInput(input);
                using var stream = (Stream)canonical.GetOutput(typeof(Stream));
                var buffer = new byte[4096];
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    hash.AppendData(buffer.AsSpan(0, read));
                }
            }

            digestValue = hash.GetHashAndReset();
        }

        string SignedInfo(bool c14n)
        {
            string Empty(string name, string algorithm) => c14n ? $"<{name} Algorithm=\"{algorithm}\"></{name}>" : $"<{name} Algorithm=\"{algorithm}\" />";
            return (c14n ? "<SignedInfo xmlns=\"" + SignatureAlgorithms.DsNamespace + "\">" : "<SignedInfo>")
                + Empty("CanonicalizationMethod", SignatureAlgorithms.ExclusiveC14N)
                + Empty("SignatureMethod", SignatureAlgorithms.SignatureUri(digest))
                + "<Reference URI=\"#" + id + "\"><Transforms>"
                + Empty("Transform", SignatureAlgorithms.EnvelopedSignature)
                + Empty("Transform", SignatureAlgorithms.ExclusiveC14N)
                + "</Transforms>"
                + Empty("DigestMethod", SignatureAlgorithms.DigestUri(digest))
                + "<DigestValue>" + Convert.ToBase64String(digestValue) + "</DigestValue></Reference></SignedInfo>";
        }

        var value = key.SignData(System.Text.Encoding.UTF8.GetBytes(SignedInfo(c14n: true)), SignatureAlgorithms.HashName(digest), RSASignaturePadding.Pkcs1);
        var fragment = document.CreateDocumentFragment();
        fragment.InnerXml = "<Signature xmlns=\"" + SignatureAlgorithms.DsNamespace + "\">" + SignedInfo(c14n: false)
            + "<SignatureValue>" + Convert.ToBase64String(value) + "</SignatureValue><KeyInfo><X509Data><X509Certificate>"
            + Convert.ToBase64String(certificate.RawData) + "</X509Certificate></X509Data></KeyInfo></Signature>";
        return (XmlElement)fragment.FirstChild!;
    }

    /// <summary>True when an ID reads the same in C14N and in an attribute written by <see cref="XmlWriter"/>.</summary>
    private static bool Plain(string value) => value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    private static void Insert(XmlElement element, XmlNode signature, XmlNode? insertAfter)
    {
        if (insertAfter is null)
        {
            element.PrependChild(signature);
        }
        else
        {
            element.InsertAfter(signature, insertAfter);
        }
    }

    /// <summary>
    /// Checks the enveloped signature of <paramref name="element"/>: exactly one ds:Signature child whose single
    /// Reference is <c>#ID</c> of the element, with only the enveloped and exclusive C14N transforms, verifying with
    /// the certificate of its KeyInfo. Trust in that certificate is the caller's business.
    /// </summary>
    public static SignatureCheck Verify(XmlElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var signatures = element.ChildNodes.OfType<XmlElement>()
            .Where(e => e.LocalName == "Signature" && e.NamespaceURI == SignatureAlgorithms.DsNamespace).ToList();
        if (signatures.Count != 1)
        {
            return SignatureCheck.Invalid(signatures.Count == 0 ? "no ds:Signature" : "more than one ds:Signature");
        }

        X509Certificate2? signer = null;
        try
        {
            var signed = new SignedXml(element);
            signed.LoadXml(signatures[0]);
            signer = Certificate(signed.KeyInfo);
            if (signer is null)
            {
                return SignatureCheck.Invalid("no X509Certificate in KeyInfo");
            }

            var references = signed.SignedInfo!.References.OfType<Reference>().ToList();
            var id = element.GetAttribute("ID");
            if (references.Count != 1 || id.Length == 0 || !string.Equals(references[0].Uri, "#" + id, StringComparison.Ordinal))
            {
                return SignatureCheck.Invalid("the signature must have one Reference to #ID of the signed element", signer);
            }

            var chain = references[0].TransformChain;
            var transforms = Enumerable.Range(0, chain.Count).Select(i => chain[i].Algorithm).ToList();
            if (transforms.Any(t => t is not (SignatureAlgorithms.EnvelopedSignature or SignatureAlgorithms.ExclusiveC14N)))
            {
                return SignatureCheck.Invalid("unexpected transform " + transforms.First(t => t is not (SignatureAlgorithms.EnvelopedSignature or SignatureAlgorithms.ExclusiveC14N)), signer);
            }

            return signed.CheckSignature(signer, verifySignatureOnly: true)
                ? new SignatureCheck(true, signer, null)
                : SignatureCheck.Invalid("the signature value or the digest of the signed element does not match", signer);
        }
        catch (CryptographicException ex)
        {
            return SignatureCheck.Invalid("malformed signature: " + ex.Message, signer);
        }
    }

    /// <summary>The first X.509 certificate of a KeyInfo.</summary>
    internal static X509Certificate2? Certificate(KeyInfo? keyInfo) =>
        keyInfo?.OfType<KeyInfoX509Data>().SelectMany(d => d.Certificates?.OfType<X509Certificate>() ?? []).Select(c => c as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(c.GetRawCertData())).FirstOrDefault();
}
