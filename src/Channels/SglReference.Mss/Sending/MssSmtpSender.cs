using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SglReference.Domain.Identifiers;
using SglReference.Transport;

namespace SglReference.Mss.Sending;

/// <summary>
/// Sends one MSSanté message with MailKit over STARTTLS or implicit TLS, presenting the BAL applicative's client
/// certificate and checking the server's (issued for server authentication, chained to the configured authorities).
/// Classifies every failure: 4xx and connection problems are retried, 5xx are final with the server's reply; what no
/// retry heals on our side — our certificate unusable (checked before connecting) or refused by the server, a server
/// that does not offer STARTTLS (the message is never sent in plaintext) — is <see cref="SmtpStatus.Blocked"/>.
/// Patient mailboxes never appear in outcomes unless <see cref="SmtpOptions.LogPatientData"/>. One connection per
/// message, or, given a session pool, one authenticated TLS session kept for several messages; thread-safe.
/// </summary>
public sealed class MssSmtpSender
{
    private readonly SmtpOptions _options;
    private readonly TimeProvider _time;
    private readonly SmtpSessionPool? _pool;

    /// <summary>Creates the sender with validated options.</summary>
    public MssSmtpSender(SmtpOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Creates a sender that keeps its authenticated TLS sessions in <paramref name="pool"/> for the next messages (its owner disposes it).</summary>
    internal MssSmtpSender(SmtpOptions options, SmtpSessionPool pool)
        : this(options)
    {
        _pool = pool;
    }

    /// <summary>The options in use.</summary>
    public SmtpOptions Options => _options;

    /// <summary>Our client certificate's status now (null without one): unusable, it is never presented; expiring soon is a warning.</summary>
    public CertificateStatus? CheckCertificate() =>
        _options.ClientCertificate is { } certificate ? CertificateCheck.Check(certificate, CertificateUse.Client, _time.GetUtcNow()) : null;

    /// <summary>Sends the message to its To recipients.</summary>
    public async Task<SmtpOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var outcome = await TrySendAsync(message, cancellationToken).ConfigureAwait(false);
        return _options.LogPatientData ? outcome : outcome with { Detail = Redact(outcome.Detail, message) };
    }

    private async Task<SmtpOutcome> TrySendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (CheckCertificate()?.Describe() is { } unusable)
        {
            return new SmtpOutcome(SmtpStatus.Blocked, null, "certificate: " + unusable);
        }

        if (_pool?.Take() is { } kept)
        {
            var outcome = await SendOnAsync(kept, message, cancellationToken).ConfigureAwait(false);
            // A kept session the server closed since (its idle timeout's 421, a reset): once more on a new session.
            // The server never answered 250 for this message there; if it kept it anyway, the resend carries the
            // same Message-ID, the receiver's key for duplicates.
            if (!(outcome.Status == SmtpStatus.Retry && outcome.ReplyCode is null or 421))
            {
                return outcome;
            }
        }

        return await SendOnAsync(null, message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends on <paramref name="kept"/> (connected and authenticated) or on a new session; the session goes back to the pool only after a 250.</summary>
    private async Task<SmtpOutcome> SendOnAsync(SmtpClient? kept, MimeMessage message, CancellationToken cancellationToken)
    {
        var client = kept ?? new SmtpClient
        {
            Timeout = (int)(_options.Timeout ?? TimeSpan.FromSeconds(60)).TotalMilliseconds,
            ServerCertificateValidationCallback = Validate,
            CheckCertificateRevocation = _options.TrustedAuthorities.Count == 0,
        };
        if (kept is null && _options.ClientCertificate is { } certificate)
        {
            client.ClientCertificates = [certificate];
        }

        var handedOver = kept is not null;
        try
        {
            if (kept is null)
            {
                var security = _options.Security == SmtpSecurity.ImplicitTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
                try
                {
                    await client.ConnectAsync(_options.Host, _options.Port, security, cancellationToken).ConfigureAwait(false);
                }
                catch (NotSupportedException)
                {
                    // MailKit refuses to go on in plaintext when STARTTLS is asked for and not offered: so do we.
                    return new SmtpOutcome(SmtpStatus.Blocked, null,
                        $"tls: {_options.Host}:{_options.Port} does not offer STARTTLS; MSSanté messages are never sent in plaintext (check the port, or use implicit TLS)");
                }

                if (_options.UserName is { } user)
                {
                    await client.AuthenticateAsync(user, _options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
                }
            }

            handedOver = true;
            var reply = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (_pool is null)
            {
                await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                _pool.Return(client);
                client = null;
            }

            return new SmtpOutcome(SmtpStatus.Delivered, 250, OneLine(reply));
        }
        catch (SmtpCommandException ex)
        {
            var code = (int)ex.StatusCode;
            var status = code is >= 400 and < 500 ? SmtpStatus.Retry : SmtpStatus.Rejected;
            var what = ex.ErrorCode switch
            {
                SmtpErrorCode.RecipientNotAccepted => $"recipient {ex.Mailbox?.Address} refused",
                SmtpErrorCode.SenderNotAccepted => $"sender {ex.Mailbox?.Address} refused",
                SmtpErrorCode.MessageNotAccepted => "message refused",
                _ => "command refused",
            };
            return new SmtpOutcome(status, code, $"{what}: {code} {OneLine(ex.Message)}");
        }
        catch (MailKit.Security.AuthenticationException ex)
        {
            return new SmtpOutcome(SmtpStatus.Retry, 535, "authentication refused: " + OneLine(ex.Message));
        }
        catch (Exception ex) when (!handedOver && TlsFailures.RefusedOurCertificate(ex) is { } alert)
        {
            return new SmtpOutcome(SmtpStatus.Blocked, null, _options.ClientCertificate is null
                ? $"tls: the server wants a client certificate ({alert}): give the BAL applicative's certificate (--cert)"
                : $"tls: the server refused our client certificate ({alert})");
        }
        catch (SslHandshakeException ex)
        {
            return new SmtpOutcome(SmtpStatus.Retry, null, "tls: " + OneLine(ex.Message));
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException
            or System.Security.Authentication.AuthenticationException)
        {
            return new SmtpOutcome(SmtpStatus.Retry, null, "connection: " + OneLine(ex.Message));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SmtpOutcome(SmtpStatus.Retry, null, "timeout");
        }
        finally
        {
            client?.Dispose();
        }
    }

    /// <summary>The detail with every patient mailbox redacted, and each patient recipient's local part (the INS) wherever a server echoes it alone.</summary>
    private static string Redact(string detail, MimeMessage message)
    {
        var redacted = MssanteAddress.RedactPatientMailboxes(detail);
        foreach (var mailbox in message.To.Mailboxes.Concat(message.Cc.Mailboxes))
        {
            if (mailbox.Domain.Equals(MssanteAddress.PatientDomain, StringComparison.OrdinalIgnoreCase) && mailbox.LocalPart.Length >= 4)
            {
                redacted = redacted.Replace(mailbox.LocalPart, "[patient]", StringComparison.OrdinalIgnoreCase);
            }
        }

        return redacted;
    }

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_options.PeerName is null || certificate is null)
        {
            return PeerCertificateValidation.IsTrusted(certificate, chain, errors, _options.TrustedAuthorities, CertificateUse.Server);
        }

        // The connection is made to Host (an address, perhaps); the certificate must name PeerName instead.
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return PeerCertificateValidation.IsTrusted(certificate, chain, errors & ~SslPolicyErrors.RemoteCertificateNameMismatch, _options.TrustedAuthorities, CertificateUse.Server)
            && leaf.MatchesHostname(_options.PeerName);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
