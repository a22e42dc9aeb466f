namespace SglReference.Domain;

/// <summary>OIDs of the code systems and identifier domains the CR-Bio uses (CI-SIS, HL7, IHE).</summary>
public static class CodeSystems
{
    /// <summary>LOINC.</summary>
    public const string Loinc = "2.16.840.1.113883.6.1";
    /// <summary>SNOMED CT.</summary>
    public const string Snomed = "2.16.840.1.113883.6.96";
    /// <summary>UCUM.</summary>
    public const string Ucum = "2.16.840.1.113883.6.8";
    /// <summary>HL7 v3 ObservationInterpretation.</summary>
    public const string ObservationInterpretation = "2.16.840.1.113883.5.83";
    /// <summary>HL7 v3 AdministrativeGender.</summary>
    public const string AdministrativeGender = "2.16.840.1.113883.5.1";
    /// <summary>HL7 v2 table 0487 specimen type, as the CI-SIS examples write it.</summary>
    public const string SpecimenType = "2.16.840.1.113883.18.311";
    /// <summary>NCBI taxonomy (translation of micro-organisms).</summary>
    public const string NcbiTaxonomy = "2.16.840.1.113883.3.9471";
    /// <summary>TRE_G15 professions / J01 author specialties (e.g. G15_10/SM03).</summary>
    public const string AuthorSpecialty = "1.2.250.1.213.1.1.4.5";
    /// <summary>National professional identifiers (IDNPS = "8" + RPPS).</summary>
    public const string NationalProfessionalId = "1.2.250.1.71.4.2.1";
    /// <summary>National structure identifiers (IDNST = "1" + FINESS).</summary>
    public const string NationalStructureId = "1.2.250.1.71.4.2.2";
    /// <summary>INS-NIR.</summary>
    public const string InsNir = "1.2.250.1.213.1.4.8";
    /// <summary>INS-NIA.</summary>
    public const string InsNia = "1.2.250.1.213.1.4.9";
    /// <summary>INS-NIR of test patients.</summary>
    public const string InsNirTest = "1.2.250.1.213.1.4.10";
    /// <summary>INS-NIR of demonstration patients (FR Core INS-NIR-DEMO).</summary>
    public const string InsNirDemo = "1.2.250.1.213.1.4.11";
    /// <summary>COFRAC accreditation numbers.</summary>
    public const string Cofrac = "1.2.250.1.213.6.3.1";
    /// <summary>NABM, the French nomenclature of biology acts (the procedure code of FR-Prelevement in the official examples).</summary>
    public const string Nabm = "1.2.250.1.213.2.7";

    /// <summary>TRE_A01 practice settings (AMBULATOIRE, ETABLISSEMENT).</summary>
    public const string PracticeSetting = "1.2.250.1.213.1.1.4.9";
    /// <summary>TRE_R02 activity sectors (SA25 laboratoire de biologie médicale).</summary>
    public const string HealthcareFacilityType = "1.2.250.1.71.4.2.4";
}
