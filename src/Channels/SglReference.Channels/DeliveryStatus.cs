namespace SglReference.Channels;

/// <summary>What sending one message came to.</summary>
public enum DeliveryStatus
{
    /// <summary>The peer accepted the message (ACK AA, SMTP 250, ITI-41 Success).</summary>
    Delivered,

    /// <summary>Not delivered, and a later retry may succeed (connection refused or lost, timeout, 4xx, 503, Busy).</summary>
    Transient,

    /// <summary>Not delivered, and retrying the same bytes will not help (AE, 5xx, metadata error, bad certificate).</summary>
    Permanent,
}
