using SglReference.Domain;

namespace SglReference.Fhir;

/// <summary>
/// The chapters (laboratory specialties, LOINC "… studies (set)" codes) a result can be filed under, and the tables
/// that find one when the Bundle gives no LOINC specialty: HL7 v2 table 0074 (DiagnosticReport.category) and the
/// LOINC class of the result's code (README, "FHIR input", chapter table).
/// </summary>
internal static class ChapterCodes
{
    /// <summary>LOINC code → French title of the chapter.</summary>
    public static IReadOnlyDictionary<string, string> Specialties { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["18716-1"] = "Allergologie",
        ["18717-9"] = "Immuno-hématologie",
        ["18718-7"] = "Marqueurs cellulaires",
        ["18719-5"] = "Biochimie",
        ["18720-3"] = "Hémostase",
        ["18721-1"] = "Suivi thérapeutique pharmacologique",
        ["18722-9"] = "Biologie de la reproduction",
        ["18723-7"] = "Hématologie",
        ["18724-5"] = "HLA",
        ["18725-2"] = "Microbiologie",
        ["18727-8"] = "Sérologie",
        ["18728-6"] = "Toxicologie",
        ["18729-4"] = "Examens urinaires",
        ["26435-8"] = "Biologie moléculaire",
        ["26438-2"] = "Cytologie",
    };

    /// <summary>HL7 v2 table 0074 (diagnostic service section) → LOINC specialty.</summary>
    public static IReadOnlyDictionary<string, string> ServiceSections { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CH"] = "18719-5",
        ["HM"] = "18723-7",
        ["CG"] = "18720-3",
        ["MB"] = "18725-2",
        ["MCB"] = "18725-2",
        ["MYC"] = "18725-2",
        ["PAR"] = "18725-2",
        ["VR"] = "18725-2",
        ["SR"] = "18727-8",
        ["IMM"] = "18727-8",
        ["BLB"] = "18717-9",
        ["TX"] = "18728-6",
        ["DRUG"] = "18721-1",
        ["URN"] = "18729-4",
        ["CP"] = "26438-2",
        ["CM"] = "26438-2",
    };

    /// <summary>LOINC class → LOINC specialty.</summary>
    public static IReadOnlyDictionary<string, string> Classes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CHEM"] = "18719-5",
        ["HEM/BC"] = "18723-7",
        ["COAG"] = "18720-3",
        ["MICRO"] = "18725-2",
        ["ABXBACT"] = "18725-2",
        ["SERO"] = "18727-8",
        ["UA"] = "18729-4",
        ["BLDBK"] = "18717-9",
        ["CELLMARK"] = "18718-7",
        ["FERT"] = "18722-9",
        ["DRUG/TOX"] = "18728-6",
        ["ALLERGY"] = "18716-1",
        ["HLA"] = "18724-5",
        ["MOLPATH"] = "26435-8",
    };

    /// <summary>
    /// The LOINC class of common French biology results (the LOINC table itself is not shipped): enough for the
    /// frequent tests; any other result needs a category.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ClassOfCode { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // CHEM
        ["2345-7"] = "CHEM", ["14749-6"] = "CHEM", ["2160-0"] = "CHEM", ["14682-9"] = "CHEM", ["62238-1"] = "CHEM",
        ["2951-2"] = "CHEM", ["2823-3"] = "CHEM", ["2075-0"] = "CHEM", ["2028-9"] = "CHEM", ["3094-0"] = "CHEM",
        ["22664-7"] = "CHEM", ["2093-3"] = "CHEM", ["2085-9"] = "CHEM", ["13457-7"] = "CHEM", ["2571-8"] = "CHEM",
        ["1742-6"] = "CHEM", ["1920-8"] = "CHEM", ["2324-2"] = "CHEM", ["6768-6"] = "CHEM", ["1975-2"] = "CHEM",
        ["1751-7"] = "CHEM", ["2885-2"] = "CHEM", ["1988-5"] = "CHEM", ["2276-4"] = "CHEM", ["2498-4"] = "CHEM",
        ["3016-3"] = "CHEM", ["3024-7"] = "CHEM", ["3051-0"] = "CHEM",
        ["2000-8"] = "CHEM", ["2601-3"] = "CHEM", ["2777-1"] = "CHEM", ["14798-3"] = "CHEM", ["14933-6"] = "CHEM",
        ["3040-3"] = "CHEM", ["1798-8"] = "CHEM", ["2524-7"] = "CHEM", ["2692-2"] = "CHEM", ["14631-6"] = "CHEM",
        ["2947-0"] = "CHEM", ["22700-9"] = "CHEM", ["14957-5"] = "CHEM", ["33762-6"] = "CHEM",
        // HEM/BC
        ["718-7"] = "HEM/BC", ["789-8"] = "HEM/BC", ["4544-3"] = "HEM/BC", ["787-2"] = "HEM/BC", ["785-6"] = "HEM/BC",
        ["786-4"] = "HEM/BC", ["6690-2"] = "HEM/BC", ["777-3"] = "HEM/BC", ["770-8"] = "HEM/BC", ["751-8"] = "HEM/BC",
        ["736-9"] = "HEM/BC", ["731-0"] = "HEM/BC", ["742-7"] = "HEM/BC", ["713-8"] = "HEM/BC", ["711-2"] = "HEM/BC",
        ["706-2"] = "HEM/BC", ["704-7"] = "HEM/BC", ["4537-7"] = "HEM/BC", ["5905-5"] = "HEM/BC",
        // COAG
        ["5902-2"] = "COAG", ["6301-6"] = "COAG", ["5894-1"] = "COAG", ["3173-2"] = "COAG", ["3255-7"] = "COAG",
        ["48065-7"] = "COAG",
        // MICRO (LOINC files infectious serology under MICRO)
        ["630-4"] = "MICRO", ["634-6"] = "MICRO", ["635-3"] = "MICRO", ["6463-4"] = "MICRO", ["11475-1"] = "MICRO",
        ["600-7"] = "MICRO", ["580-1"] = "MICRO", ["564-5"] = "MICRO", ["664-3"] = "MICRO", ["5196-1"] = "MICRO",
        ["24113-3"] = "MICRO", ["13950-1"] = "MICRO", ["13955-0"] = "MICRO", ["57006-9"] = "MICRO", ["56888-1"] = "MICRO",
        ["43304-5"] = "MICRO", ["24111-7"] = "MICRO",
        // UA
        ["30405-5"] = "UA", ["30391-7"] = "UA", ["5811-5"] = "UA",
    };

    /// <summary>The specialty a LOINC code names, when it is one of <see cref="Specialties"/>.</summary>
    public static CodedConcept? Specialty(string? loinc, string? display = null) =>
        loinc is not null && Specialties.TryGetValue(loinc, out var title) ? new CodedConcept(CodeSystems.Loinc, loinc, display ?? title) : null;

    /// <summary>The French title of a specialty.</summary>
    public static string TitleOf(string loinc) => Specialties.TryGetValue(loinc, out var title) ? title : loinc;
}
