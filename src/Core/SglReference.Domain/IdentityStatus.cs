namespace SglReference.Domain;

/// <summary>
/// The trust status of a patient identity (RNIV EXI SI 07). Only <see cref="Qualified"/> lets the INS
/// reach any output (documents, HL7, MSSanté, DMP).
/// </summary>
public enum IdentityStatus
{
    /// <summary>Identité provisoire.</summary>
    Provisional,
    /// <summary>Identité récupérée (INSi called, not checked against an ID document).</summary>
    Recovered,
    /// <summary>Identité validée (checked against an ID document, INSi not called).</summary>
    Validated,
    /// <summary>Identité qualifiée (INSi called and checked against an ID document).</summary>
    Qualified,
}
