namespace SglReference.Domain;

/// <summary>The request (demande d'examens) the report answers.</summary>
/// <param name="OrderNumber">The lab's request number (numéro de dossier), unique under <see cref="LabOids.Orders"/>.</param>
/// <param name="PrescriptionId">The prescription id received from the prescriber's system, when any.</param>
/// <param name="PrescriptionDate">Date of the prescription.</param>
/// <param name="ReceivedAt">When the lab received the request and the specimens.</param>
/// <param name="Urgency">Priority.</param>
/// <param name="PrescriptionIdAuthority">
/// OID of the system that assigned <paramref name="PrescriptionId"/> (the prescriber's software, an e-prescription
/// service); the lab's <see cref="LabOids.Orders"/> arc when null, as in the official CR-BIO examples.
/// </param>
public sealed record LabRequest(
    string OrderNumber,
    string? PrescriptionId,
    DateOnly? PrescriptionDate,
    DateTimeOffset ReceivedAt,
    Urgency Urgency = Urgency.Routine,
    string? PrescriptionIdAuthority = null);
