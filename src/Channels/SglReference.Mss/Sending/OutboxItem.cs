namespace SglReference.Mss.Sending;

/// <summary>One message of the outbox (ids and outcomes only: the message itself stays in its .eml file).</summary>
/// <param name="Id">The file name stem (from the Message-ID).</param>
/// <param name="MessageId">The Message-ID.</param>
/// <param name="State">Pending, sent or failed.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="EnqueuedAt">When it entered the outbox.</param>
/// <param name="NextAttemptAt">When a pending message is due.</param>
/// <param name="LastReplyCode">The server's last reply code, when it gave one.</param>
/// <param name="LastResult">The last attempt's result in one line.</param>
public sealed record OutboxItem(
    string Id,
    string MessageId,
    OutboxState State,
    int Attempts,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset NextAttemptAt,
    int? LastReplyCode,
    string? LastResult);
