namespace SglReference.Domain;

/// <summary>Another recipient of the report, besides the prescriber and the médecin traitant.</summary>
/// <param name="Practitioner">The professional (or the organization's contact).</param>
/// <param name="Role">Why they receive a copy.</param>
public sealed record Correspondent(Practitioner Practitioner, CorrespondentRole Role = CorrespondentRole.Copy);
