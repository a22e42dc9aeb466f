using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SglReference.Dmp.Soap;
using SglReference.Transport;

namespace SglReference.Dmp.Sending;

/// <summary>
/// HTTPS to the DMP: TLS 1.2 with the structure's authentication certificate, the PDT-INF-579v4 LPS cipher suites
/// (where the platform lets them be set: Linux and macOS), the server checked against the configured authorities.
/// One instance per sender; thread-safe.
/// </summary>
public sealed class DmpHttp : IDisposable
{
    /// <summary>The LPS cipher suites of PDT-INF-579v4 (2025-07-10).</summary>
    public static IReadOnlyList<TlsCipherSuite> LpsCipherSuites { get; } =
    [
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
    ];

    private readonly HttpClient _client;

    /// <summary>Creates the client.</summary>
    public DmpHttp(X509Certificate2 authenticationCertificate, X509Certificate2Collection trustedAuthorities, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(authenticationCertificate);
        ArgumentNullException.ThrowIfNull(trustedAuthorities);
        var ssl = new SslClientAuthenticationOptions
        {
            EnabledSslProtocols = SslProtocols.Tls12,
            ClientCertificates = [authenticationCertificate],
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) => PeerCertificateValidation.IsTrusted(certificate, chain, errors, trustedAuthorities),
            CertificateRevocationCheckMode = trustedAuthorities.Count == 0 ? X509RevocationMode.Online : X509RevocationMode.NoCheck,
        };
        if (!OperatingSystem.IsWindows())
        {
            ssl.CipherSuitesPolicy = new CipherSuitesPolicy(LpsCipherSuites);
        }

        var handler = new SocketsHttpHandler
        {
            SslOptions = ssl,
            ConnectTimeout = timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            AllowAutoRedirect = false,
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        Timeout = timeout;
    }

    /// <summary>The time one exchange may take.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Posts a request and reads the whole answer; throws for connection problems and timeouts (TimeoutException).</summary>
    public async Task<DmpReply> PostAsync(Uri uri, DmpHttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ReadOnlyMemoryContent(request.Body) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        try
        {
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            return DmpReply.Read((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {Timeout.TotalSeconds} s");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
