namespace SglReference.Hl7v2.Mllp;

/// <summary>One attempt of a send.</summary>
/// <param name="Number">1-based.</param>
/// <param name="Outcome">"AA", "AE", "AR", "timeout", "connection: ...", "tls: ...", "ack: ...".</param>
/// <param name="Duration">From connection to outcome.</param>
public sealed record SendAttempt(int Number, string Outcome, TimeSpan Duration);
