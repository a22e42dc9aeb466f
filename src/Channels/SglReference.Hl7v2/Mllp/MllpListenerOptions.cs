using System.Net;
using SglReference.Domain.Validation;
using SglReference.Transport;

namespace SglReference.Hl7v2.Mllp;

/// <summary>Where and how the listener accepts the PFI's connections, and the resources it may use.</summary>
/// <param name="Endpoint">Address and port to listen on (port 0: any free port, see <see cref="MllpListener.Port"/>).</param>
/// <param name="Tls">Server certificate and the authorities client certificates must chain to; plain TCP when null.</param>
/// <param name="RequireClientCertificate">Refuse clients without a certificate from <see cref="TlsOptions.TrustedAuthorities"/>.</param>
/// <param name="IdleTimeout">Close a connection that sends nothing for this long.</param>
/// <param name="MaxConnections">Connections served at once; one more is closed as soon as it is accepted (default 32).</param>
/// <param name="MaxFrameBytes">
/// Largest message accepted (default 8 MiB); a larger frame closes its connection. A connection holds at most about
/// twice this, so the listener holds at most about <c>2 × MaxConnections × MaxFrameBytes</c>.
/// </param>
public sealed record MllpListenerOptions(
    IPEndPoint Endpoint,
    TlsOptions? Tls,
    bool RequireClientCertificate,
    TimeSpan IdleTimeout,
    int MaxConnections = MllpListenerOptions.DefaultMaxConnections,
    int MaxFrameBytes = MllpListenerOptions.DefaultMaxFrameBytes)
{
    /// <summary>32 connections at once.</summary>
    public const int DefaultMaxConnections = 32;

    /// <summary>8 MiB: an ORU with its embedded PDF is well under it; business acknowledgements are a few hundred bytes.</summary>
    public const int DefaultMaxFrameBytes = 8 * 1024 * 1024;

    /// <summary>Checks every setting; throws <see cref="InvalidSettingException"/> naming the first that breaks its rule.</summary>
    public MllpListenerOptions Validate()
    {
        if (Endpoint is null)
        {
            throw new InvalidSettingException("mllp.listener.endpoint", "is required");
        }

        SettingRules.Range("mllp.listener.port", Endpoint.Port, 0, 65535);
        SettingRules.Duration("mllp.listener.idleTimeout", IdleTimeout, TimeSpan.FromDays(1));
        SettingRules.Range("mllp.listener.maxConnections", MaxConnections, 1, 10_000);
        SettingRules.Range("mllp.listener.maxFrameBytes", MaxFrameBytes, 1024, Codec.Hl7Parser.MaxBytes);
        if (Tls is not null && Tls.Certificate is null)
        {
            throw new InvalidSettingException("mllp.listener.tls.certificate", "a TLS listener needs its server certificate");
        }

        return this;
    }
}
