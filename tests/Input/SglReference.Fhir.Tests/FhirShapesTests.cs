using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SglReference.Domain;
using SglReference.Domain.Validation;
using SglReference.Input;
using SglReference.Input.Json;
using SglReference.Testing;

namespace SglReference.Fhir.Tests;

/// <summary>
/// The shapes real senders write (fixtures/fhir/eu: an EU Laboratory Report document Bundle, a collection, a
/// transaction), read with FR Core conventions only and the lab profile; errors without follow-on errors.
/// </summary>
public partial class FhirShapesTests
{
    private static readonly Laboratory s_lab = JsonReportReader.ReadFile(Repo.Fixture("biochemistry")).Report!.Laboratory;

    private static readonly Laboratory s_otherLab = s_lab with { Name = "Laboratoire du Parc", FinessGeographique = "750012346", Oids = new LabOids("1.2.250.1.213.1.1.9.11", "1.2.250.1.213.1.1.9.12") };

    public static TheoryData<string> EuBundles => new(Directory.GetFiles(Path.Combine(Repo.Fixtures, "fhir", "eu"), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(EuBundles))]
    public void A_bundle_in_fr_core_conventions_only_reads_with_the_lab_profile(string name)
    {
        var report = Read(Eu(name), s_otherLab, s_lab);
        Assert.Same(s_lab, report.Laboratory);
        Assert.Equal("10003059879", report.Biologist.Rpps);
        Assert.DoesNotContain("sglreference", File.ReadAllText(EuPath(name)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_lab_profile_is_selected_by_the_idnst()
    {
        var bundle = Eu("chemistry-document");
        Assert.Contains("urn:oid:1.2.250.1.71.4.2.2", bundle.ToJsonString(), StringComparison.Ordinal);
        Assert.Same(s_lab, Read(bundle, s_otherLab, s_lab).Laboratory);
    }

    [Fact]
    public void A_finess_no_profile_has_is_one_error_naming_the_configured_profiles()
    {
        var error = Assert.Single(Errors(Eu("hepatitis-collection"), s_otherLab));
        Assert.Equal(ErrorCodes.Reference, error.Code);
        Assert.StartsWith("Organization/", error.Path, StringComparison.Ordinal);
        Assert.Contains("920001237", error.Message, StringComparison.Ordinal);
        Assert.Contains("750012346", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_profile_the_missing_lab_oids_are_one_error_that_says_how_to_give_them()
    {
        var error = Assert.Single(Errors(Eu("culture-transaction")));
        Assert.Equal(ErrorCodes.Required, error.Code);
        Assert.StartsWith("Organization/", error.Path, StringComparison.Ordinal);
        Assert.Contains("laboratories", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_composition_gives_the_biologist_the_validation_time_the_lab_and_the_prescriber()
    {
        var report = Read(Eu("chemistry-document"), s_lab);
        Assert.Equal(DateTimeOffset.Parse("2026-11-23T11:30:00+01:00", System.Globalization.CultureInfo.InvariantCulture), report.ValidatedAt);
        Assert.Equal("MARCHAND", report.Biologist.FamilyName);
        Assert.Equal("10002422979", report.Prescriber?.Rpps);
        Assert.Equal("Cabinet médical du Chêne", report.Prescriber?.Organization?.Name);
        Assert.Equal("2611230077", report.Request.OrderNumber);
    }

    [Fact]
    public void Without_a_legal_attester_the_biologist_is_the_composition_author()
    {
        var bundle = Eu("chemistry-document");
        Resource(bundle, "Composition").Remove("attester");
        Resource(bundle, "DiagnosticReport")["issued"] = "2026-11-23T11:30:00+01:00";
        Assert.Equal("10003059879", Read(bundle, s_lab).Biologist.Rpps);
    }

    [Fact]
    public void The_validating_biologist_comes_from_results_interpreter()
    {
        var bundle = Eu("hepatitis-collection");
        var dr = Resource(bundle, "DiagnosticReport");
        Assert.NotNull(dr["resultsInterpreter"]);
        Assert.Single(dr["performer"]!.AsArray());
        Assert.Equal("MARCHAND", Read(bundle, s_lab).Biologist.FamilyName);
    }

    [Fact]
    public void The_accession_identifier_is_the_specimen_id_and_reception_defaults_to_collection()
    {
        var report = Read(Eu("culture-transaction"), s_lab);
        var specimen = Assert.Single(report.Specimens);
        Assert.Equal("261125-W1", specimen.Id);
        Assert.Equal(specimen.CollectedAt, specimen.ReceivedAt);
        Assert.Equal(specimen.ReceivedAt, report.Request.ReceivedAt);
        Assert.Equal("WND", specimen.Type.Code);
        Assert.Equal("ORD-2611-9981", report.Request.PrescriptionId);
    }

    [Fact]
    public void Chapters_come_from_the_composition_sections_the_v2_0074_category_or_the_loinc_class()
    {
        Assert.Equal(["18719-5", "18729-4"], Read(Eu("chemistry-document"), s_lab).Chapters.Select(c => c.Code.Code));
        Assert.Equal(["18727-8"], Read(Eu("hepatitis-collection"), s_lab).Chapters.Select(c => c.Code.Code));
        var culture = Read(Eu("culture-transaction"), s_lab);
        Assert.Equal(["18725-2"], culture.Chapters.Select(c => c.Code.Code));
        Assert.Equal("Microbiologie", culture.Chapters[0].Title);
    }

    [Fact]
    public void A_culture_yields_its_isolates_with_one_susceptibility_per_antibiotic()
    {
        var chapter = Read(Eu("culture-transaction"), s_lab).Chapters[0];
        Assert.Equal(["Coloration de Gram", "Culture aérobie", "Culture anaérobie"], chapter.Batteries.Select(b => b.Title));
        var gram = chapter.Batteries[0];
        Assert.Equal(5, gram.Observations.Count);
        Assert.Empty(gram.Isolates);
        var aerobic = chapter.Batteries[1];
        Assert.Empty(aerobic.Observations);
        Assert.Equal(["3092008", "40886007"], aerobic.Isolates.Select(i => i.Organism.Code));
        Assert.Equal(["ISO1", "ISO2"], aerobic.Isolates.Select(i => i.Id));
        var aureus = aerobic.Isolates[0];
        Assert.Equal("Croissance", aureus.Count?.Label);
        Assert.Equal(4, aureus.Antibiogram.Count);
        var levofloxacin = aureus.Antibiogram[1];
        Assert.Equal(("20629-2", SusceptibilityCategory.Resistant, 4m, QuantityComparator.GreaterThan),
            (levofloxacin.Antibiotic.Code, levofloxacin.Category, levofloxacin.Mic!.Value, levofloxacin.Mic.Comparator));
        var gentamicin = aerobic.Isolates[1].Antibiogram[2];
        Assert.Equal((SusceptibilityCategory.Intermediate, (Quantity?)null), (gentamicin.Category, gentamicin.Mic));
        Assert.Single(aureus.Comments);
    }

    [Fact]
    public void Limits_written_without_a_ucum_code_take_the_result_unit_and_bands_keep_their_name()
    {
        var urea = Read(Eu("chemistry-document"), s_lab).Chapters[0].Batteries[0].Observations[0];
        Assert.Equal("mmol/L", Assert.Single(urea.ReferenceRanges).Unit);
        var index = Read(Eu("hepatitis-collection"), s_lab).Chapters[0].Batteries[0].Observations[4];
        Assert.Equal([null, "Zone grise", "Positif"], index.ReferenceRanges.Select(r => r.AppliesTo?.Description));
    }

    [Fact]
    public void A_missing_patient_is_one_error()
    {
        var bundle = Eu("hepatitis-collection");
        Remove(bundle, "Patient");
        var error = Assert.Single(Errors(bundle, s_lab));
        Assert.Equal(ErrorCodes.FhirReference, error.Code);
        Assert.Equal("DiagnosticReport/diagnosticreport-14.subject", error.Path);
    }

    [Fact]
    public void A_missing_specimen_is_one_error_however_many_results_refer_to_it()
    {
        var bundle = Eu("hepatitis-collection");
        Remove(bundle, "Specimen");
        var error = Assert.Single(Errors(bundle, s_lab));
        Assert.Equal(ErrorCodes.FhirReference, error.Code);
        Assert.Equal("DiagnosticReport/diagnosticreport-14.specimen[0]", error.Path);
    }

    [Fact]
    public void A_missing_request_and_biologist_are_one_error_each()
    {
        var bundle = Eu("culture-transaction");
        Remove(bundle, "ServiceRequest");
        Resource(bundle, "DiagnosticReport").Remove("resultsInterpreter");
        var errors = Errors(bundle, s_lab);
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Path == "DiagnosticReport/diagnosticreport-29.basedOn[0]" && e.Code == ErrorCodes.FhirReference);
        Assert.Contains(errors, e => e.Path == "DiagnosticReport/diagnosticreport-29.resultsInterpreter" && e.Code == ErrorCodes.FhirMissing);
    }

    [Fact]
    public void A_document_without_its_legal_attester_time_names_the_element()
    {
        var bundle = Eu("chemistry-document");
        Resource(bundle, "Composition")["attester"]![0]!.AsObject().Remove("time");
        var error = Assert.Single(Errors(bundle, s_lab));
        Assert.Equal(ErrorCodes.Required, error.Code);
        Assert.EndsWith(".issued", error.Path, StringComparison.Ordinal);
        Assert.Contains("legal attester", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_message_names_the_resource_and_the_element()
    {
        var bundle = Eu("culture-transaction");
        foreach (var observation in Resources(bundle, "Observation"))
        {
            observation.Remove("status");
        }

        Resource(bundle, "Specimen").Remove("accessionIdentifier");
        Resource(bundle, "Patient").Remove("birthDate");
        var errors = Errors(bundle, s_lab);
        Assert.True(errors.Count > 10, string.Join("\n", errors));
        Assert.All(errors, e => Assert.Matches(ResourceAndElement(), e.Path));
    }

    [Fact]
    public void A_susceptibility_without_s_i_r_is_named()
    {
        var bundle = Eu("culture-transaction");
        var vancomycin = Resources(bundle, "Observation").Single(o => o["code"]!["coding"]![0]!["code"]!.GetValue<string>() == "19000-9");
        vancomycin["interpretation"]![0]!["coding"]![0]!["code"] = "N";
        var error = Assert.Single(Errors(bundle, s_lab));
        Assert.Equal(ErrorCodes.Enum, error.Code);
        Assert.Matches(@"^Observation/observation-\d+\.interpretation$", error.Path);
    }

    [Fact]
    public void An_observation_listed_twice_is_reported_once()
    {
        var bundle = Eu("hepatitis-collection");
        var dr = Resource(bundle, "DiagnosticReport");
        var panel = Resources(bundle, "Observation").Single(o => o.ContainsKey("hasMember"));
        panel["hasMember"]!.AsArray().Add(panel["hasMember"]![0]!.DeepClone());
        var error = Assert.Single(Errors(bundle, s_lab));
        Assert.Equal(ErrorCodes.FhirReference, error.Code);
        Assert.Contains("listed twice", error.Message, StringComparison.Ordinal);
        Assert.NotNull(dr);
    }

    [GeneratedRegex(@"^[A-Z][A-Za-z]+/[a-z]+-\d+\.[a-zA-Z]")]
    private static partial Regex ResourceAndElement();

    private static string EuPath(string name) => Path.Combine(Repo.Fixtures, "fhir", "eu", name + ".json");

    private static JsonObject Eu(string name) => JsonNode.Parse(File.ReadAllText(EuPath(name)))!.AsObject();

    private static JsonObject Resource(JsonObject bundle, string type) => Resources(bundle, type).First();

    private static IEnumerable<JsonObject> Resources(JsonObject bundle, string type) =>
        bundle["entry"]!.AsArray().Select(e => e!["resource"]!.AsObject()).Where(r => r["resourceType"]!.GetValue<string>() == type);

    private static void Remove(JsonObject bundle, string type)
    {
        var entries = bundle["entry"]!.AsArray();
        entries.Remove(entries.First(e => e!["resource"]!["resourceType"]!.GetValue<string>() == type));
    }

    private static ReportReadResult ReadResult(JsonObject bundle, params Laboratory[] profiles) =>
        FhirBundleReader.Read(System.Text.Encoding.UTF8.GetBytes(bundle.ToJsonString()), ReportReadOptions.Default with { Laboratories = profiles });

    private static LabReport Read(JsonObject bundle, params Laboratory[] profiles)
    {
        var result = ReadResult(bundle, profiles);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Report!;
    }

    private static IReadOnlyList<ValidationError> Errors(JsonObject bundle, params Laboratory[] profiles)
    {
        var result = ReadResult(bundle, profiles);
        Assert.False(result.IsValid);
        return result.Errors;
    }
}
