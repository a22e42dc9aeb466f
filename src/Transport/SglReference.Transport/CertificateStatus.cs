namespace SglReference.Transport;

/// <summary>
/// Whether one of our own certificates can be used, checked before any connection (<see cref="CertificateCheck"/>):
/// a certificate that is expired, not yet valid, without its private key or issued for another use is refused with a
/// clear reason instead of failing as a TLS error the peer reports; one that expires soon is usable with a warning.
/// </summary>
/// <param name="Subject">The certificate's subject (no patient data: an organisation or a BAL applicative).</param>
/// <param name="Thumbprint">SHA-1 thumbprint, to find it in a store.</param>
/// <param name="NotBefore">Start of validity.</param>
/// <param name="NotAfter">End of validity.</param>
/// <param name="Problem">Why it cannot be used, or null when it can.</param>
/// <param name="ExpiresSoon">Usable, but ends within the warning period (60 days by default, as IGC-Santé warns its holders).</param>
public sealed record CertificateStatus(string Subject, string Thumbprint, DateTimeOffset NotBefore, DateTimeOffset NotAfter, string? Problem, bool ExpiresSoon)
{
    /// <summary>True when the certificate can be presented.</summary>
    public bool IsUsable => Problem is null;

    /// <summary>The warning to show when <see cref="ExpiresSoon"/>, or null.</summary>
    public string? Warning(DateTimeOffset now) => IsUsable && ExpiresSoon
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the certificate {Subject} expires on {NotAfter.UtcDateTime:yyyy-MM-dd} (in {Math.Max(0, (int)Math.Ceiling((NotAfter - now).TotalDays))} days): renew it")
        : null;

    /// <summary>"certificate SUBJECT: problem" for an unusable certificate, null otherwise.</summary>
    public string? Describe() => Problem is null ? null : $"our certificate {Subject} cannot be used: {Problem}";
}
