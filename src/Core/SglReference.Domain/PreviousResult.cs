namespace SglReference.Domain;

/// <summary>An earlier result of the same analysis printed for comparison (antériorité).</summary>
/// <param name="Value">The earlier value.</param>
/// <param name="Date">When it was measured.</param>
public sealed record PreviousResult(ObservationValue Value, DateOnly Date);
