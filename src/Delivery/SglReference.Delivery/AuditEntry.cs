namespace SglReference.Delivery;

/// <summary>One state change of a report, in the audit trail (no patient data).</summary>
/// <param name="At">When.</param>
/// <param name="Revision">The revision concerned, when one is.</param>
/// <param name="Event">received, duplicate, replaced, rendered, refused, sent, failed, dead, retried, withdrawal-requested, withdrawn, acknowledged, released.</param>
/// <param name="Actor">Who: an API key's name, a service instance, the PFI.</param>
/// <param name="Detail">What, in words.</param>
public sealed record AuditEntry(DateTimeOffset At, int? Revision, string Event, string Actor, string? Detail);
