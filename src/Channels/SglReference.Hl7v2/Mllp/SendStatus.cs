namespace SglReference.Hl7v2.Mllp;

/// <summary>How a send ended.</summary>
public enum SendStatus
{
    /// <summary>AA: the PFI took responsibility for the message.</summary>
    Delivered,

    /// <summary>AE: the message is wrong; it was not retried (fix it and send a new message).</summary>
    Refused,

    /// <summary>
    /// Not delivered: every attempt failed (AR, timeouts, connection loss), or a failure retrying cannot heal ended the
    /// send at once: TLS authentication, our certificate unusable, an answer that is not an original-mode ACK of the
    /// message (the attempts say which).
    /// </summary>
    Failed,
}
