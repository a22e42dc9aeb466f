namespace SglReference.Domain;

/// <summary>The patient, with the INS traits as the RNIV defines them.</summary>
/// <param name="BirthName">Nom de naissance.</param>
/// <param name="UsedName">Nom utilisé, when it differs from the birth name.</param>
/// <param name="BirthGivenNames">Prénoms de naissance, in the order of the birth certificate.</param>
/// <param name="UsedGivenName">Prénom utilisé, when it differs from the first birth given name.</param>
/// <param name="BirthDate">Date de naissance.</param>
/// <param name="Sex">Sexe.</param>
/// <param name="BirthPlaceCode">INSEE COG code of the birth commune (99xxx for a foreign country).</param>
/// <param name="Ipp">The local patient identifier (IPP) and the OID of the authority that issued it.</param>
/// <param name="Ins">The INS, when known. It reaches outputs only through <see cref="QualifiedIns"/>.</param>
/// <param name="IdentityStatus">The trust status of the identity.</param>
/// <param name="Address">Postal address.</param>
/// <param name="Telecoms">Phones and e-mails.</param>
/// <param name="LegalRepresentative">Legal representative (minor, tutelle).</param>
public sealed record Patient(
    string BirthName,
    string? UsedName,
    ValueList<string> BirthGivenNames,
    string? UsedGivenName,
    DateOnly BirthDate,
    Sex Sex,
    string? BirthPlaceCode,
    LocalIdentifier Ipp,
    Ins? Ins,
    IdentityStatus IdentityStatus,
    Address? Address,
    ValueList<Telecom> Telecoms,
    LegalRepresentative? LegalRepresentative)
{
    /// <summary>
    /// The INS that outputs may carry: present only for a qualified identity. Writers must use this,
    /// never <see cref="Ins"/>.
    /// </summary>
    public Ins? QualifiedIns => IdentityStatus == IdentityStatus.Qualified ? Ins : null;

    /// <summary>The first birth given name (the INS trait "premier prénom").</summary>
    public string FirstGivenName => BirthGivenNames.Count > 0 ? BirthGivenNames[0] : string.Empty;

    /// <summary>The name to address the patient by: used name, else birth name.</summary>
    public string DisplayFamilyName => UsedName ?? BirthName;

    /// <summary>The given name to address the patient by: used given name, else first birth given name.</summary>
    public string DisplayGivenName => UsedGivenName ?? FirstGivenName;

    /// <summary>Age in whole years at <paramref name="date"/>.</summary>
    public int AgeAt(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        if (date < BirthDate.AddYears(age))
        {
            age--;
        }

        return age;
    }

    /// <summary>
    /// Exact age in years at <paramref name="date"/>: whole years plus the elapsed part of the current year of life, so
    /// that limits such as 0.5 (six months) compare correctly and whole-year limits change on the birthday.
    /// </summary>
    public decimal AgeInYearsAt(DateOnly date)
    {
        var whole = AgeAt(date);
        var lastBirthday = BirthDate.AddYears(whole);
        var nextBirthday = BirthDate.AddYears(whole + 1);
        var yearLength = nextBirthday.DayNumber - lastBirthday.DayNumber;
        return whole + ((decimal)(date.DayNumber - lastBirthday.DayNumber) / yearLength);
    }
}
