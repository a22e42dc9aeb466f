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
/// certificate and checking the server's against the configured authorities. Classifies every failure: 4xx and
/// connection problems are retried, 5xx are final with the server's reply. One connection per message; thread-safe.
/// </summary>
public sealed class MssSmtpSender
{
    private readonly SmtpOptions _options;

    /// <summary>Creates the sender.</summary>
    public MssSmtpSender(SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Sends the message to its To recipients.</summary>
    public async Task<SmtpOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var outcome = await TrySendAsync(message, cancellationToken).ConfigureAwait(false);
        return _options.LogPatientData ? outcome : outcome with { Detail = MssanteAddress.RedactPatientMailboxes(outcome.Detail) };
    }

    private async Task<SmtpOutcome> TrySendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var client = new SmtpClient
        {
            Timeout = (int)(_options.Timeout ?? TimeSpan.FromSeconds(60)).TotalMilliseconds,
            ServerCertificateValidationCallback = Validate,
            CheckCertificateRevocation = _options.TrustedAuthorities.Count == 0,
        };
        if (_options.ClientCertificate is { } certificate)
        {
            client.ClientCertificates = [certificate];
        }

        try
        {
            var security = _options.Security == SmtpSecurity.ImplicitTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(_options.Host, _options.Port, security, cancellationToken).ConfigureAwait(false);
            if (_options.UserName is { } user)
            {
                await client.AuthenticateAsync(user, _options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            var reply = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
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
    }

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_options.PeerName is null || certificate is null)
        {
            return PeerCertificateValidation.IsTrusted(certificate, chain, errors, _options.TrustedAuthorities);
        }

        // The connection is made to Host (an address, perhaps); the certificate must name PeerName instead.
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return PeerCertificateValidation.IsTrusted(certificate, chain, errors & ~SslPolicyErrors.RemoteCertificateNameMismatch, _options.TrustedAuthorities)
            && leaf.MatchesHostname(_options.PeerName);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
