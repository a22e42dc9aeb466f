using SglReference.Domain.Documents;

namespace SglReference.Domain;

/// <summary>
/// What belongs to a laboratory rather than to each report: its identity (the contract's <c>laboratory</c> object:
/// FINESS, OIDs, BAL applicative, accreditation...) and its choices (one or two versions, which channels run).
/// Configured once per lab; a report that names no laboratory takes its lab's profile.
/// </summary>
/// <param name="Laboratory">The lab, exactly as the contract's <c>laboratory</c> object describes it.</param>
/// <param name="Documents">The lab's document choices (versions, professional-only comments, N1).</param>
/// <param name="Channels">Which channels run for this lab (all registered channels when empty).</param>
public sealed record LabProfile(Laboratory Laboratory, DocumentSettings Documents, ChannelSwitches Channels)
{
    /// <summary>A profile for a lab known only from a report, with the deployment's document settings and every channel on.</summary>
    public static LabProfile For(Laboratory laboratory, DocumentSettings documents) => new(laboratory, documents, ChannelSwitches.AllOn);
}
