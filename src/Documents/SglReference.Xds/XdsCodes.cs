namespace SglReference.Xds;

/// <summary>
/// The IHE XDS/XDM identifiers (ITI TF-3 §4.2) and the CI-SIS codes a CR-Bio's metadata carries: classification schemes,
/// external identifier schemes, object types, association types and the values for a biology report.
/// </summary>
public static class XdsCodes
{
    /// <summary>Object type of a stable DocumentEntry.</summary>
    public const string DocumentEntryType = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";

    /// <summary>Classification node marking a SubmissionSet.</summary>
    public const string SubmissionSetNode = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";

    /// <summary>SubmissionSet.author.</summary>
    public const string SubmissionSetAuthor = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";

    /// <summary>SubmissionSet.contentTypeCode.</summary>
    public const string SubmissionSetContentType = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500";

    /// <summary>SubmissionSet.patientId.</summary>
    public const string SubmissionSetPatientId = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";

    /// <summary>SubmissionSet.sourceId.</summary>
    public const string SubmissionSetSourceId = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832";

    /// <summary>SubmissionSet.uniqueId.</summary>
    public const string SubmissionSetUniqueId = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";

    /// <summary>DocumentEntry.author.</summary>
    public const string DocumentAuthor = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";

    /// <summary>DocumentEntry.classCode.</summary>
    public const string ClassCode = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";

    /// <summary>DocumentEntry.typeCode.</summary>
    public const string TypeCode = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";

    /// <summary>DocumentEntry.confidentialityCode.</summary>
    public const string ConfidentialityCode = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";

    /// <summary>DocumentEntry.formatCode.</summary>
    public const string FormatCode = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";

    /// <summary>DocumentEntry.healthcareFacilityTypeCode.</summary>
    public const string HealthcareFacilityTypeCode = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1";

    /// <summary>DocumentEntry.practiceSettingCode.</summary>
    public const string PracticeSettingCode = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead";

    /// <summary>DocumentEntry.eventCodeList.</summary>
    public const string EventCodeList = "urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4";

    /// <summary>DocumentEntry.patientId.</summary>
    public const string DocumentPatientId = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";

    /// <summary>DocumentEntry.uniqueId.</summary>
    public const string DocumentUniqueId = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";

    /// <summary>Association SubmissionSet → DocumentEntry.</summary>
    public const string HasMember = "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember";

    /// <summary>Association new DocumentEntry → the one it replaces.</summary>
    public const string Replace = "urn:ihe:iti:2007:AssociationType:RPLC";

    /// <summary>Association signature entry → the submission set it signs (IHE DSG).</summary>
    public const string Signs = "urn:ihe:iti:2007:AssociationType:signs";

    /// <summary>ITI-57 association changing a registry object's availability status.</summary>
    public const string UpdateAvailabilityStatus = "urn:ihe:iti:2010:AssociationType:UpdateAvailabilityStatus";

    /// <summary>referenceIdList slot (ITI TF-3 §4.2.3.2.28).</summary>
    public const string ReferenceIdList = "urn:ihe:iti:xds:2013:referenceIdList";

    /// <summary>Reference id type of an order (the prescription the report fulfils).</summary>
    public const string OrderReference = "urn:ihe:iti:xds:2013:order";

    /// <summary>Reference id type of an accession number (the lab's own request number).</summary>
    public const string AccessionReference = "urn:ihe:iti:xds:2013:accession";

    /// <summary>LOINC.</summary>
    public const string Loinc = "2.16.840.1.113883.6.1";

    /// <summary>TRE_A03-ClasseDocument.</summary>
    public const string ClassCodeSystem = "1.2.250.1.213.1.1.4.1";

    /// <summary>HL7 Confidentiality (N/R/V).</summary>
    public const string ConfidentialitySystem = "2.16.840.1.113883.5.25";

    /// <summary>TRE_A07-StatutVisibiliteDocument (MASQUE_PS, INVISIBLE_PATIENT, INVISIBLE_REPRESENTANTS_LEGAUX).</summary>
    public const string VisibilitySystem = "1.2.250.1.213.1.1.4.13";

    /// <summary>TRE_A11-IheFormatCode.</summary>
    public const string FormatSystem = "1.3.6.1.4.1.19376.1.2.3";

    /// <summary>Format of a CR-BIO N3 (XD-LAB).</summary>
    public const string FormatN3 = "urn:ihe:lab:xd-lab:2008";

    /// <summary>Format of an N1 (XDS-SD PDF).</summary>
    public const string FormatN1 = "urn:ihe:iti:xds-sd:pdf:2008";

    /// <summary>JDV_J03-XdsContentTypeCode-CISIS (TRE_A04... as published, 1.2.250.1.213.2.2).</summary>
    public const string ContentTypeSystem = "1.2.250.1.213.2.2";
}
