using SglReference.Domain;
using SglReference.Domain.Delivery;

namespace SglReference.Xds;

/// <summary>
/// What one XDS submission set holds: the documents of one version of one report, for one patient, with the
/// visibility the delivery plan decided for them. The same record feeds the IHE_XDM METADATA.XML (MSSanté) and the
/// ITI-41 Provide and Register request (DMP).
/// </summary>
/// <param name="Report">The report (patient, author, lab, order).</param>
/// <param name="Documents">The N3 first, then the N1 when configured.</param>
/// <param name="Action">Initial, replacement (RPLC, action C) or deletion (action D).</param>
/// <param name="SubmittedAt">submissionTime.</param>
/// <param name="Visibility">
/// The masking and visibility flags of the delivery plan for this submission: they become the confidentialityCode
/// classifications (MASQUE_PS, INVISIBLE_PATIENT, INVISIBLE_REPRESENTANTS_LEGAUX) besides N.
/// </param>
public sealed record XdsSubmission(LabReport Report, IReadOnlyList<XdsDocument> Documents, DocumentAction Action, DateTimeOffset SubmittedAt, MetaDmpMssFlags Visibility);
