using System.Diagnostics.CodeAnalysis;

namespace SglReference.Delivery;

/// <summary>
/// The outbox: one row per channel message, with attempts, next attempt, last error and idempotency key. Messages are
/// claimed under a lease (several dispatchers, in one process or several, never hold the same one), and a message is
/// claimable only once every earlier message of its channel, destination and chain was sent: a replacement or a
/// deletion never leaves before what it follows.
/// </summary>
[Experimental(Experimental.Stores)]
public interface IOutboxStore
{
    /// <summary>Claims up to <paramref name="max"/> due messages of <paramref name="channels"/> for <paramref name="owner"/> until <paramref name="leaseUntil"/>.</summary>
    Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(string owner, IReadOnlyCollection<string> channels, int max, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Records an attempt's result and ends the lease; false when the lease was lost (the result is not recorded).</summary>
    Task<bool> RecordAsync(ClaimedMessage message, string owner, DeliveryResult result, CancellationToken cancellationToken = default);

    /// <summary>Gives back every lease <paramref name="owner"/> holds (graceful shutdown); returns how many.</summary>
    Task<int> ReleaseAsync(string owner, CancellationToken cancellationToken = default);

    /// <summary>Puts a dead message back in the queue, due now, noting who asked; false when it is not dead.</summary>
    Task<bool> RetryAsync(long deliveryId, string actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records a business acknowledgement for the message the peer knows as <paramref name="correlationId"/>; false when no message has that id.</summary>
    Task<bool> AcknowledgeAsync(string correlationId, string acknowledgement, string actor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Dead messages, newest first.</summary>
    Task<IReadOnlyList<(string ReportId, DeliveryView Delivery)>> DeadLettersAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>How many messages are in each state, per channel.</summary>
    Task<IReadOnlyList<ChannelTally>> TallyAsync(CancellationToken cancellationToken = default);
}
