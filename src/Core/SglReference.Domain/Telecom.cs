namespace SglReference.Domain;

/// <summary>A phone number or an e-mail address.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Value">The number or address as written.</param>
public sealed record Telecom(TelecomKind Kind, string Value);
