namespace SglReference.Mss.Sending;

/// <summary>How one SMTP attempt ended.</summary>
public enum SmtpStatus
{
    /// <summary>The server accepted the message (250 after DATA).</summary>
    Delivered,

    /// <summary>Try again later: 4xx reply, connection refused or lost, timeout, TLS failure.</summary>
    Retry,

    /// <summary>5xx reply: the server will not take this message; the reply is kept.</summary>
    Rejected,

    /// <summary>
    /// Nothing was handed to the server, for a reason on our side or the connection's security that no retry heals:
    /// our certificate is unusable or refused, the server does not offer STARTTLS (never plaintext). The message stays
    /// pending, the attempt is not counted, and the outbox stops its run (every other message would fail alike).
    /// </summary>
    Blocked,
}
