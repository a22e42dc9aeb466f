namespace SglReference.Domain;

/// <summary>The typed value of a result: quantity, coded, text, ratio or range.</summary>
public abstract record ObservationValue;

/// <summary>A measured quantity (CDA PQ).</summary>
/// <param name="Quantity">The quantity.</param>
public sealed record QuantityValue(Quantity Quantity) : ObservationValue;

/// <summary>A coded result (CDA CD), e.g. SNOMED CT "positif".</summary>
/// <param name="Code">The code.</param>
public sealed record CodedValue(CodedConcept Code) : ObservationValue;

/// <summary>A textual result (CDA ST).</summary>
/// <param name="Text">The text.</param>
public sealed record TextValue(string Text) : ObservationValue;

/// <summary>A ratio (CDA RTO), e.g. a titre 1/320.</summary>
/// <param name="Numerator">Numerator.</param>
/// <param name="Denominator">Denominator.</param>
public sealed record RatioValue(decimal Numerator, decimal Denominator) : ObservationValue;

/// <summary>An interval (CDA IVL_PQ), e.g. "between 10 and 20".</summary>
/// <param name="Low">Low bound, when any.</param>
/// <param name="High">High bound, when any.</param>
public sealed record RangeValue(Quantity? Low, Quantity? High) : ObservationValue;
