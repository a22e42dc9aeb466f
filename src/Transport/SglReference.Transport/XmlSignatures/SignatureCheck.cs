using System.Security.Cryptography.X509Certificates;

namespace SglReference.Transport.XmlSignatures;

/// <summary>What checking one XML signature found.</summary>
/// <param name="IsValid">True when the signature value and every reference it signs verify with the key of <paramref name="Signer"/>.</param>
/// <param name="Signer">The certificate the signature carries in KeyInfo, when it carries one.</param>
/// <param name="Problem">Why it does not verify, in words (no patient data), when it does not.</param>
public sealed record SignatureCheck(bool IsValid, X509Certificate2? Signer, string? Problem)
{
    /// <summary>A signature that does not verify.</summary>
    public static SignatureCheck Invalid(string problem, X509Certificate2? signer = null) => new(false, signer, problem);
}
