using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MimeKit;
using SglReference.Channels;

namespace SglReference.Mss.Sending;

/// <summary>
/// The MSSanté channel's transport for the outbox: one attempt through <see cref="MssSmtpSender"/> (the dispatcher owns
/// retries and the dead letter): 250 delivered, 5xx permanent, 4xx and connection problems transient, and what no retry
/// heals on our side (<see cref="SmtpStatus.Blocked"/>: our certificate unusable or refused, no STARTTLS offered, never
/// plaintext) permanent: nothing was handed to the server, the message waits in the dead letter for a fix. The Message-ID is
/// the message's own (fixed at render time), so that a resend after a crash between the server's 250 and the outbox
/// commit — the window SMTP cannot close — is recognisable by the receiver. One authenticated TLS session carries
/// several messages (up to <see cref="MessagesPerSession"/>, idle at most <see cref="IdleLimit"/>, up to
/// <see cref="KeptSessions"/> kept); a kept session the server closed is replaced by a new one for the message.
/// </summary>
[Experimental(Experimental.Transports)]
public sealed class MssSmtpTransport : IMessageTransport, IDisposable
{
    /// <summary>How long an idle session is kept (RFC 5321 servers wait 5 minutes; many operators less).</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);

    /// <summary>Messages sent on one session before it is closed (operators cap messages per connection).</summary>
    public const int MessagesPerSession = 100;

    /// <summary>Idle sessions kept at most (one per concurrent send of the dispatcher is enough).</summary>
    public const int KeptSessions = 8;

    private readonly SmtpSessionPool _pool = new(IdleLimit, KeptSessions, MessagesPerSession);
    private readonly MssSmtpSender _sender;

    /// <summary>Creates the transport (patient mailboxes are always redacted from the outcome).</summary>
    public MssSmtpTransport(SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sender = new MssSmtpSender(options with { LogPatientData = false }, _pool);
        Peer = string.Create(CultureInfo.InvariantCulture, $"{options.Host}:{options.Port}");
    }

    /// <summary>Ends the kept sessions (QUIT).</summary>
    public void Dispose() => _pool.Dispose();

    /// <inheritdoc />
    public string Channel => MssChannel.ChannelName;

    /// <summary>host:port of the operator.</summary>
    public string Peer { get; }

    /// <summary>The Message-ID of an .eml: what the receiver deduplicates on and its notifications name.</summary>
    public static string? CorrelationId(ReadOnlySpan<byte> eml)
    {
        try
        {
            using var stream = new MemoryStream(eml.ToArray(), writable: false);
            var headers = HeaderList.Load(stream);
            return headers[HeaderId.MessageId] is { Length: > 0 } id ? id.Trim().Trim('<', '>') : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        MimeMessage mime;
        try
        {
            using var stream = new MemoryStream(message.Content.ToArray(), writable: false);
            mime = await MimeMessage.LoadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException)
        {
            return DeliveryOutcome.Permanent("the stored message is not a readable MIME message");
        }

        using (mime)
        {
            var outcome = await _sender.SendAsync(mime, cancellationToken).ConfigureAwait(false);
            var code = outcome.ReplyCode?.ToString(CultureInfo.InvariantCulture);
            return outcome.Status switch
            {
                SmtpStatus.Delivered => DeliveryOutcome.Delivered($"accepted by {Peer}: {outcome.Detail}", code),
                SmtpStatus.Rejected => DeliveryOutcome.Permanent($"refused by {Peer}: {outcome.Detail}", code),
                SmtpStatus.Blocked => DeliveryOutcome.Permanent($"not sent to {Peer}: {outcome.Detail}", "BLOCKED"),
                _ => DeliveryOutcome.Transient($"{Peer}: {outcome.Detail}", code),
            };
        }
    }
}
