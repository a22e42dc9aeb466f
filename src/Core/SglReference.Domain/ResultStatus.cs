namespace SglReference.Domain;

/// <summary>Status of one result.</summary>
public enum ResultStatus
{
    /// <summary>Validated.</summary>
    Final,
    /// <summary>Validated, correcting an earlier value.</summary>
    Corrected,
    /// <summary>Cancelled (not performed, e.g. haemolysed specimen).</summary>
    Cancelled,
}
