namespace SglReference.Transport.XmlSignatures;

/// <summary>
/// The digest of an XML signature (RSA PKCS#1 v1.5 with this hash, and the same hash for the references): SHA-1 as
/// every official DMP example signs, or SHA-256.
/// </summary>
public enum SignatureDigest
{
    /// <summary>rsa-sha1 / sha1, as the CNAM/GIE example package and the ANS DRIM example.</summary>
    Sha1,

    /// <summary>rsa-sha256 / sha256.</summary>
    Sha256,
}
