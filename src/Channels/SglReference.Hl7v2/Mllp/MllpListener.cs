using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

using SglReference.Transport;

namespace SglReference.Hl7v2.Mllp;

/// <summary>
/// An MLLP server (TLS with client-certificate authentication when configured): reads frames, hands each message to
/// the handler, writes its answer back. Each connection is served on its own task; stop with <see cref="DisposeAsync"/>.
/// </summary>
public sealed class MllpListener : IAsyncDisposable
{
    private readonly MllpListenerOptions _options;
    private readonly IMllpHandler _handler;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task, byte> _serving = new();
    private int _connections;

    private MllpListener(MllpListenerOptions options, IMllpHandler handler)
    {
        _options = options;
        _handler = handler;
        _listener = new TcpListener(options.Endpoint);
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    /// <summary>The port listened on.</summary>
    public int Port => ((System.Net.IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted so far (TLS failures included).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Connections refused during the TLS handshake (missing or untrusted client certificate...).</summary>
    public int RejectedHandshakes { get; private set; }

    /// <summary>Starts listening.</summary>
    public static MllpListener Start(MllpListenerOptions options, IMllpHandler handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        return new MllpListener(options, handler);
    }

    /// <summary>
    /// Stops listening and closes the connections once their message in progress is answered (an acknowledgement
    /// already recorded is always written back), waiting at most 10 seconds.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAny(Task.WhenAll(_serving.Keys), Task.Delay(TimeSpan.FromSeconds(10))).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            var serving = Task.Run(() => ServeAsync(client, token), CancellationToken.None);
            _serving.TryAdd(serving, 0);
            _ = serving.ContinueWith(t => _serving.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken token)
    {
        using (client)
        {
            Stream stream = client.GetStream();
            using var ssl = _options.Tls is null ? null : new SslStream(stream, leaveInnerStreamOpen: true);
            try
            {
                if (_options.Tls is { } tls && ssl is not null)
                {
                    using var handshake = CancellationTokenSource.CreateLinkedTokenSource(token);
                    handshake.CancelAfter(TimeSpan.FromSeconds(30));
                    await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                    {
                        ServerCertificate = tls.Certificate,
                        ClientCertificateRequired = _options.RequireClientCertificate,
                        RemoteCertificateValidationCallback = _options.RequireClientCertificate ? PeerCertificateValidation.For(tls) : null,
                        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    }, handshake.Token).ConfigureAwait(false);
                    stream = ssl;
                }

                var framing = new MllpFraming(stream);
                while (!token.IsCancellationRequested)
                {
                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(token);
                    idle.CancelAfter(_options.IdleTimeout);
                    var message = await framing.ReadAsync(idle.Token).ConfigureAwait(false);
                    if (message is null)
                    {
                        return;
                    }

                    // Once a message is read it is answered, even while the listener stops.
                    using var answering = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                    var answer = await _handler.HandleAsync(message, answering.Token).ConfigureAwait(false);
                    await MllpFraming.WriteAsync(stream, answer, answering.Token).ConfigureAwait(false);
                }
            }
            catch (AuthenticationException)
            {
                RejectedHandshakes++;
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The peer went away or stayed idle: the connection ends, the listener goes on.
            }
        }
    }
}
