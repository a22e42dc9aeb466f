using System.Globalization;
using SglReference.Domain;
using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;

namespace SglReference.Hl7v2.Oru;

/// <summary>
/// Turns a report's <see cref="DeliveryPlan"/> into the ORU requests that carry it to the PFI: one per planned flag
/// set (two when the patient-only mail must travel apart from the DMP publication), each with its recipients.
/// </summary>
public static class OruMessages
{
    /// <summary>The ORU requests of one document version.</summary>
    /// <param name="report">The report.</param>
    /// <param name="plan">Its delivery plan (<see cref="DeliveryPlanner.Plan(LabReport, IReadOnlyCollection{Audience})"/>); a plan with a violation is refused.</param>
    /// <param name="documents">
    /// The N3 (and N1) of a version; each message carries the version the plan gives it
    /// (<see cref="DeliveryPlan.VersionFor(MetaDmpMssFlags)"/>).
    /// </param>
    /// <param name="action">Initial, replacement or deletion.</param>
    /// <param name="createdAt">MSH-7; also makes MSH-10 unique per emission.</param>
    public static IReadOnlyList<OruRequest> For(LabReport report, DeliveryPlan plan, Func<Audience, IReadOnlyList<OruDocument>> documents, DocumentAction action, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(documents);
        if (plan.Violation is { } violation)
        {
            throw new OruRuleException(violation.Code, violation.Message);
        }

        var requests = new List<OruRequest>(plan.Messages.Count);
        for (var i = 0; i < plan.Messages.Count; i++)
        {
            var flags = plan.Messages[i];
            var audience = plan.VersionFor(flags);
            var carried = documents(audience);
            if (carried.Count == 0)
            {
                throw new OruRuleException("SGL-HL7-DOCUMENTS", "the ORU carries at least the CDA N3");
            }

            var recipients = new List<MssRecipient>();
            if (flags.DestMssPs)
            {
                recipients.AddRange(plan.Professionals);
            }

            if (flags.DestMssPatient && plan.Patient is { } patient)
            {
                recipients.Add(patient);
            }

            var controlId = ControlId(carried[0].Identity.Id, action, i, createdAt);
            requests.Add(new OruRequest(report, action, carried, flags, recipients, plan.PatientMayNotReply && flags.DestMssPatient, controlId, createdAt, audience));
        }

        return requests;
    }

    /// <summary>
    /// MSH-10: 20 decimal digits at most, derived from the document id, the action, the message index and the emission
    /// time, so that each emission has its own id and the same emission rendered twice has the same.
    /// </summary>
    public static string ControlId(string documentId, DocumentAction action, int index, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return DerivedIds.Number(string.Create(CultureInfo.InvariantCulture, $"{documentId}|{action}|{index}|{createdAt.UtcTicks}"));
    }
}
