namespace SglReference.Domain;

/// <summary>A legal representative of a minor or protected adult (CDA guardian).</summary>
/// <param name="FamilyName">Family name.</param>
/// <param name="GivenName">Given name.</param>
/// <param name="Relationship">Relationship to the patient (e.g. MTH mother, FTH father, GUARD tutor), HL7 RoleCode.</param>
/// <param name="Address">Postal address.</param>
/// <param name="Telecoms">Phones and e-mails.</param>
public sealed record LegalRepresentative(
    string FamilyName,
    string? GivenName,
    string? Relationship,
    Address? Address,
    ValueList<Telecom> Telecoms);
