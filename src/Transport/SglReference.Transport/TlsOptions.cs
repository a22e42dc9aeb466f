using System.Security.Cryptography.X509Certificates;

namespace SglReference.Transport;

/// <summary>
/// TLS for MLLP with both ends authenticated by X.509 certificates. Certificates come from configuration (files
/// outside the repository), never from code.
/// </summary>
/// <param name="Certificate">Our certificate with its private key (client certificate, or the listener's server certificate).</param>
/// <param name="TrustedAuthorities">
/// The certification authorities the peer's certificate must chain to. When given, only they are trusted (custom trust
/// store); when empty, the system store is used.
/// </param>
/// <param name="PeerName">The name the server certificate must carry (client side; the host name when null).</param>
public sealed record TlsOptions(X509Certificate2? Certificate, X509Certificate2Collection TrustedAuthorities, string? PeerName = null);
