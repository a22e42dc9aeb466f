using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using SglReference.Hl7v2.Acknowledgements;
using SglReference.Hl7v2.Codec;

using SglReference.Transport;

namespace SglReference.Hl7v2.Mllp;

/// <summary>
/// Sends HL7 v2 messages over MLLP (TLS with client certificate when configured) in original acknowledgement mode:
/// one connection per message, the ACK read on the same connection. AR, ACK timeouts and connection failures are
/// retried with exponential backoff; AE is final (the message is wrong); a TLS authentication failure is final
/// (a certificate problem does not heal by waiting). Thread-safe: each call uses its own connection.
/// </summary>
public sealed class MllpClient
{
    private readonly MllpClientOptions _options;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    /// <summary>Creates a client.</summary>
    public MllpClient(MllpClientOptions options)
        : this(options, Task.Delay)
    {
    }

    /// <summary>Creates a client with an injectable wait (tests).</summary>
    internal MllpClient(MllpClientOptions options, Func<TimeSpan, CancellationToken, Task> delay)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _delay = delay;
    }

    /// <summary>Sends a message (its bytes in its MSH-18 charset) and waits for its acknowledgement.</summary>
    public async Task<SendOutcome> SendAsync(byte[] message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var controlId = Hl7Parser.ParseHeader(message).Value(10);
        var attempts = new List<SendAttempt>();
        Acknowledgement? last = null;
        for (var attempt = 1; attempt <= Math.Max(1, _options.MaxAttempts); attempt++)
        {
            if (attempt > 1)
            {
                await _delay(_options.BackoffBefore(attempt), cancellationToken).ConfigureAwait(false);
            }

            var clock = Stopwatch.StartNew();
            try
            {
                var ack = await SendOnceAsync(message, controlId, cancellationToken).ConfigureAwait(false);
                last = ack;
                attempts.Add(new SendAttempt(attempt, ack.RawCode, clock.Elapsed));
                switch (ack.Code)
                {
                    case AckCode.Accepted:
                        return new SendOutcome(SendStatus.Delivered, controlId, ack, attempts);
                    case AckCode.Error:
                        return new SendOutcome(SendStatus.Refused, controlId, ack, attempts);
                }
            }
            catch (AuthenticationException ex)
            {
                attempts.Add(new SendAttempt(attempt, "tls: " + ex.Message, clock.Elapsed));
                return new SendOutcome(SendStatus.Failed, controlId, last, attempts);
            }
            catch (TimeoutException ex)
            {
                attempts.Add(new SendAttempt(attempt, "timeout: " + ex.Message, clock.Elapsed));
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                attempts.Add(new SendAttempt(attempt, "connection: " + ex.Message, clock.Elapsed));
            }
            catch (Hl7ParseException ex)
            {
                attempts.Add(new SendAttempt(attempt, "ack: " + ex.Message, clock.Elapsed));
            }
        }

        return new SendOutcome(SendStatus.Failed, controlId, last, attempts);
    }

    private async Task<Acknowledgement> SendOnceAsync(byte[] message, string controlId, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connect.CancelAfter(_options.ConnectTimeout);
            try
            {
                await client.ConnectAsync(_options.Host, _options.Port, connect.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no connection to {_options.Host}:{_options.Port} within {_options.ConnectTimeout.TotalSeconds:0.#} s");
            }
        }

        Stream stream = client.GetStream();
        using var ssl = _options.Tls is null ? null : new SslStream(stream, leaveInnerStreamOpen: true);
        if (_options.Tls is { } tls && ssl is not null)
        {
            stream = ssl;
            using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            handshake.CancelAfter(_options.ConnectTimeout);
            try
            {
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = tls.PeerName ?? _options.Host,
                    ClientCertificates = tls.Certificate is null ? null : [tls.Certificate],
                    RemoteCertificateValidationCallback = PeerCertificateValidation.For(tls),
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                }, handshake.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"TLS handshake with {_options.Host}:{_options.Port} took longer than {_options.ConnectTimeout.TotalSeconds:0.#} s");
            }
        }

        await MllpFraming.WriteAsync(stream, message, cancellationToken).ConfigureAwait(false);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(_options.AckTimeout);
        byte[]? reply;
        try
        {
            reply = await new MllpFraming(stream, 1024 * 1024).ReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no acknowledgement within {_options.AckTimeout.TotalSeconds:0.#} s");
        }

        if (reply is null)
        {
            throw new IOException("the peer closed the connection without acknowledging");
        }

        var ack = AcknowledgementParser.Parse(Hl7Parser.Parse(reply));
        if (ack.AcknowledgedControlId != controlId)
        {
            throw new Hl7ParseException($"the acknowledgement is for message \"{ack.AcknowledgedControlId}\", not \"{controlId}\"");
        }

        return ack;
    }
}
