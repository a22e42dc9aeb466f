namespace SglReference.Domain;

/// <summary>
/// A validated biology report (compte rendu d'examens de biologie médicale): what the biologist signed and
/// every choice needed to deliver it. Writers are pure functions of this record.
/// </summary>
/// <param name="ReportId">The lab's id of the report, unique per lab; stable across revisions.</param>
/// <param name="Revision">1 for the first issue, +1 for each completion or correction.</param>
/// <param name="Status">Complete, partial or corrected.</param>
/// <param name="ValidatedAt">Biological validation (the document's effective time).</param>
/// <param name="Laboratory">The lab.</param>
/// <param name="Biologist">The validating biologist (legal authenticator).</param>
/// <param name="Patient">The patient.</param>
/// <param name="Prescriber">The prescriber, when known.</param>
/// <param name="AttendingPhysician">The médecin traitant, when known.</param>
/// <param name="CopiesTo">Other correspondents.</param>
/// <param name="Request">The request.</param>
/// <param name="Specimens">Specimens.</param>
/// <param name="Chapters">Results by specialty.</param>
/// <param name="Comments">Report-level comments.</param>
/// <param name="Stay">The hospital stay, for a hospital patient.</param>
/// <param name="Delivery">Delivery choices for this report.</param>
/// <param name="CorrectionReason">Why this revision replaces the previous one.</param>
public sealed record LabReport(
    string ReportId,
    int Revision,
    ReportStatus Status,
    DateTimeOffset ValidatedAt,
    Laboratory Laboratory,
    Practitioner Biologist,
    Patient Patient,
    Practitioner? Prescriber,
    Practitioner? AttendingPhysician,
    ValueList<Correspondent> CopiesTo,
    LabRequest Request,
    ValueList<Specimen> Specimens,
    ValueList<Chapter> Chapters,
    ValueList<Comment> Comments,
    HospitalStay? Stay,
    DeliveryOptions Delivery,
    string? CorrectionReason)
{
    /// <summary>Every result of the report, in print order, with its chapter and battery.</summary>
    public IEnumerable<(Chapter Chapter, Battery Battery, Observation Observation)> AllObservations()
    {
        foreach (var chapter in Chapters)
        {
            foreach (var battery in chapter.Batteries)
            {
                foreach (var observation in battery.Observations)
                {
                    yield return (chapter, battery, observation);
                }

                foreach (var isolate in battery.Isolates)
                {
                    if (isolate.Count is { } count)
                    {
                        yield return (chapter, battery, count);
                    }
                }
            }
        }
    }

    /// <summary>The specimen with <paramref name="id"/>, or null.</summary>
    public Specimen? FindSpecimen(string? id) => id is null ? null : Specimens.FirstOrDefault(s => s.Id == id);

    /// <summary>The practitioner heading the lab: the director, else the validating biologist.</summary>
    public Practitioner LabDirector => Laboratory.Director ?? Biologist;

    /// <summary>
    /// When <paramref name="battery"/> was biologically validated: its own time, else the report's. A report that gives
    /// no battery time says every battery was validated at <see cref="ValidatedAt"/>.
    /// </summary>
    public DateTimeOffset ValidationTimeOf(Battery battery)
    {
        ArgumentNullException.ThrowIfNull(battery);
        return battery.ValidatedAt ?? ValidatedAt;
    }

    /// <summary>
    /// The day the specimen of a result was collected (in the offset it was given with): the result's specimen, else its
    /// battery's, else the first collection of the report, else the reception of the request.
    /// </summary>
    public DateOnly CollectionDateOf(Battery battery, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(battery);
        ArgumentNullException.ThrowIfNull(observation);
        var collected = FindSpecimen(observation.SpecimenId ?? battery.SpecimenId)?.CollectedAt
            ?? (Specimens.Count > 0 ? Specimens.Min(s => s.CollectedAt) : Request.ReceivedAt);
        return DateOnly.FromDateTime(collected.DateTime);
    }

    /// <summary>The reference range of a result that applies to the patient at collection (<see cref="ApplicableReferenceRange"/>).</summary>
    public ReferenceRange? ApplicableRangeOf(Battery battery, Observation observation) =>
        ApplicableReferenceRange.Of(observation, Patient, CollectionDateOf(battery, observation));

    /// <summary>
    /// The prescription id as an identifier (CDA inFulfillmentOf/order/id, XDS referenceIdList order): under its
    /// assigning authority, else the lab's order arc; null when the request carries none.
    /// </summary>
    public LocalIdentifier? PrescriptionIdentifier => Request.PrescriptionId is { } id
        ? new LocalIdentifier(id, Request.PrescriptionIdAuthority ?? Laboratory.Oids.Orders)
        : null;
}
