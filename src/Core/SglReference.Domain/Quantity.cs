namespace SglReference.Domain;

/// <summary>A measured value with its UCUM unit. The decimal keeps the scale it was given ("1.950" stays "1.950").</summary>
/// <param name="Value">The number.</param>
/// <param name="Unit">UCUM unit (e.g. g/L, mmol/L, 10*9/L, m[IU]/L); "1" for a unitless number.</param>
/// <param name="Comparator">Set for results below or above a limit ("&lt; 0.5").</param>
/// <param name="DisplayUnit">The unit as the lab prints it (e.g. mUI/L for m[IU]/L); the UCUM unit when null.</param>
public sealed record Quantity(decimal Value, string Unit, QuantityComparator? Comparator = null, string? DisplayUnit = null)
{
    /// <summary>The unit printed for people.</summary>
    public string PrintUnit => DisplayUnit ?? (Unit == "1" ? string.Empty : Unit);
}
