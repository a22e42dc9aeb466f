namespace SglReference.Channels;

/// <summary>The outcome of sending one message.</summary>
/// <param name="Status">Delivered, transient or permanent failure.</param>
/// <param name="Code">The peer's code when it gave one (AE, 550, XDSRegistryBusy...).</param>
/// <param name="Detail">What happened, in words, without patient data.</param>
public sealed record DeliveryOutcome(DeliveryStatus Status, string? Code, string Detail)
{
    /// <summary>Delivered.</summary>
    public static DeliveryOutcome Delivered(string detail, string? code = null) => new(DeliveryStatus.Delivered, code, detail);

    /// <summary>A failure a retry may fix.</summary>
    public static DeliveryOutcome Transient(string detail, string? code = null) => new(DeliveryStatus.Transient, code, detail);

    /// <summary>A failure a retry cannot fix.</summary>
    public static DeliveryOutcome Permanent(string detail, string? code = null) => new(DeliveryStatus.Permanent, code, detail);
}
