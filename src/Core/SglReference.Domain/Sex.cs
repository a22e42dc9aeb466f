namespace SglReference.Domain;

/// <summary>Administrative sex (JDV_J143: F, M, UN).</summary>
public enum Sex
{
    /// <summary>Féminin.</summary>
    Female,
    /// <summary>Masculin.</summary>
    Male,
    /// <summary>Inconnu.</summary>
    Unknown,
}
