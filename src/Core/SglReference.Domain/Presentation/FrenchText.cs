using System.Globalization;

namespace SglReference.Domain.Presentation;

/// <summary>How values are printed on a French CR-Bio: decimal comma, dd/MM/yyyy dates, HH:mm times.</summary>
public static class FrenchText
{
    /// <summary>A decimal with its written scale and a decimal comma (1.950 → "1,950").</summary>
    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>dd/MM/yyyy.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>dd/MM/yyyy of a timestamp, in the offset it was given with.</summary>
    public static string Date(DateTimeOffset timestamp) => timestamp.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"dd/MM/yyyy à HH:mm", in the offset the timestamp was given with.</summary>
    public static string DateTime(DateTimeOffset timestamp) => timestamp.ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The comparator sign printed before a value.</summary>
    public static string Comparator(QuantityComparator? comparator) => comparator switch
    {
        QuantityComparator.LessThan => "< ",
        QuantityComparator.LessOrEqual => "≤ ",
        QuantityComparator.GreaterThan => "> ",
        QuantityComparator.GreaterOrEqual => "≥ ",
        _ => string.Empty,
    };

    /// <summary>A quantity's number with its comparator ("&lt; 4"), without unit.</summary>
    public static string Quantity(Quantity quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        return Comparator(quantity.Comparator) + Number(quantity.Value);
    }

    /// <summary>A value as printed in the result column (unit apart for quantities).</summary>
    public static string Value(ObservationValue? value) => value switch
    {
        QuantityValue q => Quantity(q.Quantity),
        CodedValue c => c.Code.Display,
        TextValue t => t.Text,
        RatioValue r => Number(r.Numerator) + "/" + Number(r.Denominator),
        RangeValue { Low: { } low, High: { } high } => Quantity(low) + " – " + Quantity(high),
        RangeValue { Low: { } low } => "≥ " + Quantity(low),
        RangeValue { High: { } high } => "≤ " + Quantity(high),
        _ => string.Empty,
    };

    /// <summary>The unit printed beside a value, when it has one.</summary>
    public static string Unit(ObservationValue? value) => value switch
    {
        QuantityValue q => q.Quantity.PrintUnit,
        RangeValue { Low: { } low } => low.PrintUnit,
        RangeValue { High: { } high } => high.PrintUnit,
        _ => string.Empty,
    };

    /// <summary>A value with its unit ("1,12 g/L").</summary>
    public static string ValueWithUnit(ObservationValue? value)
    {
        var unit = Unit(value);
        return unit.Length == 0 ? Value(value) : Value(value) + " " + unit;
    }

    /// <summary>A reference range's limits, with its unit when it differs from <paramref name="resultUnit"/>.</summary>
    public static string Limits(ReferenceRange range, string resultUnit)
    {
        ArgumentNullException.ThrowIfNull(range);
        var limits = (range.Low, range.High) switch
        {
            ({ } low, { } high) => Number(low) + " – " + Number(high),
            ({ } low, null) => "> " + Number(low),
            (null, { } high) => "< " + Number(high),
            _ => string.Empty,
        };
        if (limits.Length > 0 && range.PrintUnit.Length > 0 && range.PrintUnit != resultUnit)
        {
            limits += " " + range.PrintUnit;
        }

        if (range.Text is { } text)
        {
            limits = limits.Length == 0 ? text : limits + " (" + text + ")";
        }

        return range.AppliesTo?.Description is { } who ? who + " : " + limits : limits;
    }

    /// <summary>"Femme", "Homme", "Inconnu".</summary>
    public static string Sex(Sex sex) => sex switch
    {
        Domain.Sex.Female => "Féminin",
        Domain.Sex.Male => "Masculin",
        _ => "Inconnu",
    };
}
