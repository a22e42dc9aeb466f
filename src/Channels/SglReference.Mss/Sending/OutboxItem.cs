namespace SglReference.Mss.Sending;

/// <summary>One message of the outbox (ids and outcomes only: the message itself stays in its .eml file).</summary>
/// <param name="Id">The file name stem (from the Message-ID).</param>
/// <param name="MessageId">The Message-ID.</param>
/// <param name="State">Pending, sent or failed.</param>
/// <param name="Attempts">Attempts made (an attempt a crash interrupted included).</param>
/// <param name="EnqueuedAt">When it entered the outbox.</param>
/// <param name="NextAttemptAt">When a pending message is due.</param>
/// <param name="LastReplyCode">The server's last reply code, when it gave one.</param>
/// <param name="LastResult">The last attempt's result in one line (patient mailboxes redacted unless asked otherwise).</param>
/// <param name="ChainKey">The document chain the message belongs to (the setId of the document it carries), when known.</param>
/// <param name="Sequence">Its place in the chain: it is sent only after every pending message of its chain with a lower sequence.</param>
/// <param name="AttemptStartedAt">Set, durably, just before the message is handed to the server, cleared when the outcome is recorded: found set later, the attempt was interrupted and the server may have accepted the message.</param>
/// <param name="InterruptedAttempts">Attempts a crash interrupted after the message was handed over: each sending again may deliver it twice.</param>
public sealed record OutboxItem(
    string Id,
    string MessageId,
    OutboxState State,
    int Attempts,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset NextAttemptAt,
    int? LastReplyCode,
    string? LastResult,
    string? ChainKey = null,
    int? Sequence = null,
    DateTimeOffset? AttemptStartedAt = null,
    int InterruptedAttempts = 0)
{
    /// <summary>True when the message was sent again after an interrupted attempt: the recipient may have it twice.</summary>
    public bool MayBeDuplicate => InterruptedAttempts > 0 && State == OutboxState.Sent;
}
