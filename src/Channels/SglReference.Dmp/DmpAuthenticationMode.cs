namespace SglReference.Dmp;

/// <summary>
/// The VIHF <c>Authentification_mode</c> of an SGL that feeds the DMP unattended, authenticated by the structure's
/// certificate (the PS is named, not present): INDIRECTE or INDIRECTE_RENFORCEE.
/// </summary>
public enum DmpAuthenticationMode
{
    /// <summary>INDIRECTE.</summary>
    Indirecte,

    /// <summary>INDIRECTE_RENFORCEE.</summary>
    IndirecteRenforcee,
}
