using SglReference.Domain;
using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;
using SglReference.Xds;

namespace SglReference.Mss.Messages;

/// <summary>
/// The MSSanté messages of one report, from its <see cref="DeliveryPlan"/>: one message to the professionals with the
/// version the plan gives them, one message to the patient with the patient's — never both groups in one message, one
/// patient per message.
/// </summary>
public static class MssMessages
{
    /// <summary>The message requests of <paramref name="report"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="plan">Its delivery plan; a plan with a violation is refused.</param>
    /// <param name="version">The CDA documents (N3 first) and the PDF of a version.</param>
    /// <param name="action">Initial, replacement or deletion.</param>
    /// <param name="createdAt">Date of the messages.</param>
    public static IReadOnlyList<MssMessageRequest> For(
        LabReport report,
        DeliveryPlan plan,
        Func<Audience, (IReadOnlyList<XdsDocument> Documents, ReadOnlyMemory<byte> Pdf)> version,
        DocumentAction action,
        DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(version);
        if (plan.Violation is { } violation)
        {
            throw new InvalidOperationException($"{violation.Message} [{violation.Code}]");
        }

        var requests = new List<MssMessageRequest>(2);
        if (plan.Professionals.Count > 0 && plan.Messages.FirstOrDefault(m => m.DestMssPs) is { } professionalFlags)
        {
            var audience = plan.VersionFor(RecipientKind.Prescriber);
            var (documents, pdf) = version(audience);
            requests.Add(new MssMessageRequest(report, RecipientGroup.Professionals, audience, plan.Professionals, documents, pdf, action, createdAt, professionalFlags, false));
        }

        if (plan.Patient is { } patient && plan.Messages.FirstOrDefault(m => m.DestMssPatient) is { } patientFlags)
        {
            var audience = plan.VersionFor(RecipientKind.Patient);
            var (documents, pdf) = version(audience);
            requests.Add(new MssMessageRequest(report, RecipientGroup.Patient, audience, [patient], documents, pdf, action, createdAt, patientFlags, plan.PatientMayNotReply));
        }

        return requests;
    }
}
