namespace SglReference.Domain;

/// <summary>Clinical category of an antibiotic susceptibility (EUCAST/CA-SFM).</summary>
public enum SusceptibilityCategory
{
    /// <summary>Sensible.</summary>
    Susceptible,
    /// <summary>Sensible à forte posologie (I).</summary>
    Intermediate,
    /// <summary>Résistant.</summary>
    Resistant,
}
