namespace SglReference.Domain;

/// <summary>A postal address.</summary>
/// <param name="Lines">Street lines, in order.</param>
/// <param name="PostalCode">Postal code.</param>
/// <param name="City">City.</param>
/// <param name="Country">Country name or ISO 3166 code; null for France.</param>
public sealed record Address(ValueList<string> Lines, string? PostalCode, string? City, string? Country = null);
