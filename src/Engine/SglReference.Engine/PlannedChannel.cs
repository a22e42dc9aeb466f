namespace SglReference.Engine;

/// <summary>What the engine decided for one registered channel and one report.</summary>
/// <param name="Channel">The channel's name.</param>
/// <param name="Planned">True when the channel sends messages for the report.</param>
/// <param name="Reason">Why it does not (turned off for the lab, nothing to send, missing mailbox...), without patient data.</param>
public sealed record PlannedChannel(string Channel, bool Planned, string? Reason);
