namespace SglReference.Fhir;

/// <summary>The URIs the FHIR mapping reads: FR Core extensions, terminology systems, and SglReference extensions.</summary>
public static class FhirUris
{
    /// <summary>Base of the extensions SglReference defines for what FHIR R4 and FR Core do not carry.</summary>
    public const string SglBase = "https://sglreference.example/fhir/StructureDefinition/";
    /// <summary>Report revision (valueInteger) on DiagnosticReport.</summary>
    public const string ReportRevision = SglBase + "report-revision";
    /// <summary>Correction reason (valueString) on DiagnosticReport.</summary>
    public const string CorrectionReason = SglBase + "correction-reason";
    /// <summary>Report-level comment (valueAnnotation) on DiagnosticReport.</summary>
    public const string ReportNote = SglBase + "report-note";
    /// <summary>Comment kind (valueCode general|interpretation|technical) on an Annotation.</summary>
    public const string CommentKind = SglBase + "comment-kind";
    /// <summary>Comment audience (valueCode all|professional) on an Annotation.</summary>
    public const string CommentAudience = SglBase + "comment-audience";
    /// <summary>Delivery choices (complex) on DiagnosticReport.</summary>
    public const string DeliveryOptions = SglBase + "delivery-options";
    /// <summary>Other recipient (complex: practitioner valueReference, role valueCode) on DiagnosticReport.</summary>
    public const string CopiesTo = SglBase + "copies-to";
    /// <summary>The lab's OID arcs (complex: documents, orders, specimens valueOid) on the lab Organization.</summary>
    public const string LabOids = SglBase + "lab-oids";
    /// <summary>Lab director (valueReference Practitioner) on the lab Organization.</summary>
    public const string LabDirector = SglBase + "lab-director";
    /// <summary>When the lab received the request (valueDateTime) on ServiceRequest.</summary>
    public const string RequestReceivedAt = SglBase + "request-received-at";
    /// <summary>Earlier result printed for comparison (complex: value[x], date valueDate) on Observation.</summary>
    public const string PreviousResult = SglBase + "previous-result";

    /// <summary>FR Core identity reliability (sub-extension identityStatus).</summary>
    public const string IdentityReliability = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability";
    /// <summary>FR Core list of birth given names (valueString, space separated).</summary>
    public const string BirthListGivenName = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-birth-list-given-name";
    /// <summary>FR Core INSEE code of an address (valueCoding).</summary>
    public const string AddressInseeCode = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code";
    /// <summary>FR Core e-mail type (valueCoding, MSSANTE for an MSSanté mailbox).</summary>
    public const string EmailType = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-contact-point-email-type";
    /// <summary>HL7 patient birth place (valueAddress).</summary>
    public const string PatientBirthPlace = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";

    /// <summary>LOINC.</summary>
    public const string Loinc = "http://loinc.org";
    /// <summary>SNOMED CT.</summary>
    public const string Snomed = "http://snomed.info/sct";
    /// <summary>UCUM.</summary>
    public const string Ucum = "http://unitsofmeasure.org";
    /// <summary>HL7 v2 table 0487 specimen type.</summary>
    public const string SpecimenType = "http://terminology.hl7.org/CodeSystem/v2-0487";
    /// <summary>FINESS (FR Core).</summary>
    public const string Finess = "https://finess.esante.gouv.fr";
    /// <summary>FINESS, older FR Core URI.</summary>
    public const string FinessLegacy = "http://finess.sante.gouv.fr";
    /// <summary>IDNST, the national structure id ("1" + FINESS for a FINESS-registered structure).</summary>
    public const string Idnst = "urn:oid:" + Domain.CodeSystems.NationalStructureId;
    /// <summary>HL7 v2 table 0074, diagnostic service section (DiagnosticReport.category: CH, HM, MB...).</summary>
    public const string DiagnosticServiceSection = "http://terminology.hl7.org/CodeSystem/v2-0074";
    /// <summary>HL7 v3 ObservationInterpretation (S, I, R, H, L...).</summary>
    public const string ObservationInterpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    /// <summary>Last path segment of the EU Laboratory Report extension naming the order on Composition (its base URL changed between versions).</summary>
    public const string CompositionBasedOnName = "composition-basedOn-order-or-requisition";
    /// <summary>Last path segment of the EU Laboratory Report extension naming an information recipient on Composition.</summary>
    public const string InformationRecipientName = "information-recipient";
    /// <summary>RPPS (FR Core).</summary>
    public const string Rpps = "https://rpps.esante.gouv.fr";
    /// <summary>RPPS, older URI.</summary>
    public const string RppsLegacy = "http://rpps.fr";

    /// <summary>True when <paramref name="url"/> is an extension named <paramref name="name"/> under any base (http://hl7.eu/fhir/…, http://hl7.eu/fhir/laboratory/…).</summary>
    public static bool IsExtension(string? url, string name) =>
        url is not null && url.EndsWith("/" + name, StringComparison.Ordinal) && url.StartsWith("http", StringComparison.Ordinal);

    /// <summary>The OID of a coding system URI, or null when it has none known here.</summary>
    public static string? OidOf(string? system) => system switch
    {
        null => null,
        Loinc => Domain.CodeSystems.Loinc,
        Snomed => Domain.CodeSystems.Snomed,
        Ucum => Domain.CodeSystems.Ucum,
        SpecimenType => Domain.CodeSystems.SpecimenType,
        _ when system.StartsWith("urn:oid:", StringComparison.Ordinal) => system["urn:oid:".Length..],
        _ => null,
    };
}
