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
}
