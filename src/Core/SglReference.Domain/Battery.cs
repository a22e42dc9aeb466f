namespace SglReference.Domain;

/// <summary>A group of results requested together (bilan, panel), or a single analysis with its results.</summary>
/// <param name="Code">LOINC panel code, when coded.</param>
/// <param name="LocalCode">The lab's own code, when any.</param>
/// <param name="Title">Title printed for people.</param>
/// <param name="Observations">Results, in print order.</param>
/// <param name="Isolates">Micro-organisms isolated (microbiology).</param>
/// <param name="Comments">Comments.</param>
/// <param name="SpecimenId">Specimen, by <see cref="Specimen.Id"/>; results inherit it.</param>
/// <param name="PerformedBy">Subcontracting lab for the whole battery.</param>
/// <param name="ValidatedAt">
/// When the biologist validated this battery; the report's <see cref="LabReport.ValidatedAt"/> when null. A correction
/// gives the original time of each battery it did not re-validate (see <see cref="LabReport.ValidationTimeOf"/>).
/// </param>
/// <param name="Nabm">The NABM act the battery bills (e.g. 5201 ECBU), when the lab gives it: the specimen procedure's code.</param>
public sealed record Battery(
    CodedConcept? Code,
    CodedConcept? LocalCode,
    string Title,
    ValueList<Observation> Observations,
    ValueList<Isolate> Isolates,
    ValueList<Comment> Comments,
    string? SpecimenId,
    PerformingLaboratory? PerformedBy,
    DateTimeOffset? ValidatedAt = null,
    CodedConcept? Nabm = null);
