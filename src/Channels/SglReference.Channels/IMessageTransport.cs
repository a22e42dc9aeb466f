using System.Diagnostics.CodeAnalysis;

namespace SglReference.Channels;

/// <summary>
/// Sends one message of a channel to its peer (MLLP, SMTP, HTTPS) and says what happened in terms the outbox can act
/// on: delivered, a transient failure a retry can fix, or a permanent one it cannot.
/// </summary>
[Experimental(Experimental.Transports)]
public interface IMessageTransport
{
    /// <summary>The channel whose messages this transport sends.</summary>
    string Channel { get; }

    /// <summary>Sends <paramref name="message"/>; never throws for a delivery failure (only for cancellation).</summary>
    Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);
}
