using System.Net;

using SglReference.Transport;

namespace SglReference.Hl7v2.Mllp;

/// <summary>Where and how the listener accepts the PFI's connections.</summary>
/// <param name="Endpoint">Address and port to listen on (port 0: any free port, see <see cref="MllpListener.Port"/>).</param>
/// <param name="Tls">Server certificate and the authorities client certificates must chain to; plain TCP when null.</param>
/// <param name="RequireClientCertificate">Refuse clients without a certificate from <see cref="TlsOptions.TrustedAuthorities"/>.</param>
/// <param name="IdleTimeout">Close a connection that sends nothing for this long.</param>
public sealed record MllpListenerOptions(IPEndPoint Endpoint, TlsOptions? Tls, bool RequireClientCertificate, TimeSpan IdleTimeout);
