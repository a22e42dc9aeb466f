using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

using SglReference.Transport;

namespace SglReference.Hl7v2.Mllp;

/// <summary>
/// An MLLP server (TLS with client-certificate authentication when configured): reads frames, hands each message to
/// the handler, writes its answer back. Each connection is served on its own task; stop with <see cref="DisposeAsync"/>.
/// Its resources are bounded: at most <see cref="MllpListenerOptions.MaxConnections"/> connections at once (one more is
/// closed as soon as it is accepted), frames of at most <see cref="MllpListenerOptions.MaxFrameBytes"/>, idle
/// connections closed. A failing accept (no file descriptor left, no buffer space) does not stop it: it waits a little
/// and accepts again.
/// </summary>
public sealed class MllpListener : IAsyncDisposable
{
    private static readonly TimeSpan FirstAcceptRetry = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LastAcceptRetry = TimeSpan.FromSeconds(1);

    private readonly MllpListenerOptions _options;
    private readonly IMllpHandler _handler;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task, byte> _serving = new();
    private int _connections;
    private int _active;
    private int _refused;
    private int _rejectedHandshakes;
    private int _rejectedFrames;
    private int _acceptErrors;

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

    /// <summary>Connections accepted so far (TLS failures and connections over the limit included).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Connections being served now.</summary>
    public int ActiveConnections => Volatile.Read(ref _active);

    /// <summary>Connections closed at once because <see cref="MllpListenerOptions.MaxConnections"/> were being served.</summary>
    public int RefusedConnections => Volatile.Read(ref _refused);

    /// <summary>Connections refused during the TLS handshake (missing or untrusted client certificate...).</summary>
    public int RejectedHandshakes => Volatile.Read(ref _rejectedHandshakes);

    /// <summary>Connections closed because they sent a frame larger than <see cref="MllpListenerOptions.MaxFrameBytes"/>.</summary>
    public int RejectedFrames => Volatile.Read(ref _rejectedFrames);

    /// <summary>Accepts that failed (file descriptors exhausted...) and were retried.</summary>
    public int AcceptErrors => Volatile.Read(ref _acceptErrors);

    /// <summary>The server certificate's status at start (expiring soon is a warning), when listening with TLS.</summary>
    public CertificateStatus? ServerCertificate { get; private init; }

    /// <summary>
    /// Starts listening. The options are validated (a connection limit the process's file descriptor limit cannot serve
    /// is an <see cref="Domain.Validation.InvalidSettingException"/>) and the server certificate checked first: an
    /// unusable one (expired, not yet valid, no private key, not issued for server authentication) is an
    /// <see cref="InvalidOperationException"/> saying why.
    /// </summary>
    public static MllpListener Start(MllpListenerOptions options, IMllpHandler handler, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        options.Validate();
        if (DescriptorBudget.Current() is { } budget && options.MaxConnections > budget.Limit - budget.Open - DescriptorBudget.Reserve)
        {
            throw new Domain.Validation.InvalidSettingException("mllp.listener.maxConnections", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{options.MaxConnections} connections need more file descriptors than this process may open (limit {budget.Limit}, {budget.Open} open, {DescriptorBudget.Reserve} kept for the rest): at most {Math.Max(0, budget.Limit - budget.Open - DescriptorBudget.Reserve)}"));
        }

        CertificateStatus? status = null;
        if (options.Tls?.Certificate is { } certificate)
        {
            status = CertificateCheck.Check(certificate, CertificateUse.Server, (time ?? TimeProvider.System).GetUtcNow());
            if (status.Describe() is { } problem)
            {
                throw new InvalidOperationException(problem);
            }
        }

        return new MllpListener(options, handler) { ServerCertificate = status };
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
        var retry = FirstAcceptRetry;
        while (!token.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(token).ConfigureAwait(false);
                retry = FirstAcceptRetry;
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException || token.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                // EMFILE/ENFILE (no descriptor left), ENOBUFS, a connection reset before it was accepted...: the
                // listening socket is still good. Wait (the pending connection stays in the backlog) and accept again.
                // Descriptors are not meant to run out at all (connection limit, budget checked at start): the .NET
                // runtime itself fails fast when it cannot open one for a new thread-pool thread.
                Interlocked.Increment(ref _acceptErrors);
                try
                {
                    await Task.Delay(retry, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastAcceptRetry.Ticks));
                continue;
            }

            Interlocked.Increment(ref _connections);
            if (Interlocked.Increment(ref _active) > _options.MaxConnections)
            {
                Interlocked.Decrement(ref _active);
                Interlocked.Increment(ref _refused);
                Refuse(client);
                continue;
            }

            var serving = Task.Run(() => ServeAsync(client, token), CancellationToken.None);
            _serving.TryAdd(serving, 0);
            _ = serving.ContinueWith(t => _serving.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private static void Refuse(TcpClient client)
    {
        try
        {
            // Reset rather than close gracefully: the peer learns at once, and no descriptor lingers in TIME_WAIT.
            client.Client.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
        }

        client.Dispose();
    }

    private async Task ServeAsync(TcpClient client, CancellationToken token)
    {
        try
        {
            using (client)
            {
                await ServeConnectionAsync(client, token).ConfigureAwait(false);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }

    private async Task ServeConnectionAsync(TcpClient client, CancellationToken token)
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
                    RemoteCertificateValidationCallback = _options.RequireClientCertificate ? PeerCertificateValidation.For(tls, CertificateUse.Client) : null,
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                }, handshake.Token).ConfigureAwait(false);
                stream = ssl;
            }

            var framing = new MllpFraming(stream, _options.MaxFrameBytes);
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
            Interlocked.Increment(ref _rejectedHandshakes);
        }
        catch (MllpFrameTooLargeException)
        {
            Interlocked.Increment(ref _rejectedFrames);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away or stayed idle: the connection ends, the listener goes on.
        }
    }
}
