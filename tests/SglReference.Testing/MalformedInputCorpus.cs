using System.Text;
using System.Text.Json.Nodes;
using SglReference.Domain.Validation;


namespace SglReference.Testing;

/// <summary>One broken input and what sgl must say about it.</summary>
/// <param name="Name">What is broken.</param>
/// <param name="Bytes">Builds the file content.</param>
/// <param name="Code">The error code that must be reported.</param>
/// <param name="Path">The path the error must name (prefix), or null for whole-file problems.</param>
public sealed record MalformedCase(string Name, Func<byte[]> Bytes, string Code, string? Path)
{
    public override string ToString() => Name;
}

/// <summary>
/// More than 120 malformed inputs (and <see cref="FuzzCorpus"/> generates a few hundred more): raw bytes (syntax, encodings, depth, size), wrong types, missing fields, bad
/// values and keys, inconsistent reports, and broken FHIR Bundles. Each is derived from a valid fixture so that
/// exactly the named fault is present.
/// </summary>
public static class MalformedInputCorpus
{
    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static MalformedCase Json(string name, Action<JsonObject> mutate, string code, string? path, string fixture = "biochemistry") =>
        new(name, () =>
        {
            var node = JsonNode.Parse(File.ReadAllText(Repo.Fixture(fixture)))!.AsObject();
            mutate(node);
            return Utf8(node.ToJsonString());
        }, code, path);

    private static MalformedCase Fhir(string name, Action<JsonObject> mutate, string code, string? path) =>
        new(name, () =>
        {
            var node = JsonNode.Parse(File.ReadAllText(Repo.FhirFixture("thyroid")))!.AsObject();
            mutate(node);
            return Utf8(node.ToJsonString());
        }, code, path);

    private static JsonObject FhirResource(JsonObject bundle, string type) =>
        bundle["entry"]!.AsArray().Select(e => e!["resource"]!.AsObject()).First(r => r["resourceType"]!.GetValue<string>() == type);

    private static JsonObject LabOrganization(JsonObject bundle) =>
        bundle["entry"]!.AsArray().Select(e => e!["resource"]!.AsObject())
            .First(r => r["resourceType"]!.GetValue<string>() == "Organization" && r.ContainsKey("extension"));

    private static JsonObject Obs(JsonObject r, int battery = 0, int observation = 0) =>
        r["chapters"]![0]!["batteries"]![battery]!["observations"]![observation]!.AsObject();

    /// <summary>An Observation coded only with a local code: no LOINC class tells its chapter.</summary>
    private static void LocalCodeOnly(JsonObject resource)
    {
        if (resource["resourceType"]!.GetValue<string>() == "Observation" && resource["code"]?["coding"] is JsonArray coding)
        {
            coding.Clear();
            coding.Add(new JsonObject { ["system"] = "urn:oid:1.2.250.1.213.1.1.9.5", ["code"] = "TSH", ["display"] = "TSH" });
        }
    }

    private static byte[] Fixture(string name) => File.ReadAllBytes(Repo.Fixture(name));

    private static byte[] Nested(int depth, string prefix = "", string suffix = "") =>
        Utf8(prefix + new string('[', depth) + new string(']', depth) + suffix);

    public static IReadOnlyList<MalformedCase> All { get; } =
    [
        // ---- raw bytes: syntax, encodings, depth, size
        new("empty file", () => [], ErrorCodes.JsonSyntax, "$"),
        new("truncated JSON", () => Fixture("thyroid")[..500], ErrorCodes.JsonSyntax, "$"),
        new("trailing comma", () => Utf8("{\"reportId\": \"A\",}"), ErrorCodes.JsonSyntax, "$"),
        new("comment in JSON", () => Utf8("{ /* note */ \"reportId\": \"A\" }"), ErrorCodes.JsonSyntax, "$"),
        new("single quotes", () => Utf8("{'reportId': 'A'}"), ErrorCodes.JsonSyntax, "$"),
        new("two JSON values", () => [.. Fixture("thyroid"), .. Utf8("{}")], ErrorCodes.JsonSyntax, "$"),
        new("UTF-16 LE with BOM", () => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(File.ReadAllText(Repo.Fixture("thyroid")))).ToArray(), ErrorCodes.JsonEncoding, "$"),
        new("UTF-16 BE with BOM", () => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(File.ReadAllText(Repo.Fixture("thyroid")))).ToArray(), ErrorCodes.JsonEncoding, "$"),
        new("UTF-16 LE without BOM", () => Encoding.Unicode.GetBytes(File.ReadAllText(Repo.Fixture("thyroid"))), ErrorCodes.JsonEncoding, "$"),
        new("UTF-32 with BOM", () => new UTF32Encoding(bigEndian: true, byteOrderMark: true).GetPreamble().Concat(new UTF32Encoding(true, true).GetBytes("{}")).ToArray(), ErrorCodes.JsonEncoding, "$"),
        new("binary garbage", () => { var b = new byte[4096]; new Random(42).NextBytes(b); b[0] = 0x89; return b; }, ErrorCodes.JsonEncoding, "$"),
        new("ISO-8859-1 text", () => Encoding.Latin1.GetBytes(File.ReadAllText(Repo.Fixture("thyroid"))), ErrorCodes.JsonEncoding, "$"),
        new("NUL bytes", () => Utf8("{\"reportId\"\0: 1}"), ErrorCodes.JsonSyntax, "$"),
        new("PDF file given as input", () => [.. Utf8("%PDF-1.4\n%"), 0xE2, 0xE3, 0xCF, 0xD3, .. Utf8("\n1 0 obj")], ErrorCodes.JsonEncoding, "$"),
        new("10,000-deep nesting", () => Nested(10_000), ErrorCodes.JsonDepth, "$"),
        new("10,000-deep nesting inside a field", () => Nested(10_000, "{\"comments\": ", "}"), ErrorCodes.JsonDepth, "$"),
        new("top-level array", () => Utf8("[]"), ErrorCodes.Type, "$"),
        new("top-level string", () => Utf8("\"CR-2026-00101\""), ErrorCodes.Type, "$"),
        new("top-level null", () => Utf8("null"), ErrorCodes.Type, "$"),
        new("duplicate property", () => Utf8(File.ReadAllText(Repo.Fixture("thyroid")).Replace("\"revision\": 1,", "\"revision\": 1, \"revision\": 2,", StringComparison.Ordinal)), ErrorCodes.JsonSyntax, "revision"),
        Json("20 MB string", r => r["patient"]!["birthName"] = new string('A', 20 * 1024 * 1024), ErrorCodes.Text, "patient.birthName"),
        new("input over the 32 MiB limit", () => { var b = new byte[33 * 1024 * 1024]; b.AsSpan().Fill((byte)' '); b[0] = (byte)'{'; b[^1] = (byte)'}'; return b; }, ErrorCodes.InputSize, "$"),

        // ---- wrong types
        Json("revision as a string", r => r["revision"] = "1", ErrorCodes.Type, "revision"),
        Json("validatedAt as a number", r => r["validatedAt"] = 20261120, ErrorCodes.Type, "validatedAt"),
        Json("birthGivenNames as a string", r => r["patient"]!["birthGivenNames"] = "DOMINIQUE", ErrorCodes.Type, "patient.birthGivenNames"),
        Json("chapters as an object", r => r["chapters"] = new JsonObject(), ErrorCodes.Type, "chapters"),
        Json("quantity value as a string", r => Obs(r)["value"]!["value"] = "1.05", ErrorCodes.Type, "chapters[0].batteries[0].observations[0].value.value"),
        Json("delivery flag as a string", r => r["delivery"] = new JsonObject { ["blockDmp"] = "yes" }, ErrorCodes.Type, "delivery.blockDmp"),
        Json("telecom as a string", r => r["laboratory"]!["telecoms"]![0] = "01 74 58 96 07", ErrorCodes.Type, "laboratory.telecoms[0]"),
        Json("patient as an array", r => r["patient"] = new JsonArray(), ErrorCodes.Type, "patient"),
        Json("revision not whole", r => r["revision"] = 1.5, ErrorCodes.Number, "revision"),
        new("number beyond decimal range", () => Utf8(File.ReadAllText(Repo.Fixture("thyroid")).Replace("\"value\": 1.950", "\"value\": 1e400", StringComparison.Ordinal)), ErrorCodes.Number, "chapters[0].batteries[0].observations[0].value.value"),
        Json("interpretation as a number", r => Obs(r)["interpretations"]![0] = 1, ErrorCodes.Type, "chapters[0].batteries[0].observations[0].interpretations[0]"),

        // ---- missing mandatory fields
        Json("reportId missing", r => r.Remove("reportId"), ErrorCodes.Required, "reportId"),
        Json("patient missing", r => r.Remove("patient"), ErrorCodes.Required, "patient"),
        Json("birth name missing", r => r["patient"]!.AsObject().Remove("birthName"), ErrorCodes.Required, "patient.birthName"),
        Json("IPP missing", r => r["patient"]!.AsObject().Remove("ipp"), ErrorCodes.Required, "patient.ipp"),
        Json("lab OIDs missing", r => r["laboratory"]!.AsObject().Remove("oids"), ErrorCodes.Required, "laboratory.oids"),
        Json("biologist RPPS missing", r => r["biologist"]!.AsObject().Remove("rpps"), ErrorCodes.Required, "biologist.rpps"),
        Json("order number missing", r => r["request"]!.AsObject().Remove("orderNumber"), ErrorCodes.Required, "request.orderNumber"),
        Json("no chapter", r => r["chapters"] = new JsonArray(), ErrorCodes.Cardinality, "chapters"),
        Json("battery without result", r => r["chapters"]![0]!["batteries"]![0]!["observations"] = new JsonArray(), ErrorCodes.Cardinality, "chapters[0].batteries[0].observations"),
        Json("result without code", r => Obs(r).Remove("loinc"), ErrorCodes.Required, "chapters[0].batteries[0].observations[0].loinc"),
        Json("result without value", r => Obs(r).Remove("value"), ErrorCodes.Required, "chapters[0].batteries[0].observations[0].value"),
        Json("quantity without unit", r => Obs(r)["value"]!.AsObject().Remove("unit"), ErrorCodes.Required, "chapters[0].batteries[0].observations[0].value.unit"),
        Json("specimen without collection time", r => r["specimens"]![0]!.AsObject().Remove("collectedAt"), ErrorCodes.Required, "specimens[0].collectedAt"),
        Json("given names empty", r => r["patient"]!["birthGivenNames"] = new JsonArray(), ErrorCodes.Cardinality, "patient.birthGivenNames"),

        // ---- values outside their sets, dates
        Json("status not in the contract", r => r["status"] = "final", ErrorCodes.Enum, "status"),
        Json("sex X", r => r["patient"]!["sex"] = "X", ErrorCodes.Enum, "patient.sex"),
        Json("identity status in French", r => r["patient"]!["identityStatus"] = "qualifiee", ErrorCodes.Enum, "patient.identityStatus"),
        Json("date-time without offset", r => r["validatedAt"] = "2026-11-20T16:05:00", ErrorCodes.Date, "validatedAt"),
        Json("French date", r => r["patient"]!["birthDate"] = "28/03/1979", ErrorCodes.Date, "patient.birthDate"),
        Json("impossible date", r => r["patient"]!["birthDate"] = "1979-02-30", ErrorCodes.Date, "patient.birthDate"),
        Json("misspelt property", r => r["patient"]!["nom"] = "PAT-TROIS", ErrorCodes.UnknownProperty, "patient.nom"),
        Json("unknown value type", r => Obs(r)["value"]!["type"] = "number", ErrorCodes.Enum, "chapters[0].batteries[0].observations[0].value.type"),
        Json("comparator as a symbol", r => Obs(r)["value"]!["comparator"] = "≤", ErrorCodes.Enum, "chapters[0].batteries[0].observations[0].value.comparator"),
        Json("text property on a quantity", r => Obs(r)["value"]!["text"] = "1,05 g/L", ErrorCodes.UnknownProperty, "chapters[0].batteries[0].observations[0].value.text"),

        // ---- identifiers and codes
        Json("NIR key mismatch", r => r["patient"]!["ins"]!["matricule"] = "279035121518912", ErrorCodes.NirKey, "patient.ins.matricule"),
        Json("NIR of 14 characters", r => r["patient"]!["ins"]!["matricule"] = "27903512151898", ErrorCodes.NirFormat, "patient.ins.matricule"),
        Json("INS OID not an INS domain", r => r["patient"]!["ins"]!["oid"] = "1.2.250.1.213.1.4.2", ErrorCodes.InsOid, "patient.ins.oid"),
        Json("NIA that is a NIR", r => r["patient"]!["ins"]!["oid"] = "1.2.250.1.213.1.4.9", ErrorCodes.NiaFormat, "patient.ins.matricule"),
        Json("RPPS key mismatch", r => r["biologist"]!["rpps"] = "10003059878", ErrorCodes.RppsKey, "biologist.rpps"),
        Json("RPPS of 10 digits", r => r["prescriber"]!["rpps"] = "1000242297", ErrorCodes.RppsFormat, "prescriber.rpps"),
        Json("FINESS key mismatch", r => r["laboratory"]!["finessGeographique"] = "920001238", ErrorCodes.FinessKey, "laboratory.finessGeographique"),
        Json("FINESS with a letter", r => r["laboratory"]!["finessJuridique"] = "92000456X", ErrorCodes.FinessFormat, "laboratory.finessJuridique"),
        Json("document OID with a leading zero", r => r["laboratory"]!["oids"]!["documents"] = "1.2.250.01.9", ErrorCodes.OidSyntax, "laboratory.oids.documents"),
        Json("IPP authority as a URN", r => r["patient"]!["ipp"]!["authority"] = "urn:oid:1.2.250.1.213.1.1.9.4", ErrorCodes.OidSyntax, "patient.ipp.authority"),
        Json("unit not UCUM", r => Obs(r)["value"]!["unit"] = "mUI/L", ErrorCodes.UcumAtom, "chapters[0].batteries[0].observations[0].value.unit"),
        Json("unit with a space", r => Obs(r)["value"]!["unit"] = "g /L", ErrorCodes.UcumSyntax, "chapters[0].batteries[0].observations[0].value.unit"),
        Json("LOINC check digit", r => Obs(r)["loinc"]!["code"] = "2345-8", ErrorCodes.LoincKey, "chapters[0].batteries[0].observations[0].loinc.code"),
        Json("LOINC part code", r => Obs(r)["loinc"]!["code"] = "LP14635-4", ErrorCodes.LoincFormat, "chapters[0].batteries[0].observations[0].loinc.code"),
        Json("chapter coded locally", r => r["chapters"]![0]!["code"]!["system"] = "1.2.250.1.213.1.1.9.5", ErrorCodes.ValueSet, "chapters[0].code.system"),
        Json("interpretation outside the value set", r => Obs(r)["interpretations"] = new JsonArray("ZZZ"), ErrorCodes.ValueSet, "chapters[0].batteries[0].observations[0].interpretations[0]"),
        Json("birth place of 4 digits", r => r["patient"]!["birthPlaceCode"] = "5121", ErrorCodes.InseeCode, "patient.birthPlaceCode"),
        Json("MSSanté address outside mssante.fr", r => r["prescriber"]!["mssanteAddress"] = "pascal.charles@gmail.com", ErrorCodes.MssanteAddress, "prescriber.mssanteAddress"),
        Json("qualified identity without birth place", r => r["patient"]!.AsObject().Remove("birthPlaceCode"), ErrorCodes.InsTraits, "patient.birthPlaceCode"),
        Json("qualified identity without INS", r => r["patient"]!.AsObject().Remove("ins"), ErrorCodes.InsTraits, "patient.ins"),
        Json("title outside JDV_J246", r => r["prescriber"]!["title"] = "Docteur", ErrorCodes.ValueSet, "prescriber.title"),

        // ---- an inconsistent report
        Json("result on an unknown specimen", r => r["chapters"]![0]!["batteries"]![0]!["specimenId"] = "S9", ErrorCodes.Reference, "chapters[0].batteries[0].specimenId"),
        Json("specimen id used twice", r => r["specimens"]!.AsArray().Add(r["specimens"]![0]!.DeepClone()), ErrorCodes.DuplicateId, "specimens[1].id"),
        Json("received before collected", r => r["specimens"]![0]!["receivedAt"] = "2026-11-20T06:00:00+01:00", ErrorCodes.Chronology, "specimens[0].receivedAt"),
        Json("validated before reception", r => r["validatedAt"] = "2026-11-20T08:00:00+01:00", ErrorCodes.Chronology, "request.receivedAt"),
        Json("corrected report at revision 1", r => { r["status"] = "corrected"; r["correctionReason"] = "x"; }, ErrorCodes.Consistency, "revision"),
        Json("reference range upside down", r => { Obs(r)["referenceRanges"]![0]!["low"] = 2; Obs(r)["referenceRanges"]![0]!["high"] = 1; }, ErrorCodes.Consistency, "chapters[0].batteries[0].observations[0].referenceRanges[0].low"),
        Json("control character in a comment", r => r["comments"]![0]!["text"] = "bip\u0007", ErrorCodes.Text, "comments[0].text"),
        Json("report id with a path separator", r => r["reportId"] = "../CR-2026", ErrorCodes.Text, "reportId"),
        Json("empty label", r => Obs(r)["label"] = "  ", ErrorCodes.Text, "chapters[0].batteries[0].observations[0].label"),

        // ---- FHIR Bundles
        Fhir("FHIR reference that does not resolve", b => FhirResource(b, "DiagnosticReport")["subject"]!["reference"] = "urn:uuid:00000000-0000-0000-0000-000000000000", ErrorCodes.FhirReference, "DiagnosticReport/"),
        Fhir("FHIR reference to the wrong type", b => { var dr = FhirResource(b, "DiagnosticReport"); dr["basedOn"]![0]!["reference"] = dr["subject"]!["reference"]!.GetValue<string>(); }, ErrorCodes.FhirReference, "DiagnosticReport/"),
        Fhir("FHIR Bundle without DiagnosticReport", b => { var e = b["entry"]!.AsArray(); e.Remove(e.First(x => x!["resource"]!["resourceType"]!.GetValue<string>() == "DiagnosticReport")); }, ErrorCodes.FhirMissing, "Bundle"),
        Fhir("FHIR code outside its value set", b => FhirResource(b, "Patient")["gender"] = "feminin", ErrorCodes.FhirParse, "Patient/"),
        Fhir("FHIR unknown element", b => FhirResource(b, "Patient")["sexe"] = "F", ErrorCodes.FhirParse, "Patient/"),
        Fhir("FHIR result without specialty", b => { foreach (var e in b["entry"]!.AsArray()) { e!["resource"]!.AsObject().Remove("category"); LocalCodeOnly(e!["resource"]!.AsObject()); } }, ErrorCodes.Required, "Observation/"),
        Fhir("FHIR INS with a wrong key", b => FhirResource(b, "Patient")["identifier"]![1]!["value"] = "279035121518912", ErrorCodes.NirKey, "Patient/"),
        Fhir("FHIR lab without OIDs", b => LabOrganization(b).Remove("extension"), ErrorCodes.Required, "Organization/"),
        new("FHIR resource that is not a Bundle", () => Utf8("{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"female\"}"), ErrorCodes.FhirMissing, "$"),

        // ---- hostile input (issue 11): lone surrogates, control characters in keys and values, lists and totals over the contract's limits
        Raw("lone high surrogate in a name", t => t.Replace("\"PAT-TROIS\"", "\"PAT\\ud800TROIS\"", StringComparison.Ordinal), ErrorCodes.Text, "patient.birthName"),
        Raw("lone low surrogate in a used name", t => t.Replace("\"birthDate\": \"1979-03-28\"", "\"birthDate\": \"1979-03-28\", \"usedName\": \"\\udc00\"", StringComparison.Ordinal), ErrorCodes.Text, "patient.usedName"),
        Raw("reversed surrogate pair in a given name", t => t.Replace("\"DOMINIQUE\"", "\"\\udc00\\ud800\"", StringComparison.Ordinal), ErrorCodes.Text, "patient.birthGivenNames[0]"),
        Raw("lone surrogate in an enum value", t => t.Replace("\"status\": \"complete\"", "\"status\": \"compl\\ud800te\"", StringComparison.Ordinal), ErrorCodes.Text, "status"),
        Raw("lone surrogate in a property name", t => t.Replace("\"birthName\"", "\"birth\\ud800Name\"", StringComparison.Ordinal), ErrorCodes.Text, "patient.birth\\ud800Name"),
        Raw("lone surrogate in a top-level property name", t => "{\"\\udbff\": 1, " + t.TrimStart()[1..], ErrorCodes.Text, "\\udbff"),
        Raw("lone surrogate in a resourceType value", t => "{\"resourceType\": \"Bun\\ud800dle\", " + t.TrimStart()[1..], ErrorCodes.UnknownProperty, "resourceType"),
        Raw("escape character in a property name", t => t.Replace("\"birthName\"", "\"birth\\u001b[2JName\"", StringComparison.Ordinal), ErrorCodes.UnknownProperty, "patient.birth\u001b[2JName"),
        Raw("CR LF forging a line in a property name", t => t.Replace("\"birthName\"", "\"x\\r\\nsgl: all good [SGL-OK]\"", StringComparison.Ordinal), ErrorCodes.UnknownProperty, "patient.x\r\nsgl: all good"),
        Raw("terminal title sequence in an enum value", t => t.Replace("\"sex\": \"F\"", "\"sex\": \"\\u001b]0;owned\\u0007\"", StringComparison.Ordinal), ErrorCodes.Enum, "patient.sex"),
        Raw("line separator in a unit", t => t.Replace("\"unit\": \"g/L\"", "\"unit\": \"g/L\\u2028sgl: forged\"", StringComparison.Ordinal), ErrorCodes.UcumSyntax, "chapters[0].batteries[0]"),
        Raw("empty property name", t => "{\"\": 1, " + t.TrimStart()[1..], ErrorCodes.UnknownProperty, "[\"\"]"),
        Json("revision beyond 9999", r => r["revision"] = 10000, ErrorCodes.Number, "revision"),
        .. ListLimits(),
        Json("a million address lines", r => r["patient"]!["address"]!["lines"] = Repeat(JsonValue.Create("28 avenue de Breteuil"), 1_000_000), ErrorCodes.Cardinality, "patient.address.lines"),
        Json("more results than the contract allows", r =>
        {
            var chapter = r["chapters"]![0]!;
            var battery = chapter["batteries"]![0]!;
            battery["observations"] = Repeat(battery["observations"]![0]!, ContractLimits.Observations);
            chapter["batteries"] = new JsonArray(battery.DeepClone());
            r["chapters"] = Repeat(chapter, ContractLimits.Results / ContractLimits.Observations + 1);
        }, ErrorCodes.Cardinality, "chapters"),
        Json("more text than the contract allows", r =>
        {
            var comments = Repeat(new JsonObject { ["text"] = new string('x', TextRules.CommentMaxLength) }, ContractLimits.Comments);
            r["comments"] = comments.DeepClone();
            r["chapters"]![0]!["comments"] = comments.DeepClone();
            r["chapters"]![0]!["batteries"]![0]!["comments"] = comments.DeepClone();
        }, ErrorCodes.Cardinality, "$"),
        Json("thirty thousand bad results", r =>
        {
            var battery = new JsonObject { ["title"] = "x", ["observations"] = Repeat(new JsonObject { ["label"] = 1 }, 3) };
            r["chapters"] = Repeat(new JsonObject { ["code"] = r["chapters"]![0]!["code"]!.DeepClone(), ["title"] = "x", ["batteries"] = Repeat(battery, ContractLimits.Batteries) }, ContractLimits.Chapters);
        }, ErrorCodes.TooManyErrors, "$"),
    ];

    /// <summary>A case made by editing the fixture's text (escapes a JSON writer would not produce).</summary>
    private static MalformedCase Raw(string name, Func<string, string> edit, string code, string? path, string fixture = "biochemistry") =>
        new(name, () =>
        {
            var original = File.ReadAllText(Repo.Fixture(fixture));
            var edited = edit(original);
            return edited == original ? throw new InvalidOperationException($"corpus case \"{name}\" changed nothing") : Utf8(edited);
        }, code, path);

    private static JsonArray Repeat(JsonNode item, int count)
    {
        var array = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            array.Add(item.DeepClone());
        }

        return array;
    }

    /// <summary>Each list of the contract one item over its limit: one SGL-CARDINALITY error naming it.</summary>
    private static IEnumerable<MalformedCase> ListLimits()
    {
        static JsonObject Observation(JsonObject r) => Obs(r);
        yield return Json("address lines over the limit", r => r["patient"]!["address"]!["lines"] = Repeat(JsonValue.Create("x")!, ContractLimits.AddressLines + 1), ErrorCodes.Cardinality, "patient.address.lines");
        yield return Json("telecoms over the limit", r => r["patient"]!["telecoms"] = Repeat(r["patient"]!["telecoms"]![0]!, ContractLimits.Telecoms + 1), ErrorCodes.Cardinality, "patient.telecoms");
        yield return Json("lab telecoms over the limit", r => r["laboratory"]!["telecoms"] = Repeat(r["laboratory"]!["telecoms"]![0]!, ContractLimits.Telecoms + 1), ErrorCodes.Cardinality, "laboratory.telecoms");
        yield return Json("given names over the limit", r => r["patient"]!["birthGivenNames"] = Repeat(JsonValue.Create("JEAN")!, ContractLimits.GivenNames + 1), ErrorCodes.Cardinality, "patient.birthGivenNames");
        yield return Json("copies over the limit", r => r["copiesTo"] = Repeat(new JsonObject { ["familyName"] = "X", ["mssanteAddress"] = "x@medecin.mssante.fr" }, ContractLimits.CopiesTo + 1), ErrorCodes.Cardinality, "copiesTo");
        yield return Json("specimens over the limit", r => r["specimens"] = Repeat(r["specimens"]![0]!, ContractLimits.Specimens + 1), ErrorCodes.Cardinality, "specimens");
        yield return Json("chapters over the limit", r => r["chapters"] = Repeat(r["chapters"]![0]!, ContractLimits.Chapters + 1), ErrorCodes.Cardinality, "chapters");
        yield return Json("batteries over the limit", r => r["chapters"]![0]!["batteries"] = Repeat(r["chapters"]![0]!["batteries"]![0]!, ContractLimits.Batteries + 1), ErrorCodes.Cardinality, "chapters[0].batteries");
        yield return Json("results of a battery over the limit", r => r["chapters"]![0]!["batteries"]![0]!["observations"] = Repeat(Observation(r), ContractLimits.Observations + 1), ErrorCodes.Cardinality, "chapters[0].batteries[0].observations");
        yield return Json("isolates over the limit", r => r["chapters"]![0]!["batteries"]![0]!["isolates"] = Repeat(new JsonObject { ["id"] = "I" }, ContractLimits.Isolates + 1), ErrorCodes.Cardinality, "chapters[0].batteries[0].isolates");
        yield return Json("reference ranges over the limit", r => Observation(r)["referenceRanges"] = Repeat(new JsonObject { ["text"] = "x" }, ContractLimits.ReferenceRanges + 1), ErrorCodes.Cardinality, "chapters[0].batteries[0].observations[0].referenceRanges");
        yield return Json("interpretations over the limit", r => Observation(r)["interpretations"] = Repeat(JsonValue.Create("N")!, ContractLimits.Interpretations + 1), ErrorCodes.Cardinality, "chapters[0].batteries[0].observations[0].interpretations");
        yield return Json("report comments over the limit", r => r["comments"] = Repeat(new JsonObject { ["text"] = "x" }, ContractLimits.Comments + 1), ErrorCodes.Cardinality, "comments");
        yield return Json("result comments over the limit", r => Observation(r)["comments"] = Repeat(new JsonObject { ["text"] = "x" }, ContractLimits.Comments + 1), ErrorCodes.Cardinality, "chapters[0].batteries[0].observations[0].comments");
        yield return Json("antibiogram over the limit", r => r["chapters"]![0]!["batteries"]![0]!["isolates"] = new JsonArray(new JsonObject
        {
            ["id"] = "I1",
            ["organism"] = new JsonObject { ["code"] = "112283007", ["display"] = "Escherichia coli" },
            ["antibiogram"] = Repeat(new JsonObject { ["antibiotic"] = new JsonObject { ["code"] = "18864-9", ["display"] = "Ampicilline" }, ["category"] = "S" }, ContractLimits.Antibiogram + 1),
        }), ErrorCodes.Cardinality, "chapters[0].batteries[0].isolates[0].antibiogram");
    }
}
