using SglReference.Domain;
using SglReference.Domain.Documents;

namespace SglReference.Engine;

/// <summary>One rendering: the report, the lab profile, what was issued before, and the action.</summary>
/// <param name="Report">The validated report.</param>
public sealed record RenderRequest(LabReport Report)
{
    /// <summary>The lab profile; the engine's profile for the report's FINESS (or a default one) when null.</summary>
    public LabProfile? Profile { get; init; }

    /// <summary>
    /// The last version issued in each of the report's document chains (from a previous manifest, a lineage store or
    /// the service's database): a new revision replaces them, a withdrawal deletes them. Empty for a first issue.
    /// </summary>
    public IReadOnlyList<IssuedDocument> Previous { get; init; } = [];

    /// <summary>Publish (default) or withdraw.</summary>
    public RenderAction Action { get; init; } = RenderAction.Publish;
}
