namespace SglReference.Domain;

/// <summary>A hospital functional unit (unité fonctionnelle).</summary>
/// <param name="Code">UF code.</param>
/// <param name="Name">Name.</param>
public sealed record CareUnit(string Code, string Name);
