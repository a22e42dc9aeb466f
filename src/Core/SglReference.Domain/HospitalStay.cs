namespace SglReference.Domain;

/// <summary>The hospital stay during which the specimens were taken.</summary>
/// <param name="VisitNumber">Numéro de venue / NDA and its authority.</param>
/// <param name="Kind">Kind of stay.</param>
/// <param name="Unit">The care unit.</param>
/// <param name="AdmittedAt">Admission.</param>
/// <param name="DischargedAt">Discharge, when done.</param>
/// <param name="Facility">The hospital (FINESS géographique).</param>
public sealed record HospitalStay(
    LocalIdentifier VisitNumber,
    EncounterKind Kind,
    CareUnit? Unit,
    DateTimeOffset AdmittedAt,
    DateTimeOffset? DischargedAt,
    Organization? Facility);
