namespace SglReference.Domain.Validation;

/// <summary>
/// Stable error codes for input problems. Codes never change meaning; new rules get new codes.
/// The README lists them with examples.
/// </summary>
public static class ErrorCodes
{
    // Input syntax
    /// <summary>The input is not well-formed JSON.</summary>
    public const string JsonSyntax = "SGL-JSON-SYNTAX";
    /// <summary>The input is not UTF-8 (UTF-16/32 byte order mark, invalid byte sequence, binary data).</summary>
    public const string JsonEncoding = "SGL-JSON-ENCODING";
    /// <summary>The input nests deeper than the reader accepts.</summary>
    public const string JsonDepth = "SGL-JSON-DEPTH";
    /// <summary>The input is larger than the reader accepts.</summary>
    public const string InputSize = "SGL-INPUT-SIZE";
    /// <summary>A field has the wrong JSON type.</summary>
    public const string Type = "SGL-TYPE";
    /// <summary>A mandatory field is missing or null.</summary>
    public const string Required = "SGL-REQUIRED";
    /// <summary>A property the contract does not define.</summary>
    public const string UnknownProperty = "SGL-UNKNOWN-PROPERTY";
    /// <summary>A string is empty, too long or holds forbidden characters.</summary>
    public const string Text = "SGL-TEXT";
    /// <summary>A value outside the allowed set.</summary>
    public const string Enum = "SGL-ENUM";
    /// <summary>A date or date-time is malformed or lacks its UTC offset.</summary>
    public const string Date = "SGL-DATE";
    /// <summary>A number is malformed or out of range.</summary>
    public const string Number = "SGL-NUMBER";
    /// <summary>A list has too few or too many items, or the report more results or text than the contract allows.</summary>
    public const string Cardinality = "SGL-CARDINALITY";
    /// <summary>More errors than are listed: the last error says how many were left out.</summary>
    public const string TooManyErrors = "SGL-TOO-MANY-ERRORS";

    // Identifiers
    /// <summary>An INS/NIR matricule is not 15 characters of the NIR form.</summary>
    public const string NirFormat = "SGL-NIR-FORMAT";
    /// <summary>An INS/NIR matricule's key does not match (97 − n mod 97).</summary>
    public const string NirKey = "SGL-NIR-KEY";
    /// <summary>An INS-NIA does not have the NIA form.</summary>
    public const string NiaFormat = "SGL-NIA-FORMAT";
    /// <summary>An INS OID is not one of the four INS domains.</summary>
    public const string InsOid = "SGL-INS-OID";
    /// <summary>A qualified identity lacks an INS trait or the INS itself.</summary>
    public const string InsTraits = "SGL-INS-TRAITS";
    /// <summary>An RPPS is not 11 digits.</summary>
    public const string RppsFormat = "SGL-RPPS-FORMAT";
    /// <summary>An RPPS fails its Luhn key.</summary>
    public const string RppsKey = "SGL-RPPS-KEY";
    /// <summary>An IDNPS is not "8" followed by a valid RPPS.</summary>
    public const string IdnpsFormat = "SGL-IDNPS-FORMAT";
    /// <summary>A FINESS is not 9 characters (département + 7 digits).</summary>
    public const string FinessFormat = "SGL-FINESS-FORMAT";
    /// <summary>A FINESS fails its Luhn key.</summary>
    public const string FinessKey = "SGL-FINESS-KEY";
    /// <summary>An OID is not a valid dotted-decimal object identifier.</summary>
    public const string OidSyntax = "SGL-OID-SYNTAX";
    /// <summary>A UCUM unit does not follow the UCUM grammar.</summary>
    public const string UcumSyntax = "SGL-UCUM-SYNTAX";
    /// <summary>A UCUM unit uses an atom UCUM does not define.</summary>
    public const string UcumAtom = "SGL-UCUM-ATOM";
    /// <summary>A LOINC code is not of the form NNNNN-C.</summary>
    public const string LoincFormat = "SGL-LOINC-FORMAT";
    /// <summary>A LOINC code fails its mod-10 check digit.</summary>
    public const string LoincKey = "SGL-LOINC-KEY";
    /// <summary>An INSEE COG commune code is malformed.</summary>
    public const string InseeCode = "SGL-INSEE-CODE";
    /// <summary>An MSSanté address is malformed or outside the mssante.fr space.</summary>
    public const string MssanteAddress = "SGL-MSSANTE-ADDRESS";
    /// <summary>A code is outside the value set the CR-Bio allows (interpretation, specialty...).</summary>
    public const string ValueSet = "SGL-VALUE-SET";

    // Report consistency
    /// <summary>A reference to an id that does not exist (specimen, isolate).</summary>
    public const string Reference = "SGL-REFERENCE";
    /// <summary>Two items share an id that must be unique.</summary>
    public const string DuplicateId = "SGL-DUPLICATE-ID";
    /// <summary>Dates in the wrong order, or in the future.</summary>
    public const string Chronology = "SGL-CHRONOLOGY";
    /// <summary>Fields that contradict each other (status vs revision, value vs status...).</summary>
    public const string Consistency = "SGL-CONSISTENCY";

    // Delivery
    /// <summary>The report's delivery choices form a flag combination the MSSanté routing matrix forbids.</summary>
    public const string MssRouting = "SGL-MSS-ROUTING";

    // FHIR input
    /// <summary>The FHIR resource does not parse as FHIR R4.</summary>
    public const string FhirParse = "SGL-FHIR-PARSE";
    /// <summary>A FHIR reference does not resolve inside the Bundle, or points to the wrong type.</summary>
    public const string FhirReference = "SGL-FHIR-REFERENCE";
    /// <summary>The Bundle lacks a resource the mapping needs.</summary>
    public const string FhirMissing = "SGL-FHIR-MISSING";
}
