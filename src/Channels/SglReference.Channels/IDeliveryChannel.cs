using System.Diagnostics.CodeAnalysis;

namespace SglReference.Channels;

/// <summary>
/// A delivery channel (HL7 v2 to the PFI, MSSanté, DMP): a pure function from a rendered report to the messages to
/// send. Channels never reference each other; the engine calls each registered channel the lab profile enables.
/// Implementations are immutable and thread-safe.
/// </summary>
[Experimental(Experimental.Channels)]
public interface IDeliveryChannel
{
    /// <summary>The channel's name in configuration, manifests and outboxes: hl7v2, mss, dmp.</summary>
    string Name { get; }

    /// <summary>
    /// Whether the channel can run for this report, and why not: a channel that cannot run (no mailbox, no recipient,
    /// no qualified INS...) is simply not planned, and <c>sgl check</c> shows the reason as a warning.
    /// </summary>
    ChannelReadiness Check(ChannelContext context);

    /// <summary>The messages of a report the channel is ready for; pure (no I/O), deterministic for a given context.</summary>
    IReadOnlyList<OutboundMessage> Build(ChannelContext context);
}
