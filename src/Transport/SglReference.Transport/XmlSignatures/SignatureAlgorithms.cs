using System.Security.Cryptography;
using System.Security.Cryptography.Xml;

namespace SglReference.Transport.XmlSignatures;

/// <summary>The XMLDSig algorithm URIs and hashes of a <see cref="SignatureDigest"/>.</summary>
public static class SignatureAlgorithms
{
    /// <summary>XMLDSig namespace.</summary>
    public const string DsNamespace = SignedXml.XmlDsigNamespaceUrl;

    /// <summary>Inclusive canonical XML with comments (the IHE DSG SignedInfo canonicalization).</summary>
    public const string C14NWithComments = SignedXml.XmlDsigC14NWithCommentsTransformUrl;

    /// <summary>Exclusive canonical XML (the SAML assertion's).</summary>
    public const string ExclusiveC14N = SignedXml.XmlDsigExcC14NTransformUrl;

    /// <summary>The enveloped-signature transform.</summary>
    public const string EnvelopedSignature = SignedXml.XmlDsigEnvelopedSignatureTransformUrl;

    /// <summary>The DigestMethod URI.</summary>
    public static string DigestUri(SignatureDigest digest) => digest switch
    {
        SignatureDigest.Sha1 => SignedXml.XmlDsigSHA1Url,
        SignatureDigest.Sha256 => SignedXml.XmlDsigSHA256Url,
        _ => throw new ArgumentOutOfRangeException(nameof(digest)),
    };

    /// <summary>The SignatureMethod URI (RSA).</summary>
    public static string SignatureUri(SignatureDigest digest) => digest switch
    {
        SignatureDigest.Sha1 => SignedXml.XmlDsigRSASHA1Url,
        SignatureDigest.Sha256 => SignedXml.XmlDsigRSASHA256Url,
        _ => throw new ArgumentOutOfRangeException(nameof(digest)),
    };

    /// <summary>The digest of a DigestMethod URI, or null when it is neither SHA-1 nor SHA-256.</summary>
    public static SignatureDigest? FromDigestUri(string? uri) => uri switch
    {
        SignedXml.XmlDsigSHA1Url => SignatureDigest.Sha1,
        SignedXml.XmlDsigSHA256Url => SignatureDigest.Sha256,
        _ => null,
    };

    /// <summary>The hash of <paramref name="data"/>.</summary>
    public static byte[] Hash(SignatureDigest digest, ReadOnlySpan<byte> data) => digest switch
    {
#pragma warning disable CA5350 // SHA-1 is what the DMP's official examples sign with; SHA-256 is the configurable alternative.
        SignatureDigest.Sha1 => SHA1.HashData(data),
#pragma warning restore CA5350
        SignatureDigest.Sha256 => SHA256.HashData(data),
        _ => throw new ArgumentOutOfRangeException(nameof(digest)),
    };

    /// <summary>The hash algorithm of a digest (for incremental hashing).</summary>
    public static HashAlgorithmName HashName(SignatureDigest digest) => digest switch
    {
        SignatureDigest.Sha1 => HashAlgorithmName.SHA1,
        SignatureDigest.Sha256 => HashAlgorithmName.SHA256,
        _ => throw new ArgumentOutOfRangeException(nameof(digest)),
    };
}
