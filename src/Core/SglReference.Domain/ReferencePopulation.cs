namespace SglReference.Domain;

/// <summary>The population a reference range applies to.</summary>
/// <param name="Sex">Sex, when the range depends on it.</param>
/// <param name="MinAgeYears">Lowest age in years (inclusive).</param>
/// <param name="MaxAgeYears">Highest age in years (exclusive).</param>
/// <param name="Description">How the lab names it (e.g. "Femme non enceinte", "Enfant 1-3 ans").</param>
public sealed record ReferencePopulation(Sex? Sex, decimal? MinAgeYears, decimal? MaxAgeYears, string? Description);
