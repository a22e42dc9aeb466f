namespace SglReference.Domain;

/// <summary>The population a reference range applies to.</summary>
/// <param name="Sex">Sex, when the range depends on it.</param>
/// <param name="MinAgeYears">Lowest age in years (inclusive).</param>
/// <param name="MaxAgeYears">Highest age in years (exclusive).</param>
/// <param name="Description">How the lab names it (e.g. "Femme non enceinte", "Enfant 1-3 ans").</param>
public sealed record ReferencePopulation(Sex? Sex, decimal? MinAgeYears, decimal? MaxAgeYears, string? Description)
{
    /// <summary>
    /// True when a patient of <paramref name="sex"/> aged <paramref name="ageYears"/> belongs to the population: same sex
    /// when the population names one (an unknown sex belongs to no sexed population), age in [min, max). The description
    /// alone restricts nothing a machine can check.
    /// </summary>
    public bool Includes(Sex sex, decimal ageYears) =>
        (Sex is not { } s || s == sex)
        && (MinAgeYears is not { } min || ageYears >= min)
        && (MaxAgeYears is not { } max || ageYears < max);

    /// <summary>How many of sex and age the population is defined by (0, 1 or 2): the more, the more specific.</summary>
    public int Specificity => (Sex is null ? 0 : 1) + (MinAgeYears is null && MaxAgeYears is null ? 0 : 1);
}
