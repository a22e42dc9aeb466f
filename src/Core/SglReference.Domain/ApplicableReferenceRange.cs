namespace SglReference.Domain;

/// <summary>
/// The one reference range of a result that applies to the patient — the one its interpretation flag was computed
/// against, and the one a CR-Bio entry carries (FR-Resultat-examens-de-biologie-element-clinique-pertinent:
/// referenceRange at most once) — while the narrative and the PDF print them all.
/// <list type="bullet">
/// <item>A range applies when its population includes the patient's sex and age at collection
/// (<see cref="ReferencePopulation.Includes"/>); a range without population applies to everyone.</item>
/// <item>Among the ranges that apply, the most specific wins (sex and age, then sex or age, then none); between equally
/// specific ranges, the first in the lab's order.</item>
/// <item>When none applies (e.g. only a male range for a woman), there is none: the entry carries no range rather than
/// another population's.</item>
/// </list>
/// </summary>
public static class ApplicableReferenceRange
{
    /// <summary>The range of <paramref name="observation"/> that applies to <paramref name="patient"/> on <paramref name="collectedOn"/>, or null.</summary>
    public static ReferenceRange? Of(Observation observation, Patient patient, DateOnly collectedOn)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(patient);
        var age = patient.AgeInYearsAt(collectedOn);
        return observation.ReferenceRanges
            .Where(r => r.AppliesTo is not { } population || population.Includes(patient.Sex, age))
            .MaxBy(r => r.AppliesTo?.Specificity ?? 0);
    }
}
