namespace SglReference.Domain;

/// <summary>The hospital stay during which the specimens were taken.</summary>
/// <param name="VisitNumber">Numéro de venue (HL7 PV1-19, typed VN) and its authority; the CDA encounter id.</param>
/// <param name="Kind">Kind of stay.</param>
/// <param name="Unit">The care unit.</param>
/// <param name="AdmittedAt">Admission.</param>
/// <param name="DischargedAt">Discharge, when done.</param>
/// <param name="Facility">The hospital (FINESS géographique).</param>
/// <param name="AccountNumber">
/// The hospital's numéro de dossier administratif (NDA, HL7 PID-18 typed AN, PAM-FR 2.11 §6.6.9), when known.
/// </param>
public sealed record HospitalStay(
    LocalIdentifier VisitNumber,
    EncounterKind Kind,
    CareUnit? Unit,
    DateTimeOffset AdmittedAt,
    DateTimeOffset? DischargedAt,
    Organization? Facility,
    LocalIdentifier? AccountNumber = null);
