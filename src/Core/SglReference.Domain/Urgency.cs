namespace SglReference.Domain;

/// <summary>Priority of the request.</summary>
public enum Urgency
{
    /// <summary>Routine.</summary>
    Routine,
    /// <summary>Urgent.</summary>
    Urgent,
}
