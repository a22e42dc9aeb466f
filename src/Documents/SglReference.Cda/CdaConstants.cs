namespace SglReference.Cda;

/// <summary>Namespaces, template ids and fixed codes of the CR-Bio CDA documents (spec-notes/crbio.md).</summary>
internal static class CdaConstants
{
    public const string Hl7 = "urn:hl7-org:v3";
    public const string Lab = "urn:oid:1.3.6.1.4.1.19376.1.3.2";
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public const string TemplateHl7France = "2.16.840.1.113883.2.8.2.1";
    public const string TemplateStructurationMinimale = "1.2.250.1.213.1.1.1.1";
    public const string TemplatePalmXdLab = "1.3.6.1.4.1.19376.1.3.3";
    public const string TemplateCrBio = "1.2.250.1.213.1.1.1.55";
    public const string TemplateCrBioVersion = "2024.01";
    public const string TemplateXdsSd = "1.3.6.1.4.1.19376.1.2.20";

    public const string DocumentTypeCode = "11502-2";
    public const string DocumentTypeDisplay = "CR d'examens biologiques";
    public const string Title = "Compte rendu d'examens biologiques";

    public const string PracticeSettingSystem = "1.2.250.1.213.1.1.4.9";
    public const string FunctionCodeSystem = "2.16.840.1.113883.5.88";
    public const string CollectorFunctionSystem = "1.2.250.1.213.1.1.4.2.280";
    public const string ActCodeSystem = "2.16.840.1.113883.5.4";
    public const string ConfidentialitySystem = "2.16.840.1.113883.5.25";
    public const string IheActCode = "1.3.5.1.4.1.19376.1.5.3.2";

    /// <summary>SNOMED CT 17636008 "Specimen collection (procedure)": the FR-Prelevement code when the lab gives no NABM act.</summary>
    public const string SpecimenCollectionCode = "17636008";
    public const string SpecimenCollectionDisplay = "Prélèvement d'échantillon";

    public const string DefaultBiologistProfession = "G15_10/SM03";
    public const string DefaultBiologistProfessionDisplay = "Médecin - Biologie médicale (SM)";
}
