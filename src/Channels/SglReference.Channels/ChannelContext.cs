using SglReference.Domain;
using SglReference.Domain.Delivery;

namespace SglReference.Channels;

/// <summary>What a channel builds its messages from: the rendered report and the decisions already made for it.</summary>
/// <param name="Report">The validated report.</param>
/// <param name="Profile">The lab profile it was rendered with.</param>
/// <param name="Plan">The delivery plan: the only source of routing, masking flags and of which version goes to whom.</param>
/// <param name="Action">Initial, replacement or deletion.</param>
/// <param name="Documents">The rendered documents.</param>
/// <param name="Now">The emission time (MSH-7, Date, submissionTime).</param>
public sealed record ChannelContext(LabReport Report, LabProfile Profile, DeliveryPlan Plan, DocumentAction Action, RenderedDocuments Documents, DateTimeOffset Now);
