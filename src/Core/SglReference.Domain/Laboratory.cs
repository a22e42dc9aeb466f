namespace SglReference.Domain;

/// <summary>The laboratory that validated the report and is the custodian of its documents.</summary>
/// <param name="Name">Name.</param>
/// <param name="FinessGeographique">FINESS of the site (entité géographique).</param>
/// <param name="FinessJuridique">FINESS of the legal entity.</param>
/// <param name="Address">Address of the site.</param>
/// <param name="Telecoms">Phones and e-mails (at least one phone).</param>
/// <param name="Oids">The OID arcs of the lab.</param>
/// <param name="MssanteMailbox">The lab's BAL applicative (MSSanté sender).</param>
/// <param name="Accreditation">COFRAC accreditation number (e.g. 8-1234), when accredited.</param>
/// <param name="PracticeSetting">City or hospital laboratory.</param>
/// <param name="Director">The lab director (biologiste responsable); the validating biologist when absent.</param>
public sealed record Laboratory(
    string Name,
    string FinessGeographique,
    string? FinessJuridique,
    Address Address,
    ValueList<Telecom> Telecoms,
    LabOids Oids,
    string? MssanteMailbox,
    string? Accreditation,
    PracticeSetting PracticeSetting,
    Practitioner? Director)
{
    /// <summary>The lab as an <see cref="Organization"/>.</summary>
    public Organization AsOrganization() => new(Name, FinessGeographique, Address, Telecoms, PracticeSetting);
}
