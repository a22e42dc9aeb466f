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
/// one connection per message (or, given a connection pool, a connection kept open across messages to the same peer,
/// each message still waiting for its ACK before the connection carries the next), the ACK read on the same connection. Only an ACK (MSH-9.1 "ACK") whose MSA-2 is the
/// MSH-10 sent and whose MSA-1 is AA is a delivery. AR, ACK timeouts and connection failures are retried with
/// exponential backoff; AE is final (the message is wrong); a TLS authentication failure, our own certificate being
/// unusable (checked before connecting) and an answer that is not an original-mode ACK of the message (CA, CE, CR,
/// another message type, another MSA-2) are final too: waiting does not heal them, and sending again what the peer may
/// have taken would make a duplicate. Thread-safe: each call uses one connection at a time, its own.
/// </summary>
public sealed class MllpClient
{
    private readonly MllpClientOptions _options;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly TimeProvider _time;
    private readonly MllpConnectionPool? _pool;

    /// <summary>Creates a client.</summary>
    public MllpClient(MllpClientOptions options)
        : this(options, Task.Delay)
    {
    }

    /// <summary>Creates a client with an injectable wait (tests).</summary>
    internal MllpClient(MllpClientOptions options, Func<TimeSpan, CancellationToken, Task> delay, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate();
        _delay = delay;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Creates a client that keeps its connections open in <paramref name="pool"/> between messages (its owner disposes it).</summary>
    internal MllpClient(MllpClientOptions options, MllpConnectionPool pool)
        : this(options, Task.Delay)
    {
        _pool = pool;
    }

    /// <summary>The options in use.</summary>
    public MllpClientOptions Options => _options;

    /// <summary>Our client certificate's status now (null without one): unusable, it is never presented; expiring soon is a warning.</summary>
    public CertificateStatus? CheckCertificate() =>
        _options.Tls?.Certificate is { } certificate ? CertificateCheck.Check(certificate, CertificateUse.Client, _time.GetUtcNow()) : null;

    /// <summary>Sends a message (its bytes in its MSH-18 charset) and waits for its acknowledgement.</summary>
    public async Task<SendOutcome> SendAsync(byte[] message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var controlId = Hl7Parser.ParseHeader(message).Value(10);
        var attempts = new List<SendAttempt>();
        Acknowledgement? last = null;
        if (CheckCertificate()?.Describe() is { } unusable)
        {
            attempts.Add(new SendAttempt(1, "certificate: " + unusable, TimeSpan.Zero));
            return new SendOutcome(SendStatus.Failed, controlId, null, attempts);
        }

        for (var attempt = 1; attempt <= Math.Max(1, _options.MaxAttempts); attempt++)
        {
            if (attempt > 1)
            {
                await _delay(_options.BackoffBefore(attempt), cancellationToken).ConfigureAwait(false);
            }

            var clock = Stopwatch.StartNew();
            try
            {
                var (ack, unexpected) = await SendOnceAsync(message, controlId, cancellationToken).ConfigureAwait(false);
                if (ack is null)
                {
                    attempts.Add(new SendAttempt(attempt, "ack: " + unexpected + " (not retried: the peer may hold the message)", clock.Elapsed));
                    return new SendOutcome(SendStatus.Failed, controlId, last, attempts);
                }

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
            catch (IOException ex) when (TlsFailures.RefusedOurCertificate(ex) is { } alert)
            {
                attempts.Add(new SendAttempt(attempt, "tls: the peer refused our client certificate (" + alert + ")", clock.Elapsed));
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
                attempts.Add(new SendAttempt(attempt, "ack: the answer is not an HL7 acknowledgement: " + ex.Message + " (not retried: the peer may hold the message)", clock.Elapsed));
                return new SendOutcome(SendStatus.Failed, controlId, last, attempts);
            }
        }

        return new SendOutcome(SendStatus.Failed, controlId, last, attempts);
    }

    /// <summary>The ACK of the message, or (null, why) when the answer is not an original-mode ACK of it.</summary>
    private async Task<(Acknowledgement? Ack, string? Unexpected)> SendOnceAsync(byte[] message, string controlId, CancellationToken cancellationToken)
    {
        if (_pool is null)
        {
            using var single = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            return await ExchangeAsync(single, message, controlId, cancellationToken).ConfigureAwait(false);
        }

        var connection = _pool.Take();
        var reused = connection is not null;
        connection ??= await ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            (Acknowledgement? Ack, string? Unexpected) answer;
            try
            {
                answer = await ExchangeAsync(connection, message, controlId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (reused && ex is SocketException or ObjectDisposedException or IOException and not MllpFrameTooLargeException)
            {
                // The kept connection was closed by the peer since its last ACK: once more on a new one. The peer may
                // have read the message before closing (as after any connection failure, which the caller retries
                // too): the resend carries the same MSH-10, the PFI's key for duplicates.
                connection.Dispose();
                connection = null;
                connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
                answer = await ExchangeAsync(connection, message, controlId, cancellationToken).ConfigureAwait(false);
            }

            // Only a connection whose exchange completed (an original-mode ACK of this very message read) goes back:
            // after a timeout or a stray answer, a late ACK could otherwise be read as the next message's.
            if (answer.Ack is not null)
            {
                _pool.Return(connection);
                connection = null;
            }

            return answer;
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private async Task<MllpConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        SslStream? ssl = null;
        try
        {
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

            if (_options.Tls is { } tls)
            {
                ssl = new SslStream(client.GetStream(), leaveInnerStreamOpen: true);
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

            var connection = new MllpConnection(client, ssl, presentedCertificate: ssl is not null && _options.Tls?.Certificate is not null);
            client = null;
            ssl = null;
            return connection;
        }
        finally
        {
            ssl?.Dispose();
            client?.Dispose();
        }
    }

    /// <summary>The ACK of the message, or (null, why) when the answer is not an original-mode ACK of it.</summary>
    private async Task<(Acknowledgement? Ack, string? Unexpected)> ExchangeAsync(MllpConnection connection, byte[] message, string controlId, CancellationToken cancellationToken)
    {
        var stream = connection.Stream;

        // With TLS 1.3 a server that refuses our certificate does so after the handshake: the connection is then
        // closed under our first write or read, its alert unread. Such a quick close on a new connection is named as
        // the likely cause.
        var first = connection.Exchanges++ == 0;
        string Hint(string failure) => first && connection.PresentedCertificate && Stopwatch.GetElapsedTime(connection.OpenedAt) < TimeSpan.FromSeconds(2)
            ? failure + " (the peer closed the connection right after the TLS handshake: it may not accept our client certificate)"
            : failure;

        try
        {
            await MllpFraming.WriteAsync(stream, message, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException written)
        {
            throw new IOException(Hint(written.Message), written);
        }

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
        catch (IOException read) when (read is not MllpFrameTooLargeException)
        {
            throw new IOException(Hint(read.Message), read);
        }

        if (reply is null)
        {
            throw new IOException(Hint("the peer closed the connection without acknowledging"));
        }

        var answer = Hl7Parser.Parse(reply);
        if (answer.Header.Value(9, 1) != "ACK")
        {
            return (null, $"the peer answered a {Shorten(answer.MessageType)} message, not an ACK");
        }

        var ack = AcknowledgementParser.Parse(answer);
        if (ack.RawCode is not ("AA" or "AE" or "AR"))
        {
            return (null, $"MSA-1 {ack.RawCode} is an enhanced-mode acknowledgement; the message was sent in original mode, which is answered AA, AE or AR");
        }

        if (ack.AcknowledgedControlId != controlId)
        {
            return (null, $"the acknowledgement is for message \"{Shorten(ack.AcknowledgedControlId)}\", not \"{controlId}\"");
        }

        return (ack, null);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
