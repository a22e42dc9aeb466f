using System.Globalization;
using System.Text.Json.Nodes;
using SglReference.Domain;
using SglReference.Input;
using SglReference.Input.Json;
using SglReference.Domain.Validation;
using SglReference.Testing;

namespace SglReference.Fhir.Tests;

public class FhirBundleReaderTests
{
    public static TheoryData<string> BundleFixtures =>
        new(Directory.GetFiles(Path.Combine(Repo.Fixtures, "fhir"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal));

    [Fact]
    public void At_least_five_fixtures_exist_in_both_forms() => Assert.True(BundleFixtures.Count >= 5);

    [Theory]
    [MemberData(nameof(BundleFixtures))]
    public void Json_and_fhir_forms_of_a_fixture_give_equal_models(string name)
    {
        var fromJson = JsonReportReader.ReadFile(Repo.Fixture(name));
        Assert.True(fromJson.IsValid, string.Join("\n", fromJson.Errors));

        // The lab profile is the JSON twin's laboratory: Bundles written with FR Core only name their lab by FINESS or IDNST.
        var options = ReportReadOptions.Default with { Laboratories = [fromJson.Report!.Laboratory] };
        var fromFhir = FhirBundleReader.Read(File.ReadAllBytes(Repo.FhirFixture(name)), options);
        Assert.True(fromFhir.IsValid, string.Join("\n", fromFhir.Errors));
        // Compare part by part first so that a difference names its place, then the whole.
        Assert.Equal(fromJson.Report.Patient, fromFhir.Report!.Patient);
        Assert.Equal(fromJson.Report.Laboratory, fromFhir.Report.Laboratory);
        Assert.Equal(fromJson.Report.Biologist, fromFhir.Report.Biologist);
        Assert.Equal(fromJson.Report.Prescriber, fromFhir.Report.Prescriber);
        Assert.Equal(fromJson.Report.AttendingPhysician, fromFhir.Report.AttendingPhysician);
        Assert.Equal(fromJson.Report.Request, fromFhir.Report.Request);
        Assert.Equal(fromJson.Report.Specimens, fromFhir.Report.Specimens);
        for (var c = 0; c < fromJson.Report.Chapters.Count; c++)
        {
            for (var b = 0; b < fromJson.Report.Chapters[c].Batteries.Count; b++)
            {
                var expected = fromJson.Report.Chapters[c].Batteries[b];
                var actual = fromFhir.Report.Chapters[c].Batteries[b];
                for (var o = 0; o < expected.Observations.Count; o++)
                {
                    Assert.Equal(expected.Observations[o], actual.Observations[o]);
                }

                Assert.Equal(expected.Isolates.Count, actual.Isolates.Count);
                for (var i = 0; i < expected.Isolates.Count; i++)
                {
                    Assert.Equal(expected.Isolates[i].Count, actual.Isolates[i].Count);
                    Assert.Equal(expected.Isolates[i].Antibiogram, actual.Isolates[i].Antibiogram);
                    Assert.Equal(expected.Isolates[i], actual.Isolates[i]);
                }

                Assert.Equal(expected, actual);
            }
        }

        Assert.Equal(fromJson.Report, fromFhir.Report);
    }

    [Fact]
    public void Decimal_scale_survives_the_fhir_reader()
    {
        var report = FhirBundleReader.Read(File.ReadAllBytes(Repo.FhirFixture("thyroid"))).Report!;
        var tsh = Assert.IsType<QuantityValue>(report.Chapters[0].Batteries[0].Observations[0].Value).Quantity;
        Assert.Equal("1.950", tsh.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("mUI/L", tsh.PrintUnit);
    }

    [Fact]
    public void Fr_core_identity_reliability_sets_the_status()
    {
        Assert.Equal(IdentityStatus.Qualified, Read("thyroid").Patient.IdentityStatus);
        var unqualified = Read("unqualified-ins").Patient;
        Assert.Equal(IdentityStatus.Recovered, unqualified.IdentityStatus);
        Assert.Null(unqualified.QualifiedIns);
    }

    [Fact]
    public void A_dangling_reference_is_reported_at_its_fhir_location()
    {
        var bundle = Bundle("thyroid");
        var report = Resource(bundle, "DiagnosticReport");
        report["subject"]!["reference"] = "urn:uuid:00000000-0000-0000-0000-000000000000";
        var errors = ReadErrors(bundle);
        Assert.Contains(errors, e => e.Code == ErrorCodes.FhirReference && e.Path.EndsWith(".subject", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reference_to_the_wrong_type_is_reported()
    {
        var bundle = Bundle("thyroid");
        var report = Resource(bundle, "DiagnosticReport");
        report["basedOn"]![0]!["reference"] = report["subject"]!["reference"]!.GetValue<string>();
        var errors = ReadErrors(bundle);
        Assert.Contains(errors, e => e.Code == ErrorCodes.FhirReference && e.Message.Contains("points to a Patient, expected a ServiceRequest", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bundle_without_report_is_refused()
    {
        var bundle = Bundle("thyroid");
        var entries = bundle["entry"]!.AsArray();
        entries.Remove(entries.First(e => e!["resource"]!["resourceType"]!.GetValue<string>() == "DiagnosticReport"));
        var error = Assert.Single(ReadErrors(bundle));
        Assert.Equal(ErrorCodes.FhirMissing, error.Code);
    }

    [Fact]
    public void Invalid_fhir_is_reported_by_the_firely_parser()
    {
        var bundle = Bundle("thyroid");
        Resource(bundle, "Patient")["gender"] = "feminin";
        var error = Assert.Single(ReadErrors(bundle));
        Assert.Equal(ErrorCodes.FhirParse, error.Code);
        Assert.Contains("gender", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_rule_errors_point_into_the_bundle()
    {
        var bundle = Bundle("thyroid");
        var patient = Resource(bundle, "Patient");
        var ins = patient["identifier"]!.AsArray().First(i => i!["system"]!.GetValue<string>() == "urn:oid:1.2.250.1.213.1.4.10")!;
        ins["value"] = "279035121518988";
        var error = Assert.Single(ReadErrors(bundle));
        Assert.Equal(ErrorCodes.NirKey, error.Code);
        Assert.StartsWith("Patient/", error.Path, StringComparison.Ordinal);
        Assert.Contains(".identifier[", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_idnps_is_reported_on_the_practitioner()
    {
        var bundle = Bundle("thyroid");
        foreach (var practitioner in Resources(bundle, "Practitioner"))
        {
            practitioner["identifier"]![0]!["value"] = "10003059879";
        }

        Assert.Contains(ReadErrors(bundle), e => e.Code == ErrorCodes.IdnpsFormat && e.Path.StartsWith("Practitioner/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_result_without_specialty_is_reported()
    {
        var bundle = Bundle("thyroid");
        foreach (var observation in Resources(bundle, "Observation"))
        {
            observation.Remove("category");
            observation["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "urn:oid:1.2.250.1.213.1.1.9.5", ["code"] = "TSH", ["display"] = "TSH" }), ["text"] = "TSH" };
        }

        var error = Assert.Single(ReadErrors(bundle));
        Assert.Equal(ErrorCodes.Required, error.Code);
        Assert.EndsWith(".category", error.Path, StringComparison.Ordinal);
    }

    private static LabReport Read(string name)
    {
        var result = FhirBundleReader.Read(File.ReadAllBytes(Repo.FhirFixture(name)));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Report!;
    }

    private static JsonObject Bundle(string name) => JsonNode.Parse(File.ReadAllText(Repo.FhirFixture(name)))!.AsObject();

    private static JsonObject Resource(JsonObject bundle, string type) => Resources(bundle, type).First();

    private static IEnumerable<JsonObject> Resources(JsonObject bundle, string type) =>
        bundle["entry"]!.AsArray().Select(e => e!["resource"]!.AsObject()).Where(r => r["resourceType"]!.GetValue<string>() == type);

    private static IReadOnlyList<ValidationError> ReadErrors(JsonObject bundle)
    {
        var result = FhirBundleReader.Read(System.Text.Encoding.UTF8.GetBytes(bundle.ToJsonString()));
        Assert.False(result.IsValid);
        return result.Errors;
    }
}
