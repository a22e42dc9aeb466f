namespace SglReference.Delivery;

/// <summary>What intake made of a submission.</summary>
public enum AcceptKind
{
    /// <summary>A report not seen before: accepted.</summary>
    New,

    /// <summary>A new revision of a known report: accepted, it will replace what was issued.</summary>
    Replacement,

    /// <summary>The same bytes as an accepted revision: nothing new.</summary>
    Duplicate,

    /// <summary>Refused: an older revision than the last accepted, different bytes for an accepted revision, or another lab's report id.</summary>
    Conflict,
}

/// <summary>The result of <see cref="IReportStore.AcceptAsync"/>.</summary>
/// <param name="Kind">New, replacement, duplicate or conflict.</param>
/// <param name="Revision">The report's latest accepted revision.</param>
/// <param name="Status">The report's status now.</param>
/// <param name="Reason">Why a conflict is one (no patient data).</param>
public sealed record AcceptOutcome(AcceptKind Kind, int Revision, string Status, string? Reason = null);
