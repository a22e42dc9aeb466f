namespace SglReference.Delivery;

/// <summary>What one attempt did to a message: its next state and what to remember of the attempt.</summary>
/// <param name="State">Sent, failed (retried at <paramref name="NextAttemptAt"/>) or dead.</param>
/// <param name="Attempts">Attempts made, this one included.</param>
/// <param name="NextAttemptAt">When a failed message is due again.</param>
/// <param name="Code">The peer's code (AA, AE, 250, 451...).</param>
/// <param name="Detail">What happened, already made safe (<see cref="ErrorText.Safe"/>).</param>
/// <param name="At">When the attempt ended.</param>
public sealed record DeliveryResult(DeliveryState State, int Attempts, DateTimeOffset NextAttemptAt, string? Code, string Detail, DateTimeOffset At);
