namespace SglReference.Domain;

/// <summary>One result (examen / élément clinique pertinent).</summary>
/// <param name="Loinc">LOINC code of the test, when coded.</param>
/// <param name="LocalCode">The lab's own code (OID of the lab's code system), when any.</param>
/// <param name="Label">The label printed for people.</param>
/// <param name="Value">The value; null only for a cancelled result.</param>
/// <param name="ReferenceRanges">
/// Reference intervals, in print order (sex- and age-dependent ones included); <see cref="ApplicableReferenceRange"/>
/// picks the one that applies to the patient.
/// </param>
/// <param name="Interpretations">Interpretation flags (JDV_HL7_ObservationInterpretation_CISIS: N, H, L, HH, LL, A, POS, NEG...).</param>
/// <param name="Method">Method or analyser.</param>
/// <param name="Status">Status.</param>
/// <param name="ObservedAt">When the result was produced (technical validation).</param>
/// <param name="Previous">Earlier result printed for comparison.</param>
/// <param name="Comments">Comments.</param>
/// <param name="SpecimenId">The specimen measured, by <see cref="Specimen.Id"/>.</param>
/// <param name="PerformedBy">Subcontracting lab, when not performed by the validating lab.</param>
public sealed record Observation(
    CodedConcept? Loinc,
    CodedConcept? LocalCode,
    string Label,
    ObservationValue? Value,
    ValueList<ReferenceRange> ReferenceRanges,
    ValueList<string> Interpretations,
    string? Method,
    ResultStatus Status,
    DateTimeOffset? ObservedAt,
    PreviousResult? Previous,
    ValueList<Comment> Comments,
    string? SpecimenId,
    PerformingLaboratory? PerformedBy)
{
    /// <summary>True when a flag says the value is outside the reference range.</summary>
    public bool IsAbnormal => Interpretations.Any(InterpretationCodes.IsAbnormal);
}
