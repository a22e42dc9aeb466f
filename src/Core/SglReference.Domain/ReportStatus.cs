namespace SglReference.Domain;

/// <summary>Status of the report as a whole.</summary>
public enum ReportStatus
{
    /// <summary>All requested analyses are validated (serviceEvent completed).</summary>
    Complete,
    /// <summary>Some analyses are still pending (serviceEvent active).</summary>
    Partial,
    /// <summary>A corrected report replacing an earlier revision.</summary>
    Corrected,
}
