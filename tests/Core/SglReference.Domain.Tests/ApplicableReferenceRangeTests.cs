using SglReference.Testing;

namespace SglReference.Domain.Tests;

/// <summary>
/// The one range of a result that applies to the patient (sex, age at collection): the one its interpretation is
/// computed against and the one the CR-Bio entry carries (at most one referenceRange, CR-BIO volet).
/// </summary>
public sealed class ApplicableReferenceRangeTests
{
    private static readonly ReferenceRange Men = Range(13.4m, 16.7m, new ReferencePopulation(Sex.Male, 18, null, "Homme adulte"));
    private static readonly ReferenceRange Women = Range(11.5m, 15.0m, new ReferencePopulation(Sex.Female, 18, null, "Femme adulte"));
    private static readonly ReferenceRange Children = Range(11.0m, 14.5m, new ReferencePopulation(null, null, 18, "Enfant"));
    private static readonly ReferenceRange Everyone = Range(11.0m, 17.0m, null);

    private static ReferenceRange Range(decimal low, decimal high, ReferencePopulation? population) => new(low, high, "g/dL", null, population);

    private static Observation With(params ReferenceRange[] ranges) =>
        new(CodedConcept.Loinc("718-7", "Hémoglobine"), null, "Hémoglobine", new QuantityValue(new Quantity(12.1m, "g/dL")),
            new ValueList<ReferenceRange>(ranges), ValueList<string>.Of("N"), null, ResultStatus.Final, null, null, ValueList<Comment>.Empty, null, null);

    private static Patient Born(string date, Sex sex) => Repo.Load("thyroid").Patient with { BirthDate = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Sex = sex };

    private static readonly DateOnly Collected = new(2026, 11, 23);

    [Fact]
    public void A_woman_gets_the_female_range_even_when_the_male_one_comes_first()
    {
        Assert.Same(Women, ApplicableReferenceRange.Of(With(Men, Women), Born("1970-03-02", Sex.Female), Collected));
        Assert.Same(Men, ApplicableReferenceRange.Of(With(Men, Women), Born("1970-03-02", Sex.Male), Collected));
    }

    [Fact]
    public void Age_is_the_age_at_collection_and_changes_on_the_birthday()
    {
        var observation = With(Children, Women);
        Assert.Same(Children, ApplicableReferenceRange.Of(observation, Born("2008-11-24", Sex.Female), Collected)); // 17 the day before
        Assert.Same(Women, ApplicableReferenceRange.Of(observation, Born("2008-11-23", Sex.Female), Collected));    // 18 that day
        var infant = Range(9.5m, 13.5m, new ReferencePopulation(null, null, 0.5m, "Moins de six mois"));
        Assert.Same(infant, ApplicableReferenceRange.Of(With(infant, Children), Born("2026-06-01", Sex.Male), Collected));  // 5 months
        Assert.Same(Children, ApplicableReferenceRange.Of(With(infant, Children), Born("2026-05-01", Sex.Male), Collected)); // 6 months
    }

    [Fact]
    public void The_most_specific_range_wins_and_the_first_of_equals()
    {
        Assert.Same(Women, ApplicableReferenceRange.Of(With(Everyone, Women), Born("1970-03-02", Sex.Female), Collected));
        var second = Range(12m, 16m, null);
        Assert.Same(Everyone, ApplicableReferenceRange.Of(With(Everyone, second), Born("1970-03-02", Sex.Female), Collected));
        var describedOnly = Range(2m, 3m, new ReferencePopulation(null, null, null, "Patient sous AVK"));
        Assert.Same(describedOnly, ApplicableReferenceRange.Of(With(describedOnly), Born("1970-03-02", Sex.Female), Collected));
    }

    [Fact]
    public void No_range_applies_when_only_other_populations_are_given_or_the_sex_is_unknown()
    {
        Assert.Null(ApplicableReferenceRange.Of(With(Men), Born("1970-03-02", Sex.Female), Collected));
        Assert.Null(ApplicableReferenceRange.Of(With(Men, Women), Born("1970-03-02", Sex.Unknown), Collected));
        Assert.Same(Everyone, ApplicableReferenceRange.Of(With(Men, Women, Everyone), Born("1970-03-02", Sex.Unknown), Collected));
    }

    [Fact]
    public void The_report_takes_the_collection_date_of_the_result_s_specimen()
    {
        var report = Repo.Load("reference-ranges");
        var (_, battery, ferritin) = report.AllObservations().Single(x => x.Observation.Loinc?.Code == "2276-4");
        Assert.Equal(new DateOnly(2026, 11, 23), report.CollectionDateOf(battery, ferritin));
        Assert.Equal(56, report.Patient.AgeAt(report.CollectionDateOf(battery, ferritin)));
        Assert.Equal("Femme de 50 ans et plus", report.ApplicableRangeOf(battery, ferritin)!.AppliesTo!.Description);
    }
}
