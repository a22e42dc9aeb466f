using SglReference.Domain.Validation;
using SglReference.Testing;

namespace SglReference.Domain.Tests;

public class ReportValidatorTests
{
    private static LabReport Thyroid => Repo.Load("thyroid");

    private static ValidationError Single(LabReport report) => Assert.Single(ReportValidator.Validate(report));

    [Fact]
    public void A_valid_report_has_no_error() => Assert.Empty(ReportValidator.Validate(Thyroid));

    [Fact]
    public void A_qualified_identity_needs_its_ins()
    {
        var report = Thyroid with { Patient = Thyroid.Patient with { Ins = null } };
        var error = Single(report);
        Assert.Equal(("patient.ins", ErrorCodes.InsTraits), (error.Path, error.Code));
    }

    [Fact]
    public void A_qualified_identity_needs_its_birth_place()
    {
        var report = Thyroid with { Patient = Thyroid.Patient with { BirthPlaceCode = null } };
        Assert.Equal(("patient.birthPlaceCode", ErrorCodes.InsTraits), (Single(report).Path, Single(report).Code));
    }

    [Fact]
    public void An_unknown_ins_oid_is_reported()
    {
        var report = Thyroid with { Patient = Thyroid.Patient with { Ins = new Ins("279035121518989", "1.2.250.1.213.1.4.2") } };
        Assert.Equal(("patient.ins.oid", ErrorCodes.InsOid), (Single(report).Path, Single(report).Code));
    }

    [Fact]
    public void A_corrected_report_is_revision_2_or_more_with_a_reason()
    {
        var errors = ReportValidator.Validate(Thyroid with { Status = ReportStatus.Corrected });
        Assert.Contains(errors, e => e.Path == "revision" && e.Code == ErrorCodes.Consistency);
        Assert.Contains(errors, e => e.Path == "correctionReason" && e.Code == ErrorCodes.Required);
    }

    [Fact]
    public void Results_must_point_to_existing_specimens()
    {
        var battery = Thyroid.Chapters[0].Batteries[0] with { SpecimenId = "S9" };
        var report = Thyroid with { Chapters = ValueList<Chapter>.Of(Thyroid.Chapters[0] with { Batteries = ValueList<Battery>.Of(battery) }) };
        var error = Single(report);
        Assert.Equal(("chapters[0].batteries[0].specimenId", ErrorCodes.Reference), (error.Path, error.Code));
    }

    [Fact]
    public void Specimen_ids_are_unique()
    {
        var report = Thyroid with { Specimens = ValueList<Specimen>.Of(Thyroid.Specimens[0], Thyroid.Specimens[0]) };
        Assert.Equal(("specimens[1].id", ErrorCodes.DuplicateId), (Single(report).Path, Single(report).Code));
    }

    [Fact]
    public void Reference_range_limits_are_ordered()
    {
        var observation = Thyroid.Chapters[0].Batteries[0].Observations[0];
        var range = observation.ReferenceRanges[0] with { Low = 5m, High = 1m };
        var changed = ReplaceObservation(Thyroid, observation with { ReferenceRanges = ValueList<ReferenceRange>.Of(range) });
        Assert.Equal(("chapters[0].batteries[0].observations[0].referenceRanges[0].low", ErrorCodes.Consistency), (Single(changed).Path, Single(changed).Code));
    }

    [Fact]
    public void A_cancelled_result_may_have_no_value_but_a_final_one_may_not()
    {
        var observation = Thyroid.Chapters[0].Batteries[0].Observations[0];
        Assert.Empty(ReportValidator.Validate(ReplaceObservation(Thyroid, observation with { Value = null, Status = ResultStatus.Cancelled })));
        var error = Single(ReplaceObservation(Thyroid, observation with { Value = null }));
        Assert.Equal(("chapters[0].batteries[0].observations[0].value", ErrorCodes.Required), (error.Path, error.Code));
    }

    [Fact]
    public void Specimen_received_before_collection_is_reported()
    {
        var specimen = Thyroid.Specimens[0] with { ReceivedAt = Thyroid.Specimens[0].CollectedAt.AddHours(-1) };
        var report = Thyroid with { Specimens = ValueList<Specimen>.Of(specimen) };
        Assert.Equal(("specimens[0].receivedAt", ErrorCodes.Chronology), (Single(report).Path, Single(report).Code));
    }

    [Fact]
    public void A_battery_is_validated_at_the_latest_when_the_report_is_and_after_its_specimen_arrived()
    {
        var report = Repo.Load("correction");
        Assert.Empty(ReportValidator.Validate(report));
        var battery = report.Chapters[0].Batteries[0];
        var late = WithBattery(report, battery with { ValidatedAt = report.ValidatedAt.AddMinutes(1) });
        Assert.Equal(("chapters[0].batteries[0].validatedAt", ErrorCodes.Chronology), (Single(late).Path, Single(late).Code));
        var early = WithBattery(report, battery with { ValidatedAt = report.Specimens[0].ReceivedAt.AddMinutes(-1) });
        Assert.Equal(("chapters[0].batteries[0].validatedAt", ErrorCodes.Chronology), (Single(early).Path, Single(early).Code));
    }

    [Fact]
    public void The_prescription_id_cannot_be_the_lab_order_number_under_the_same_authority()
    {
        var report = Thyroid with { Request = Thyroid.Request with { PrescriptionId = Thyroid.Request.OrderNumber, PrescriptionIdAuthority = null } };
        Assert.Equal(("request.prescriptionId", ErrorCodes.Consistency), (Single(report).Path, Single(report).Code));
        var elsewhere = report with { Request = report.Request with { PrescriptionIdAuthority = "1.2.250.1.213.1.1.9.8" } };
        Assert.Empty(ReportValidator.Validate(elsewhere));
        var badOid = report with { Request = report.Request with { PrescriptionIdAuthority = "1.2.3.04" } };
        Assert.Equal(("request.prescriptionIdAuthority", ErrorCodes.OidSyntax), (Single(badOid).Path, Single(badOid).Code));
    }

    private static LabReport WithBattery(LabReport report, Battery battery) => report with
    {
        Chapters = new ValueList<Chapter>(report.Chapters.Select((c, i) => i == 0 ? c with { Batteries = new ValueList<Battery>(c.Batteries.Select((b, j) => j == 0 ? battery : b)) } : c)),
    };

    [Fact]
    public void Xml_illegal_characters_are_refused_in_names()
    {
        var report = Thyroid with { Patient = Thyroid.Patient with { BirthName = "PAT\u0000TROIS" } };
        Assert.Equal(("patient.birthName", ErrorCodes.Text), (Single(report).Path, Single(report).Code));
    }

    [Fact]
    public void Model_equality_is_by_value()
    {
        Assert.Equal(Repo.Load("thyroid"), Repo.Load("thyroid"));
        Assert.NotEqual(Repo.Load("thyroid"), Repo.Load("biochemistry"));
    }

    private static LabReport ReplaceObservation(LabReport report, Observation observation)
    {
        var battery = report.Chapters[0].Batteries[0];
        battery = battery with { Observations = new ValueList<Observation>(battery.Observations.Skip(1).Prepend(observation)) };
        return report with { Chapters = ValueList<Chapter>.Of(report.Chapters[0] with { Batteries = ValueList<Battery>.Of(battery) }) };
    }
}
