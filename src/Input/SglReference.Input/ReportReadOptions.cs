using SglReference.Domain;
using SglReference.Domain.Validation;

namespace SglReference.Input;

/// <summary>How readers read a report.</summary>
/// <param name="Limits">Size and depth limits (32 MiB, depth 64 by default).</param>
/// <param name="Laboratories">
/// The configured laboratories (lab profiles): a report without a <c>laboratory</c> takes the one whose FINESS it
/// names (<c>laboratoryFiness</c>; in FHIR, the Organization's FINESS or IDNST), or the only one configured.
/// </param>
public sealed record ReportReadOptions(InputLimits Limits, IReadOnlyList<Laboratory> Laboratories)
{
    /// <summary>Default limits, no laboratory profile: every report carries its laboratory.</summary>
    public static ReportReadOptions Default { get; } = new(InputLimits.Default, []);
}
