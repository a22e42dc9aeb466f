namespace SglReference.Domain;

/// <summary>How a measured value relates to the number written (results below or above a limit).</summary>
public enum QuantityComparator
{
    /// <summary>&lt;</summary>
    LessThan,
    /// <summary>≤</summary>
    LessOrEqual,
    /// <summary>&gt;</summary>
    GreaterThan,
    /// <summary>≥</summary>
    GreaterOrEqual,
}
