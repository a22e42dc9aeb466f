using System.Globalization;
using System.Xml.Linq;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Engine;
using SglReference.Testing;

namespace SglReference.Cda.Tests;

/// <summary>
/// What the official ANS CR-BIO 2024.01 examples (../shared/ans-cda-kit/ExemplesCDA) write and the kit does not check:
/// the one reference range of a result and the interpretation computed against it, the prescription and the lab request
/// as two ids, the validation time of each battery, the specimen procedure, the isolate organizer, exclusive one-sided
/// limits, the performing lab's practice setting and the split address form.
/// </summary>
public sealed class OfficialExampleEntryTests : IClassFixture<RenderedReports>
{
    private static readonly XNamespace V3 = "urn:hl7-org:v3";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private readonly RenderedReports _reports;

    public OfficialExampleEntryTests(RenderedReports reports) => _reports = reports;

    public static TheoryData<string> Fixtures => new(Repo.FixtureNames);

    private XDocument N3(string fixture, Audience audience = Audience.Professional) => RenderedReports.Xml(_reports.Get(fixture, ArtifactKinds.CdaN3, audience));

    private static XDocument Official(string name) => XDocument.Load(Path.Combine(Repo.Shared, "ans-cda-kit", "ExemplesCDA", name));

    // ------------------------------------------------------------------------------------------------ item 1

    [Fact]
    public void The_entry_carries_the_range_that_applies_to_the_patient_and_the_narrative_keeps_them_all()
    {
        // A woman of 56 at collection; each result also lists ranges of other populations, often first.
        // E_FR-Resultat-examens-de-biologie-element-clinique-pertinent.sch: "L'intervalle de référence d'un résultat
        // doit être présent au maximum une fois" — so the entry carries hers.
        var document = N3("reference-ranges");
        var expected = new Dictionary<string, (string? Low, string? High)>
        {
            ["2160-0"] = ("5.0", "10.0"),     // créatinine: Femme adulte, not Homme adulte (listed first)
            ["2276-4"] = ("15", "300"),       // ferritine: Femme de 50 ans et plus, not Homme nor Femme de moins de 50 ans
            ["6768-6"] = ("35", "104"),       // phosphatases alcalines: 15 ans et plus, not Enfant
            ["33762-6"] = (null, "125"),      // NT-proBNP: Moins de 75 ans, not 75 ans et plus (listed first)
            ["718-7"] = ("11.5", "15.0"),     // hémoglobine: Femme adulte, not Homme adulte (listed first)
        };
        var report = Repo.Load("reference-ranges");
        foreach (var (loinc, (low, high)) in expected)
        {
            var observation = Result(document, loinc);
            var range = Assert.Single(observation.Elements(V3 + "referenceRange"));
            var value = range.Element(V3 + "observationRange")!.Element(V3 + "value")!;
            Assert.Equal(low, value.Element(V3 + "low")?.Attribute("value")?.Value);
            Assert.Equal(high, value.Element(V3 + "high")?.Attribute("value")?.Value);

            // The narrative row prints every range of the result, with its population.
            var cells = NarrativeRow(document, observation);
            var source = report.AllObservations().Single(x => x.Observation.Loinc?.Code == loinc).Observation;
            Assert.True(source.ReferenceRanges.Count > 1);
            Assert.Equal(source.ReferenceRanges.Count, cells[3].Elements(V3 + "br").Count() + 1);
            Assert.All(source.ReferenceRanges, r => Assert.Contains(r.AppliesTo!.Description!, cells[3].Value, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void The_interpretation_agrees_with_the_range_in_the_entry_as_in_the_official_tsh_example(string fixture)
    {
        // TSH_1: T4L 7.67 pg/mL is "L" against its one range 9.30-17.00, TSH 1.950 "N" against 0.270-4.200: the entry's
        // range is the one the flag was computed against. The same check holds on the official file itself.
        Assert.Empty(FlagMismatches(Official("BIO-CR-BIO_2024.01_TSH_1.xml")));
        Assert.Equal(2, CheckedResults(Official("BIO-CR-BIO_2024.01_TSH_1.xml")));
        foreach (var audience in new[] { Audience.Professional, Audience.Patient })
        {
            Assert.Empty(FlagMismatches(N3(fixture, audience)));
        }
    }

    [Fact]
    public void Where_no_range_applies_to_the_patient_the_entry_carries_none_and_the_narrative_still_prints_it()
    {
        var report = Repo.Load("reference-ranges");
        var womanOnlyMaleRange = report with
        {
            Chapters = new ValueList<Chapter>(report.Chapters.Select(c => c with
            {
                Batteries = new ValueList<Battery>(c.Batteries.Select(b => b with
                {
                    Observations = new ValueList<Observation>(b.Observations.Select(o => o with
                    {
                        ReferenceRanges = new ValueList<ReferenceRange>(o.ReferenceRanges.Where(r => r.AppliesTo?.Sex == Sex.Male)),
                    })),
                })),
            })),
        };
        var n3 = RenderCache.Render(womanOnlyMaleRange).Artifacts.Get(ArtifactKinds.CdaN3, Audience.Professional);
        var document = RenderedReports.Xml(n3);
        var hemoglobin = Result(document, "718-7");
        Assert.Empty(hemoglobin.Elements(V3 + "referenceRange"));
        Assert.Contains("Homme adulte", NarrativeRow(document, hemoglobin)[3].Value, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------------------------------------ item 3

    [Fact]
    public void The_order_is_the_prescription_and_the_service_event_the_lab_request_as_in_the_official_examples()
    {
        // TSH_1: inFulfillmentOf/order/id "Identifiant de la prescription d'examens de biologie reçue par le SIL"
        // (2014123456789) and serviceEvent/id "La demande d'examens enregistrée dans le SI du laboratoire" (202111111123).
        foreach (var name in new[] { "BIO-CR-BIO_2024.01_TSH_1.xml", "BIO-CR-BIO_2024.01_Microbiologie_V1.xml" })
        {
            var official = Official(name);
            Assert.NotEqual(IdOf(official, "c:inFulfillmentOf/c:order/c:id"), IdOf(official, "c:documentationOf[1]/c:serviceEvent/c:id"));
        }

        var thyroid = Repo.Load("thyroid");
        var document = N3("thyroid");
        Assert.Equal(("1.2.250.1.213.1.1.9.8", "EP-2026-000731"), IdOf(document, "c:inFulfillmentOf/c:order/c:id"));
        Assert.Equal((thyroid.Laboratory.Oids.Orders, thyroid.Request.OrderNumber), IdOf(document, "c:documentationOf[1]/c:serviceEvent/c:id"));

        // Without an authority the prescription id sits under the lab's arc, as the examples' ids do; still its own id.
        var biochemistry = Repo.Load("biochemistry");
        Assert.Equal((biochemistry.Laboratory.Oids.Orders, "ORD-77-4512"), IdOf(N3("biochemistry"), "c:inFulfillmentOf/c:order/c:id"));
        Assert.NotEqual(IdOf(N3("biochemistry"), "c:inFulfillmentOf/c:order/c:id"), IdOf(N3("biochemistry"), "c:documentationOf[1]/c:serviceEvent/c:id"));

        // No prescription id, no order (inFulfillmentOf is optional; StrucMin: an order has exactly one id).
        Assert.Null(Repo.Load("haematology-cbc").Request.PrescriptionId);
        Assert.Empty(Cda.Elements(N3("haematology-cbc"), "/c:ClinicalDocument/c:inFulfillmentOf"));
    }

    // ------------------------------------------------------------------------------------------------ item 7

    [Fact]
    public void A_correction_keeps_the_validation_time_of_the_batteries_it_did_not_revalidate()
    {
        // Microbiologie_V1: the act's AUTHEN participant says when its results were validated (time/high 202401041120),
        // which is not the document's effectiveTime (20240104160527): each battery carries its own validation time.
        var official = Official("BIO-CR-BIO_2024.01_Microbiologie_V1.xml");
        Assert.NotEqual(Cda.Attribute(official, "/c:ClinicalDocument/c:effectiveTime/@value"),
            Cda.Attribute(official, "(//c:act/c:participant[@typeCode='AUTHEN']/c:time/c:high/@value)[1]"));

        var correction = N3("correction");
        Assert.Equal("20261121091500+0100", Cda.Attribute(correction, "/c:ClinicalDocument/c:effectiveTime/@value"));
        Assert.Equal("20261120160500+0100", ValidationTime(correction, "Glycémie à jeun"));
        Assert.Equal("20261120160500+0100", ValidationTime(correction, "Fonction rénale"));
        Assert.Equal("20261121091500+0100", ValidationTime(correction, "Ionogramme sanguin"));
        Assert.Contains("Résultats validés le 20/11/2026 à 16:05", BatterySection(correction, "Fonction rénale").Element(V3 + "text")!.Value, StringComparison.Ordinal);
        Assert.Contains("Résultats validés le 21/11/2026 à 09:15", BatterySection(correction, "Ionogramme sanguin").Element(V3 + "text")!.Value, StringComparison.Ordinal);

        // A report that gives no battery time: every battery at the report's validation.
        Assert.All(new[] { "Glycémie à jeun", "Fonction rénale", "Ionogramme sanguin" }, t => Assert.Equal("20261120160500+0100", ValidationTime(N3("biochemistry"), t)));
    }

    // ------------------------------------------------------------------------------------------------ item 8

    [Fact]
    public void The_isolate_organizer_is_written_like_the_official_microbiology_example()
    {
        var official = Official("BIO-CR-BIO_2024.01_Microbiologie_V1.xml");
        var ours = N3("microbiology-urine");
        foreach (var document in new[] { official, ours })
        {
            var isolates = Cda.Elements(document, "//c:organizer[@classCode='CLUSTER'][c:templateId/@root='1.2.250.1.213.1.1.3.79']").ToList();
            Assert.Equal(2, isolates.Count);
            Assert.All(isolates, isolate =>
            {
                Assert.NotNull(isolate.Element(V3 + "effectiveTime")?.Attribute("value"));
                var code = Cda.Element(isolate, "c:specimen/c:specimenRole/c:specimenPlayingEntity/c:code");
                Assert.Equal(CodeSystems.Snomed, code.Attribute("codeSystem")!.Value);
                Assert.Equal(CodeSystems.NcbiTaxonomy, code.Element(V3 + "translation")!.Attribute("codeSystem")!.Value);
            });
            Assert.Empty(Cda.Elements(document, "//c:organizer[@classCode='CLUSTER']/c:component/c:act"));

            // Comments are FR-Commentaire-ER of the act (entryRelationship SUBJ), not isolate components.
            var act = isolates[0].Parent!.Parent!;
            Assert.Equal("act", act.Name.LocalName);
            Assert.Contains(act.Elements(V3 + "entryRelationship"), r => (string?)r.Attribute("typeCode") == "SUBJ" && Cda.Optional(r, "c:act/c:code[@code='48767-8']") is not null);
        }

        var ecoli = Cda.Element(ours, "//c:specimenPlayingEntity/c:code[@code='112283007']");
        Assert.Equal(("562", "Escherichia coli"), ((string)ecoli.Element(V3 + "translation")!.Attribute("code")!, (string)ecoli.Element(V3 + "translation")!.Attribute("displayName")!));
        var commentIds = Cda.Elements(ours, "//c:act/c:entryRelationship[@typeCode='SUBJ']/c:act/c:text/c:reference").Select(r => ((string)r.Attribute("value")!)[1..]).ToList();
        Assert.Contains(commentIds, id => Cda.NarrativeText(ours, id).Contains("pénicillinase de haut niveau", StringComparison.Ordinal));
    }

    // ------------------------------------------------------------------------------------------------ item 10

    [Fact]
    public void The_specimen_procedure_has_a_code_and_its_collection_as_effective_time_high_like_the_official_example()
    {
        var official = Cda.Element(Official("BIO-CR-BIO_2024.01_Microbiologie_V1.xml"), "//c:procedure[c:templateId/@root='1.2.250.1.213.1.1.3.77']");
        Assert.Equal(CodeSystems.Nabm, Cda.Element(official, "c:code").Attribute("codeSystem")!.Value);
        Assert.NotNull(Cda.Element(official, "c:effectiveTime/c:high").Attribute("value"));
        Assert.Null(official.Element(V3 + "effectiveTime")!.Attribute("value"));

        var report = Repo.Load("microbiology-urine");
        var urine = N3("microbiology-urine");
        foreach (var procedure in Cda.Elements(urine, "//c:procedure[c:templateId/@root='1.2.250.1.213.1.1.3.77']"))
        {
            var code = Cda.Element(procedure, "c:code");
            Assert.Equal(("5201", CodeSystems.Nabm), ((string)code.Attribute("code")!, (string)code.Attribute("codeSystem")!));
            var reference = ((string)Cda.Element(code, "c:originalText/c:reference").Attribute("value")!)[1..];
            Assert.Contains("5201 EX MICROBIO URINES (ECBU)", Cda.NarrativeText(urine, reference), StringComparison.Ordinal);
            AssertCollectionAsHigh(procedure, report.Specimens[0].CollectedAt);
        }

        // Without a NABM act: the SNOMED CT code of a specimen collection.
        foreach (var procedure in Cda.Elements(N3("biochemistry"), "//c:procedure[c:templateId/@root='1.2.250.1.213.1.1.3.77']"))
        {
            var code = Cda.Element(procedure, "c:code");
            Assert.Equal(("17636008", CodeSystems.Snomed), ((string)code.Attribute("code")!, (string)code.Attribute("codeSystem")!));
            AssertCollectionAsHigh(procedure, Repo.Load("biochemistry").Specimens[0].CollectedAt);
        }
    }

    // ------------------------------------------------------------------------------------------------ item 11

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_one_sided_range_printed_with_a_strict_sign_has_an_exclusive_bound(string fixture)
    {
        // The narrative prints one-sided limits as "> 90" / "< 10": the entry's IVL_PQ bound says inclusive="false", as
        // the official Microbiologie example writes its strict limits (<high ... inclusive="false"/>); a two-sided
        // range keeps the default (inclusive).
        Assert.NotEmpty(Cda.Elements(Official("BIO-CR-BIO_2024.01_Microbiologie_V1.xml"), "//c:high[@inclusive='false']"));
        var document = N3(fixture);
        foreach (var range in Cda.Elements(document, "//c:referenceRange/c:observationRange/c:value"))
        {
            var bounds = range.Elements().Where(e => e.Name == V3 + "low" || e.Name == V3 + "high").ToList();
            if (bounds.Count == 1)
            {
                Assert.Equal("false", (string?)bounds[0].Attribute("inclusive"));
                var cell = NarrativeRow(document, range.Parent!.Parent!.Parent!)[3].Value;
                Assert.Contains(bounds[0].Name == V3 + "low" ? "> " : "< ", cell, StringComparison.Ordinal);
            }
            else
            {
                Assert.All(bounds, b => Assert.Null(b.Attribute("inclusive")));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ item 12

    [Fact]
    public void The_performing_lab_s_practice_setting_is_its_own_not_a_constant()
    {
        var report = Repo.Load("subcontracted");
        Assert.Equal(["AMBULATOIRE"], PerformerSettings(RenderedReports.Xml(_reports.Get("subcontracted", ArtifactKinds.CdaN3, Audience.Professional))));

        var hospitalLab = WithPerformerSetting(report, PracticeSetting.Hospital);
        Assert.Equal(["ETABLISSEMENT"], PerformerSettings(RenderedReports.Xml(RenderCache.Render(hospitalLab).Artifacts.Get(ArtifactKinds.CdaN3, Audience.Professional))));

        // Unknown: FR-Laboratoire-executant requires the element, so it says it does not know.
        var unknown = WithPerformerSetting(report, null);
        var document = RenderedReports.Xml(RenderCache.Render(unknown).Artifacts.Get(ArtifactKinds.CdaN3, Audience.Professional));
        Assert.All(Cda.Elements(document, "//c:performer[c:templateId/@root='1.2.250.1.213.1.1.3.23']/c:assignedEntity/c:representedOrganization/c:standardIndustryClassCode"),
            c => Assert.Equal("UNK", (string?)c.Attribute("nullFlavor")));
    }

    [Fact]
    public void Addresses_take_the_split_form_of_the_official_header()
    {
        // Microbiologie_V1 custodian: <houseNumber>8</houseNumber><streetName>Rue Frédéric Bastia</streetName>
        // <postalCode>92100</postalCode><city>BOULOGNE-BILLANCOURT</city> — the fixtures' lab has the same address.
        var official = Cda.Element(Official("BIO-CR-BIO_2024.01_Microbiologie_V1.xml"), "/c:ClinicalDocument/c:custodian//c:representedCustodianOrganization/c:addr");
        var ours = Cda.Element(N3("thyroid"), "/c:ClinicalDocument/c:custodian//c:representedCustodianOrganization/c:addr");
        Assert.Equal(official.Elements().Select(e => e.Name.LocalName), ours.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["8", "rue Frédéric Bastia", "92100", "Boulogne-Billancourt"], ours.Elements().Select(e => e.Value));
        Assert.Equal(official.Elements().Select(e => e.Value.ToUpperInvariant()), ours.Elements().Select(e => e.Value.ToUpperInvariant()));

        foreach (var fixture in Repo.FixtureNames)
        {
            Assert.Empty(Cda.Elements(N3(fixture), "//c:addr/c:streetAddressLine"));
        }

        // Extra lines become one additionalLocator; "7 bis" is a house number.
        var patient = Cda.Element(N3("special-characters"), "/c:ClinicalDocument/c:recordTarget/c:patientRole/c:addr");
        Assert.Equal(["7 bis", "rue de l'Église", "Bâtiment C — 3ᵉ étage", "29000", "Quimper"], patient.Elements().Select(e => e.Value));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static XElement Result(XDocument document, string loinc) =>
        Cda.Element(document, $"//c:observation[c:templateId/@root='1.2.250.1.213.1.1.3.80'][c:code/@code='{loinc}']");

    /// <summary>The cells of the narrative row a result's code points to.</summary>
    private static List<XElement> NarrativeRow(XDocument document, XElement observation)
    {
        var id = ((string)Cda.Element(observation, "c:code/c:originalText/c:reference").Attribute("value")!)[1..];
        var content = document.Descendants(V3 + "content").Single(c => (string?)c.Attribute("ID") == id);
        return content.Ancestors(V3 + "tr").First().Elements(V3 + "td").ToList();
    }

    private static (string Root, string? Extension) IdOf(XDocument document, string relative)
    {
        var id = Cda.Element(document, "/c:ClinicalDocument/" + relative);
        return ((string)id.Attribute("root")!, (string?)id.Attribute("extension"));
    }

    private static XElement BatterySection(XDocument document, string title) =>
        Cda.Element(document, $"//c:section[c:templateId/@root='1.2.250.1.213.1.1.2.71'][c:title='{title}']");

    private static string ValidationTime(XDocument document, string battery) =>
        (string)Cda.Element(BatterySection(document, battery), "c:entry/c:act/c:participant[@typeCode='AUTHEN']/c:time/c:high").Attribute("value")!;

    private static void AssertCollectionAsHigh(XElement procedure, DateTimeOffset collectedAt)
    {
        var time = Cda.Element(procedure, "c:effectiveTime");
        Assert.Null(time.Attribute("value"));
        Assert.Equal(Domain.Presentation.Hl7Time.Instant(collectedAt), (string)Cda.Element(time, "c:high").Attribute("value")!);
    }

    private static List<string> PerformerSettings(XDocument document) =>
        Cda.Elements(document, "//c:performer[c:templateId/@root='1.2.250.1.213.1.1.3.23']/c:assignedEntity/c:representedOrganization/c:standardIndustryClassCode")
            .Select(c => (string)c.Attribute("code")!).Distinct().ToList();

    private static LabReport WithPerformerSetting(LabReport report, PracticeSetting? setting)
    {
        PerformingLaboratory? Change(PerformingLaboratory? p) => p is null ? null : p with { Organization = p.Organization with { PracticeSetting = setting } };
        return report with
        {
            Chapters = new ValueList<Chapter>(report.Chapters.Select(c => c with
            {
                Batteries = new ValueList<Battery>(c.Batteries.Select(b => b with
                {
                    PerformedBy = Change(b.PerformedBy),
                    Observations = new ValueList<Observation>(b.Observations.Select(o => o with { PerformedBy = Change(o.PerformedBy) })),
                })),
            })),
        };
    }

    private static IEnumerable<XElement> NumericFlaggedResults(XDocument document) =>
        Cda.Elements(document, "//c:observation[c:templateId/@root='1.3.6.1.4.1.19376.1.3.1.6'][c:value[@xsi:type='PQ']][c:referenceRange][c:interpretationCode[@code='N' or @code='H' or @code='L' or @code='HH' or @code='LL']]");

    private static int CheckedResults(XDocument document) => NumericFlaggedResults(document).Count();

    /// <summary>Results whose interpretation (N, H, L, HH, LL) disagrees with where their value lies in the entry's range.</summary>
    private static List<string> FlagMismatches(XDocument document)
    {
        var mismatches = new List<string>();
        foreach (var observation in NumericFlaggedResults(document))
        {
            var value = observation.Element(V3 + "value")!;
            var range = Cda.Element(observation, "c:referenceRange/c:observationRange/c:value");
            var v = decimal.Parse((string)value.Attribute("value")!, CultureInfo.InvariantCulture);
            bool Beyond(XName bound, Func<decimal, decimal, bool> strictly)
            {
                if (range.Element(bound) is not { } limit || (string?)limit.Attribute("unit") != (string?)value.Attribute("unit"))
                {
                    return false;
                }

                var l = decimal.Parse((string)limit.Attribute("value")!, CultureInfo.InvariantCulture);
                return strictly(v, l) || (v == l && (string?)limit.Attribute("inclusive") == "false");
            }

            var expected = Beyond(V3 + "high", (a, b) => a > b) ? "H" : Beyond(V3 + "low", (a, b) => a < b) ? "L" : "N";
            var flag = (string)observation.Element(V3 + "interpretationCode")!.Attribute("code")!;
            if (flag[..1] != expected) // HH and LL are H and L beyond the critical limits
            {
                mismatches.Add($"{observation.Element(V3 + "code")!.Attribute("code")?.Value} {v}: flag {flag}, the entry's range says {expected}");
            }
        }

        return mismatches;
    }
}
