namespace SglReference.Domain;

/// <summary>A reference interval (valeurs de référence), numeric or textual.</summary>
/// <param name="Low">Low limit.</param>
/// <param name="High">High limit.</param>
/// <param name="Unit">UCUM unit of the limits.</param>
/// <param name="Text">Textual range (e.g. "négatif", "&lt; 5"), shown when there is no number.</param>
/// <param name="AppliesTo">The population it applies to; the whole population when null.</param>
/// <param name="DisplayUnit">Printed unit; the UCUM unit when null.</param>
public sealed record ReferenceRange(
    decimal? Low,
    decimal? High,
    string? Unit,
    string? Text,
    ReferencePopulation? AppliesTo,
    string? DisplayUnit = null)
{
    /// <summary>The unit printed for people.</summary>
    public string PrintUnit => DisplayUnit ?? (Unit is null or "1" ? string.Empty : Unit);
}
