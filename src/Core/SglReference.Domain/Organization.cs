namespace SglReference.Domain;

/// <summary>An organization: a laboratory, a medical practice, a hospital unit.</summary>
/// <param name="Name">Name.</param>
/// <param name="Finess">FINESS (géographique for a site) when it has one.</param>
/// <param name="Address">Postal address.</param>
/// <param name="Telecoms">Phones and e-mails.</param>
/// <param name="PracticeSetting">Its practice setting (TRE_A01: AMBULATOIRE, ETABLISSEMENT), when known.</param>
public sealed record Organization(string Name, string? Finess, Address? Address, ValueList<Telecom> Telecoms, PracticeSetting? PracticeSetting = null);
