using SglReference.Domain;
using SglReference.Domain.Delivery;

namespace SglReference.Mss.Xdm;

/// <summary>What one IHE_XDM archive holds: the documents of one version of one report, for one patient.</summary>
/// <param name="Report">The report (patient, author, lab, order).</param>
/// <param name="Documents">The N3 first, then the N1 when configured.</param>
/// <param name="Action">Initial, replacement (action C) or deletion (action D).</param>
/// <param name="SubmittedAt">submissionTime.</param>
public sealed record XdmSubmission(LabReport Report, IReadOnlyList<XdmDocument> Documents, DocumentAction Action, DateTimeOffset SubmittedAt);
