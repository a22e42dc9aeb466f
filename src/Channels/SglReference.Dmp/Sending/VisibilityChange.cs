namespace SglReference.Dmp.Sending;

/// <summary>A change of a published document's visibility (TD3.3a/b, ITI-57 metadata update); null leaves a code as it is.</summary>
/// <param name="MaskedToProfessionals">MASQUE_PS on or off.</param>
/// <param name="InvisibleToPatient">INVISIBLE_PATIENT on or off (consultation d'annonce, then shown).</param>
/// <param name="InvisibleToLegalRepresentatives">INVISIBLE_REPRESENTANTS_LEGAUX on or off.</param>
public sealed record VisibilityChange(bool? MaskedToProfessionals = null, bool? InvisibleToPatient = null, bool? InvisibleToLegalRepresentatives = null);
