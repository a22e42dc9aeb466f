namespace SglReference.Domain;

/// <summary>A health professional: prescriber, médecin traitant, biologist, collector or correspondent.</summary>
/// <param name="Rpps">RPPS number (11 digits with its Luhn key); the national id is "8" + RPPS.</param>
/// <param name="FamilyName">Family name.</param>
/// <param name="GivenName">Given name.</param>
/// <param name="Title">Title in JDV_J246 (DR, PR...).</param>
/// <param name="Profession">Profession / specialty in JDV_J01 (e.g. G15_10/SM26 médecin généraliste).</param>
/// <param name="MssanteAddress">MSSanté mailbox.</param>
/// <param name="Address">Professional address.</param>
/// <param name="Telecoms">Phones and e-mails.</param>
/// <param name="Organization">Where the professional practices.</param>
public sealed record Practitioner(
    string? Rpps,
    string FamilyName,
    string? GivenName,
    string? Title,
    CodedConcept? Profession,
    string? MssanteAddress,
    Address? Address,
    ValueList<Telecom> Telecoms,
    Organization? Organization)
{
    /// <summary>The national professional identifier (IDNPS): "8" followed by the RPPS.</summary>
    public string? Idnps => Rpps is null ? null : "8" + Rpps;

    /// <summary>"DR Paul MEDECIN" style name for people.</summary>
    public string DisplayName => string.Join(' ', new[] { Title, GivenName, FamilyName }.Where(p => !string.IsNullOrEmpty(p)));
}
