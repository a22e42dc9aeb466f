using System.Security.Cryptography.X509Certificates;

namespace SglReference.Transport.XmlSignatures;

/// <summary>What an IHE DSG submission-set signature is made of.</summary>
/// <param name="SignatureId">ds:Signature/@Id, also the uniqueId of the signature document entry.</param>
/// <param name="SubmissionSetUniqueId">The submission set's uniqueId (referenced with the placeholder digest AA==).</param>
/// <param name="Documents">The documents of the submission set.</param>
/// <param name="Certificate">The signer (the structure's signature certificate) with its RSA private key.</param>
/// <param name="SigningTime">xades:SigningTime (the package time, so that the same submission signs to the same bytes).</param>
/// <param name="Digest">SHA-1 (official examples) or SHA-256.</param>
public sealed record ManifestSignatureRequest(
    string SignatureId,
    string SubmissionSetUniqueId,
    IReadOnlyList<ManifestDocument> Documents,
    X509Certificate2 Certificate,
    DateTimeOffset SigningTime,
    SignatureDigest Digest);
