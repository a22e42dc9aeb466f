namespace SglReference.Domain;

/// <summary>One line of an antibiogram.</summary>
/// <param name="Antibiotic">The susceptibility test (LOINC, e.g. 18862-3 Amoxicilline [Susceptibilité]); its display names the antibiotic.</param>
/// <param name="Category">S, I or R.</param>
/// <param name="Mic">Minimal inhibitory concentration (CMI), when measured.</param>
public sealed record Susceptibility(CodedConcept Antibiotic, SusceptibilityCategory Category, Quantity? Mic);
