namespace SglReference.Hl7v2.Mllp;

/// <summary>How a send ended.</summary>
public enum SendStatus
{
    /// <summary>AA: the PFI took responsibility for the message.</summary>
    Delivered,

    /// <summary>AE: the message is wrong; it was not retried (fix it and send a new message).</summary>
    Refused,

    /// <summary>Every attempt failed (AR, timeouts, connection loss) or TLS authentication failed: send it again later.</summary>
    Failed,
}
