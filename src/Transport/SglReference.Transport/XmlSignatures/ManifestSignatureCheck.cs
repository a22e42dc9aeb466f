namespace SglReference.Transport.XmlSignatures;

/// <summary>What checking an IHE DSG / XAdES submission-set signature found.</summary>
/// <param name="Core">The XMLDSig core validation (SignedInfo: the Manifest and the SignedProperties).</param>
/// <param name="SignatureId">ds:Signature/@Id.</param>
/// <param name="References">Each manifest reference against the submitted documents.</param>
/// <param name="Problem">The first structural or XAdES problem (CertDigest, IssuerSerial, targets...), when there is one.</param>
public sealed record ManifestSignatureCheck(SignatureCheck Core, string? SignatureId, IReadOnlyList<ManifestReferenceCheck> References, string? Problem)
{
    /// <summary>True when the core verifies, every reference matches and the XAdES properties are right.</summary>
    public bool IsValid => Core.IsValid && Problem is null && References.All(r => r.Matches);

    /// <summary>The first reason the signature is not valid, or null.</summary>
    public string? FirstProblem => Core.Problem ?? Problem ?? References.FirstOrDefault(r => !r.Matches)?.Problem;
}
