namespace SglReference.Domain;

/// <summary>The laboratory that performed subcontracted analyses (laboratoire exécutant).</summary>
/// <param name="Organization">The laboratory.</param>
/// <param name="Responsible">The biologist responsible there, when known.</param>
public sealed record PerformingLaboratory(Organization Organization, Practitioner? Responsible);
