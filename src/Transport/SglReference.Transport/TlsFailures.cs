namespace SglReference.Transport;

/// <summary>Reads TLS failures: tells a peer refusing our certificate from a connection that was merely lost.</summary>
public static class TlsFailures
{
    // The TLS alerts (RFC 8446 §6.2) a peer sends when it does not accept the certificate we presented, or wanted one.
    private static readonly string[] CertificateAlerts =
    [
        "certificate required", "bad certificate", "unknown ca", "certificate expired", "certificate unknown",
        "unsupported certificate", "certificate revoked", "access denied",
    ];

    /// <summary>
    /// The TLS alert by which the peer refused our certificate (or its absence), found anywhere in the exception chain
    /// of <paramref name="failure"/>; null when the failure is something else. Such a failure is final: sending again
    /// with the same certificate fails the same way.
    /// </summary>
    public static string? RefusedOurCertificate(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            var message = e.Message;
            foreach (var alert in CertificateAlerts)
            {
                if (message.Contains("alert " + alert, StringComparison.OrdinalIgnoreCase))
                {
                    return "TLS alert: " + alert;
                }
            }
        }

        return null;
    }
}
