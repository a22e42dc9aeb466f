namespace SglReference.Channels;

/// <summary>Diagnostic ids of the seams that will still move (<see cref="System.Diagnostics.CodeAnalysis.ExperimentalAttribute"/>).</summary>
public static class Experimental
{
    /// <summary>Channel contracts: <see cref="IDeliveryChannel"/>, <see cref="ChannelContext"/>.</summary>
    public const string Channels = "SGL0001";

    /// <summary>Transport contracts: <see cref="IMessageTransport"/>.</summary>
    public const string Transports = "SGL0002";

    /// <summary>Outbox and lineage store contracts (SglReference.Delivery).</summary>
    public const string Stores = "SGL0003";
}
