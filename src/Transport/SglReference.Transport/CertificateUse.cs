namespace SglReference.Transport;

/// <summary>What a certificate authenticates in a TLS connection (its extended key usage).</summary>
public enum CertificateUse
{
    /// <summary>A server: the PFI, the MSSanté operator, the DMP, or our MLLP listener (serverAuth, 1.3.6.1.5.5.7.3.1).</summary>
    Server,

    /// <summary>A client: our BAL applicative or MLLP sender, or the PFI connecting to our listener (clientAuth, 1.3.6.1.5.5.7.3.2).</summary>
    Client,
}
