using System.Globalization;
using System.Xml.Linq;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Domain.Presentation;
using SglReference.Engine;
using SglReference.Hosting;
using SglReference.Testing;

namespace SglReference.Cda.Tests;

public class CdaDocumentTests : IClassFixture<RenderedReports>
{
    private static readonly Audience[] s_audiences = [Audience.Professional, Audience.Patient];
    private readonly RenderedReports _reports;

    public CdaDocumentTests(RenderedReports reports) => _reports = reports;

    public static TheoryData<string> Fixtures => new(Repo.FixtureNames);

    [Fact]
    public void A_correction_replaces_the_previous_version_of_each_document()
    {
        foreach (var audience in s_audiences)
        {
            foreach (var kind in new[] { ArtifactKinds.CdaN3, ArtifactKinds.CdaN1 })
            {
                var first = RenderedReports.Xml(_reports.Get("biochemistry", kind, audience));
                var correction = RenderedReports.Xml(_reports.Get("correction", kind, audience));
                var firstId = Cda.Attribute(first, "/c:ClinicalDocument/c:id/@root");
                Assert.Empty(Cda.Elements(first, "/c:ClinicalDocument/c:relatedDocument"));
                Assert.Equal("1", Cda.Attribute(first, "/c:ClinicalDocument/c:versionNumber/@value"));

                Assert.Equal("RPLC", Cda.Attribute(correction, "/c:ClinicalDocument/c:relatedDocument/@typeCode"));
                Assert.Equal(firstId, Cda.Attribute(correction, "/c:ClinicalDocument/c:relatedDocument/c:parentDocument/c:id/@root"));
                Assert.Equal("1", Cda.Attribute(correction, "/c:ClinicalDocument/c:relatedDocument/c:parentDocument/c:versionNumber/@value"));
                Assert.Equal(Cda.Attribute(first, "/c:ClinicalDocument/c:setId/@root"), Cda.Attribute(correction, "/c:ClinicalDocument/c:setId/@root"));
                Assert.Equal("2", Cda.Attribute(correction, "/c:ClinicalDocument/c:versionNumber/@value"));
                Assert.NotEqual(firstId, Cda.Attribute(correction, "/c:ClinicalDocument/c:id/@root"));
                Assert.Empty(Cda.Elements(correction, "/c:ClinicalDocument/c:relatedDocument/c:parentDocument/c:setId"));
            }
        }
    }

    [Fact]
    public void An_unqualified_identity_leaves_no_ins_anywhere()
    {
        var matricule = Repo.Load("unqualified-ins").Patient.Ins!.Matricule;
        foreach (var artifact in _reports.Artifacts("unqualified-ins").Where(a => a.Kind is ArtifactKinds.CdaN3 or ArtifactKinds.CdaN1))
        {
            var document = RenderedReports.Xml(artifact);
            var insRoots = (IEnumerable<object>)Cda.Evaluate(document, "//@root[starts-with(., '1.2.250.1.213.1.4.')] | //@codeSystem[starts-with(., '1.2.250.1.213.1.4.')]");
            Assert.Empty(insRoots);
            Assert.DoesNotContain(matricule, document.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("patient.mssante.fr", document.ToString(), StringComparison.Ordinal);
            Assert.Single(Cda.Elements(document, "/c:ClinicalDocument/c:recordTarget/c:patientRole/c:id"));
            Assert.Equal("P002455", Cda.Attribute(document, "/c:ClinicalDocument/c:recordTarget/c:patientRole/c:id/@extension"));
        }
    }

    [Fact]
    public void A_qualified_identity_carries_the_ins_and_its_traits()
    {
        var document = RenderedReports.Xml(_reports.Get("thyroid", ArtifactKinds.CdaN3, Audience.Patient));
        Assert.Equal("1.2.250.1.213.1.4.10", Cda.Attribute(document, "/c:ClinicalDocument/c:recordTarget/c:patientRole/c:id[1]/@root"));
        Assert.Equal("279035121518989", Cda.Attribute(document, "/c:ClinicalDocument/c:recordTarget/c:patientRole/c:id[1]/@extension"));
        var patient = Cda.Element(document, "/c:ClinicalDocument/c:recordTarget/c:patientRole/c:patient");
        Assert.Equal("PAT-TROIS", Cda.Element(patient, "c:name/c:family[@qualifier='BR']").Value);
        Assert.Equal("DOMINIQUE", Cda.Element(patient, "c:name/c:given[@qualifier='BR']").Value);
        Assert.Equal("DOMINIQUE MARIE-LOUISE", Cda.Element(patient, "c:name/c:given[not(@qualifier)]").Value);
        Assert.Equal("19790328", Cda.Element(patient, "c:birthTime").Attribute("value")!.Value);
        Assert.Equal("F", Cda.Element(patient, "c:administrativeGenderCode").Attribute("code")!.Value);
        Assert.Equal("51215", Cda.Element(patient, "c:birthplace/c:place/c:addr/c:county").Value);
        Assert.Contains(Cda.Elements(document, "/c:ClinicalDocument/c:recordTarget/c:patientRole/c:telecom"), t => (string?)t.Attribute("value") == "mailto:279035121518989@patient.mssante.fr");
    }

    [Fact]
    public void Two_versions_give_four_documents_with_distinct_identities()
    {
        var documents = _reports.Artifacts("biochemistry").Where(a => a.Kind is ArtifactKinds.CdaN3 or ArtifactKinds.CdaN1).ToList();
        Assert.Equal(4, documents.Count);
        var ids = documents.Select(d => Cda.Attribute(RenderedReports.Xml(d), "/c:ClinicalDocument/c:id/@root")).ToList();
        var setIds = documents.Select(d => Cda.Attribute(RenderedReports.Xml(d), "/c:ClinicalDocument/c:setId/@root")).ToList();
        Assert.Equal(8, ids.Concat(setIds).Distinct().Count());
        Assert.All(ids.Concat(setIds), id => Assert.Null(Domain.Identifiers.Oid.Check(id)));
        Assert.Equal(ids, documents.Select(d => d.Document!.Id));
    }

    [Fact]
    public void A_single_version_lab_gives_two_documents()
    {
        var renderer = RenderCache.Engine(SglConfiguration.Default with { Documents = DocumentSettings.Default with { Versions = DocumentVersions.Single } });
        var artifacts = renderer.Render(new RenderRequest(Repo.Load("thyroid"))).Artifacts;
        var documents = artifacts.Where(a => a.Kind is ArtifactKinds.Pdf or ArtifactKinds.CdaN3 or ArtifactKinds.CdaN1).ToList();
        Assert.Equal([ArtifactKinds.Pdf, ArtifactKinds.CdaN3, ArtifactKinds.CdaN1], documents.Select(a => a.Kind));
        Assert.All(artifacts, a => Assert.Equal(Audience.All, a.Audience));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_result_is_in_the_entries_and_in_the_narrative(string fixture)
    {
        var report = Repo.Load(fixture);
        foreach (var audience in s_audiences)
        {
            var document = RenderedReports.Xml(_reports.Get(fixture, ArtifactKinds.CdaN3, audience));
            var entries = Cda.Elements(document, "//c:observation[c:templateId/@root='1.3.6.1.4.1.19376.1.3.1.6']")
                .Where(o => Reference(o).StartsWith("res-", StringComparison.Ordinal))
                .ToList();
            var results = report.AllObservations().Select(x => x.Observation).ToList();
            Assert.Equal(results.Count, entries.Count);
            for (var i = 0; i < results.Count; i++)
            {
                var result = results[i];
                var entry = entries[i];
                var id = Reference(entry);
                Assert.Equal(Cda.Collapse(result.Label), Cda.NarrativeText(document, id));
                var code = Cda.Element(entry, "c:code");
                if (result.Loinc is { } loinc)
                {
                    Assert.Equal(loinc.Code, (string?)code.Attribute("code"));
                    Assert.Equal(loinc.Display, (string?)code.Attribute("displayName"));
                }
                else
                {
                    Assert.Null(code.Attribute("code"));
                    Assert.Equal(result.LocalCode!.Code, (string?)Cda.Element(entry, "c:code/c:translation").Attribute("code"));
                }

                AssertEntryValue(result, entry);
                // the narrative row of a result (a table row; a paragraph for an isolate's count)
                var row = document.Descendants().Single(e => (string?)e.Attribute("ID") == id).Ancestors().First(a => a.Name.LocalName is "tr" or "paragraph");
                var cells = row.Name.LocalName == "tr" ? row.Elements().Where(e => e.Name.LocalName == "td") : [row];
                var rowText = Cda.Collapse(string.Join(' ', cells.Select(td => string.Concat(td.DescendantNodes().OfType<XText>().Select(t => t.Value)))));
                Assert.Contains(Cda.Collapse(FrenchText.Value(result.Value)), rowText, StringComparison.Ordinal);
                Assert.Contains(FrenchText.Unit(result.Value), rowText, StringComparison.Ordinal);
                foreach (var range in result.ReferenceRanges)
                {
                    Assert.Contains(Cda.Collapse(FrenchText.Limits(range, FrenchText.Unit(result.Value))), rowText, StringComparison.Ordinal);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void The_embedded_pdf_is_the_pdf_of_the_same_version(string fixture)
    {
        foreach (var audience in s_audiences)
        {
            var pdf = _reports.Get(fixture, ArtifactKinds.Pdf, audience).Bytes();
            var n3 = RenderedReports.Xml(_reports.Get(fixture, ArtifactKinds.CdaN3, audience));
            var media = Cda.Element(n3, "//c:section[c:templateId/@root='1.2.250.1.213.1.1.2.243']//c:observationMedia/c:value");
            Assert.Equal("application/pdf", (string?)media.Attribute("mediaType"));
            Assert.Equal(pdf, Convert.FromBase64String(media.Value));
            var n1 = RenderedReports.Xml(_reports.Get(fixture, ArtifactKinds.CdaN1, audience));
            Assert.Equal(pdf, Convert.FromBase64String(Cda.Element(n1, "/c:ClinicalDocument/c:component/c:nonXMLBody/c:text").Value));
            Assert.Equal(_reports.Get(fixture, ArtifactKinds.CdaN3, audience).Document!.Id, _reports.Get(fixture, ArtifactKinds.Pdf, audience).Document!.Id);
        }
    }

    [Fact]
    public void The_patient_version_leaves_out_what_is_reserved_for_professionals()
    {
        const string reserved = "Insuffisance rénale légère (stade 2)";
        Assert.Contains(reserved, System.Text.Encoding.UTF8.GetString(_reports.Get("biochemistry", ArtifactKinds.CdaN3, Audience.Professional).Content.Span), StringComparison.Ordinal);
        Assert.DoesNotContain(reserved, System.Text.Encoding.UTF8.GetString(_reports.Get("biochemistry", ArtifactKinds.CdaN3, Audience.Patient).Content.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Special_characters_survive_the_xml()
    {
        var report = Repo.Load("special-characters");
        var document = RenderedReports.Xml(_reports.Get("special-characters", ArtifactKinds.CdaN3, Audience.Professional));
        var text = document.ToString();
        var comment = report.Chapters[0].Batteries[0].Observations[0].Comments[0].Text;
        foreach (var fragment in comment.Split('\n'))
        {
            Assert.Contains(fragment, string.Concat(document.Descendants().Where(e => e.Name.LocalName == "content").Select(c => string.Concat(c.Nodes().OfType<XText>().Select(t => t.Value)))), StringComparison.Ordinal);
        }

        Assert.Contains("🧪", text, StringComparison.Ordinal);
        Assert.Equal("Biochimie & contrôles <spéciaux>", Cda.Element(document, "//c:section[c:templateId/@root='1.3.6.1.4.1.19376.1.3.3.2.1']/c:title").Value);
    }

    [Fact]
    public void Header_names_the_lab_the_biologist_the_prescriber_and_the_order()
    {
        var report = Repo.Load("biochemistry");
        var document = RenderedReports.Xml(_reports.Get("biochemistry", ArtifactKinds.CdaN3, Audience.Professional));
        Assert.Equal("8" + report.Biologist.Rpps, Cda.Attribute(document, "/c:ClinicalDocument/c:legalAuthenticator/c:assignedEntity/c:id/@extension"));
        Assert.Equal("1" + report.Laboratory.FinessGeographique, Cda.Attribute(document, "/c:ClinicalDocument/c:custodian/c:assignedCustodian/c:representedCustodianOrganization/c:id/@extension"));
        Assert.Equal("8" + report.Prescriber!.Rpps, Cda.Attribute(document, "/c:ClinicalDocument/c:participant[@typeCode='REF']/c:associatedEntity/c:id/@extension"));
        Assert.Equal("20261118", Cda.Attribute(document, "/c:ClinicalDocument/c:participant[@typeCode='REF']/c:time/c:high/@value"));
        Assert.Equal("8" + report.AttendingPhysician!.Rpps, Cda.Attribute(document, "/c:ClinicalDocument/c:participant[@typeCode='INF']/c:associatedEntity/c:id/@extension"));
        Assert.Equal(report.Request.PrescriptionId, Cda.Attribute(document, "/c:ClinicalDocument/c:inFulfillmentOf/c:order/c:id/@extension"));
        Assert.Equal(report.Request.OrderNumber, Cda.Attribute(document, "/c:ClinicalDocument/c:documentationOf[1]/c:serviceEvent/c:id/@extension"));
        Assert.Equal("20261120160500+0100", Cda.Attribute(document, "/c:ClinicalDocument/c:effectiveTime/@value"));
        Assert.Equal("completed", Cda.Attribute(document, "/c:ClinicalDocument/c:documentationOf[1]/c:serviceEvent/lab:statusCode/@code"));
    }

    [Fact]
    public void A_hospital_stay_is_the_encompassing_encounter()
    {
        var document = RenderedReports.Xml(_reports.Get("hospital-stay", ArtifactKinds.CdaN3, Audience.Professional));
        Assert.Equal("IMP", Cda.Attribute(document, "/c:ClinicalDocument/c:componentOf/c:encompassingEncounter/c:code/@code"));
        Assert.Equal("V26110042", Cda.Attribute(document, "/c:ClinicalDocument/c:componentOf/c:encompassingEncounter/c:id/@extension"));
        Assert.Equal("ETABLISSEMENT", Cda.Attribute(document, "/c:ClinicalDocument/c:legalAuthenticator/c:assignedEntity/c:representedOrganization/c:standardIndustryClassCode/@code"));
    }

    [Fact]
    public void Microbiology_isolates_carry_their_antibiogram()
    {
        var document = RenderedReports.Xml(_reports.Get("microbiology-urine", ArtifactKinds.CdaN3, Audience.Professional));
        var isolates = Cda.Elements(document, "//c:organizer[c:templateId/@root='1.3.6.1.4.1.19376.1.3.1.5']").ToList();
        Assert.Equal(2, isolates.Count);
        Assert.Equal("112283007", (string?)Cda.Element(isolates[0], "c:specimen/c:specimenRole/c:specimenPlayingEntity/c:code").Attribute("code"));
        var ampicillin = Cda.Element(isolates[0], "c:component/c:organizer[c:code/@code='18769-0']/c:component[1]/c:observation");
        Assert.Equal("18864-9", (string?)Cda.Element(ampicillin, "c:code").Attribute("code"));
        Assert.Equal("R", (string?)Cda.Element(ampicillin, "c:interpretationCode").Attribute("code"));
        Assert.Equal("16", (string?)Cda.Element(ampicillin, "c:value/c:low").Attribute("value"));
        Assert.Equal("false", (string?)Cda.Element(ampicillin, "c:value/c:low").Attribute("inclusive"));
    }

    [Fact]
    public void A_subcontracted_battery_names_its_performing_lab()
    {
        var document = RenderedReports.Xml(_reports.Get("subcontracted", ArtifactKinds.CdaN3, Audience.Professional));
        var performer = Cda.Element(document, "//c:act/c:performer[c:templateId/@root='1.2.250.1.213.1.1.3.23']");
        Assert.Equal("1750012346", (string?)Cda.Element(performer, "c:assignedEntity/c:representedOrganization/c:id").Attribute("extension"));
        Assert.Equal("Laboratoire spécialisé du Val de Seine", Cda.Element(performer, "c:assignedEntity/c:representedOrganization/c:name").Value);
    }

    private static string Reference(XElement observation) =>
        ((string?)Cda.Optional(observation, "c:code/c:originalText/c:reference")?.Attribute("value") ?? "#").TrimStart('#');

    private static void AssertEntryValue(Observation result, XElement entry)
    {
        var value = Cda.Optional(entry, "c:value");
        var type = (string?)value?.Attribute(XName.Get("type", "http://www.w3.org/2001/XMLSchema-instance"));
        switch (result.Value)
        {
            case QuantityValue { Quantity: { Comparator: null } q }:
                Assert.Equal("PQ", type);
                Assert.Equal(q.Value.ToString(CultureInfo.InvariantCulture), (string?)value!.Attribute("value"));
                Assert.Equal(q.Unit, (string?)value.Attribute("unit"));
                break;
            case QuantityValue { Quantity: var q }:
                Assert.Equal("IVL_PQ", type);
                Assert.Equal(q.Value.ToString(CultureInfo.InvariantCulture), (string?)value!.Elements().Single().Attribute("value"));
                break;
            case CodedValue { Code: var c }:
                Assert.Equal("CD", type);
                Assert.Equal(c.Code, (string?)value!.Attribute("code"));
                Assert.Equal(c.System, (string?)value.Attribute("codeSystem"));
                break;
            case TextValue { Text: var t }:
                Assert.Equal("ST", type);
                Assert.Equal(t, value!.Value);
                break;
        }
    }
}
