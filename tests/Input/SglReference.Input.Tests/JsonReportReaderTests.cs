using SglReference.Domain;
using SglReference.Input.Json;
using SglReference.Domain.Validation;
using SglReference.Testing;

namespace SglReference.Input.Tests;

public class JsonReportReaderTests
{
    public static TheoryData<string> Fixtures => new(Repo.FixtureNames);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_fixture_is_valid(string name)
    {
        var result = JsonReportReader.ReadFile(Repo.Fixture(name));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Thyroid_values_are_read_exactly()
    {
        var report = Repo.Load("thyroid");
        Assert.Equal("CR-2026-00105", report.ReportId);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 17, 10, 0, TimeSpan.FromHours(1)), report.ValidatedAt);
        var tsh = report.Chapters[0].Batteries[0].Observations[0];
        Assert.Equal("3016-3", tsh.Loinc!.Code);
        var quantity = Assert.IsType<QuantityValue>(tsh.Value).Quantity;
        Assert.Equal("1.950", quantity.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)); // scale kept
        Assert.Equal("m[IU]/L", quantity.Unit);
        Assert.Equal("mUI/L", quantity.PrintUnit);
        Assert.Equal(0.270m, tsh.ReferenceRanges[0].Low);
        Assert.Equal(4.200m, tsh.ReferenceRanges[0].High);
        Assert.Equal(["N"], tsh.Interpretations);
        var ft4 = report.Chapters[0].Batteries[0].Observations[1];
        Assert.True(ft4.IsAbnormal);
        Assert.Equal("CARDIOLOGIE", report.CopiesTo[0].Practitioner.Profession!.Display.Contains("Cardiologie", StringComparison.Ordinal) ? "CARDIOLOGIE" : "?");
    }

    [Fact]
    public void Patient_traits_and_identity_status_are_read()
    {
        var patient = Repo.Load("biochemistry").Patient;
        Assert.Equal("PAT-TROIS", patient.BirthName);
        Assert.Equal(["DOMINIQUE", "MARIE-LOUISE"], patient.BirthGivenNames);
        Assert.Equal("DOMINIQUE", patient.FirstGivenName);
        Assert.Equal(new DateOnly(1979, 3, 28), patient.BirthDate);
        Assert.Equal(Sex.Female, patient.Sex);
        Assert.Equal("51215", patient.BirthPlaceCode);
        Assert.Equal(IdentityStatus.Qualified, patient.IdentityStatus);
        Assert.Equal("279035121518989", patient.QualifiedIns!.Matricule);
        Assert.Equal(CodeSystems.InsNirTest, patient.QualifiedIns.Oid);
    }

    [Fact]
    public void An_unqualified_identity_keeps_its_ins_out_of_outputs()
    {
        var patient = Repo.Load("unqualified-ins").Patient;
        Assert.Equal(IdentityStatus.Recovered, patient.IdentityStatus);
        Assert.NotNull(patient.Ins);
        Assert.Null(patient.QualifiedIns);
    }

    [Fact]
    public void Delivery_choices_default_to_send_everywhere()
    {
        Assert.Equal(DeliveryOptions.Default, Repo.Load("thyroid").Delivery);
        var minor = Repo.Load("minor").Delivery;
        Assert.True(minor.InvisibleToLegalRepresentatives);
        Assert.True(minor.SecretConnection);
        Assert.False(minor.BlockDmp);
        Assert.True(Repo.Load("serology").Delivery.InvisibleToPatient);
    }

    [Fact]
    public void Microbiology_isolates_and_antibiogram_are_read()
    {
        var battery = Repo.Load("microbiology-urine").Chapters[0].Batteries[1];
        Assert.Equal(2, battery.Isolates.Count);
        var ecoli = battery.Isolates[0];
        Assert.Equal("112283007", ecoli.Organism.Code);
        Assert.Equal(CodeSystems.Snomed, ecoli.Organism.System);
        Assert.Equal(8, ecoli.Antibiogram.Count);
        var ampicillin = ecoli.Antibiogram[0];
        Assert.Equal(SusceptibilityCategory.Resistant, ampicillin.Category);
        Assert.Equal(QuantityComparator.GreaterThan, ampicillin.Mic!.Comparator);
        Assert.Equal(16m, ampicillin.Mic.Value);
    }

    [Fact]
    public void Special_characters_survive_reading()
    {
        var report = Repo.Load("special-characters");
        Assert.Equal("LE GOFF-O'NEILL", report.Patient.BirthName);
        var comment = report.Chapters[0].Batteries[0].Observations[0].Comments[0].Text;
        Assert.Contains("]]>", comment, StringComparison.Ordinal);
        Assert.Contains("\t", comment, StringComparison.Ordinal);
        Assert.Contains("🧪", comment, StringComparison.Ordinal);
        Assert.Contains("|^~\\&", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Correction_is_revision_2_with_reason()
    {
        var report = Repo.Load("correction");
        Assert.Equal(2, report.Revision);
        Assert.Equal(ReportStatus.Corrected, report.Status);
        Assert.NotNull(report.CorrectionReason);
        Assert.Equal(Repo.Load("biochemistry").ReportId, report.ReportId);
    }

    [Fact]
    public void Large_report_has_300_results()
    {
        var report = Repo.Load("large-300");
        Assert.Equal(300, report.AllObservations().Count());
        Assert.Equal(12, report.Specimens.Count);
    }

    [Fact]
    public void Every_error_is_collected_in_one_read()
    {
        var json = File.ReadAllText(Repo.Fixture("thyroid"))
            .Replace("\"279035121518989\"", "\"279035121518988\"", StringComparison.Ordinal)
            .Replace("\"10003059879\"", "\"10003059878\"", StringComparison.Ordinal)
            .Replace("\"m[IU]/L\"", "\"mUI/L\"", StringComparison.Ordinal);
        var result = JsonReportReader.Read(System.Text.Encoding.UTF8.GetBytes(json));
        Assert.False(result.IsValid);
        Assert.Null(result.Report);
        Assert.Contains(result.Errors, e => e.Code == ErrorCodes.NirKey && e.Path == "patient.ins.matricule");
        Assert.Contains(result.Errors, e => e.Code == ErrorCodes.RppsKey && e.Path == "biologist.rpps");
        Assert.Contains(result.Errors, e => e.Code == ErrorCodes.UcumAtom && e.Path == "chapters[0].batteries[0].observations[0].value.unit");
        Assert.Contains(result.Errors, e => e.Code == ErrorCodes.UcumAtom && e.Path == "chapters[0].batteries[0].observations[0].referenceRanges[0].unit");
    }

    [Fact]
    public void A_missing_field_is_reported_once_not_echoed_by_the_validator()
    {
        var json = File.ReadAllText(Repo.Fixture("thyroid")).Replace("\"birthName\": \"PAT-TROIS\",", string.Empty, StringComparison.Ordinal);
        var result = JsonReportReader.Read(System.Text.Encoding.UTF8.GetBytes(json));
        var error = Assert.Single(result.Errors);
        Assert.Equal("patient.birthName", error.Path);
        Assert.Equal(ErrorCodes.Required, error.Code);
        Assert.Equal("patient.birthName: is required [SGL-REQUIRED]", error.ToString());
    }
}
