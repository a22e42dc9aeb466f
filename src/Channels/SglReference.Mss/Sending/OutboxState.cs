namespace SglReference.Mss.Sending;

/// <summary>Where a message is in the outbox.</summary>
public enum OutboxState
{
    /// <summary>Waiting to be sent, or to be tried again.</summary>
    Pending,

    /// <summary>Accepted by the server.</summary>
    Sent,

    /// <summary>Refused (5xx) or out of attempts; kept with the last reply.</summary>
    Failed,
}
