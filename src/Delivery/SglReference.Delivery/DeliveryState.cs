namespace SglReference.Delivery;

/// <summary>Where one outbox message stands.</summary>
public enum DeliveryState
{
    /// <summary>Waiting for its first attempt (or for what precedes it in its chain).</summary>
    Pending,

    /// <summary>The peer accepted it.</summary>
    Sent,

    /// <summary>The last attempt failed transiently; it is tried again after its backoff.</summary>
    Failed,

    /// <summary>Dead letter: refused permanently or out of attempts; waits for someone to retry it.</summary>
    Dead,
}
