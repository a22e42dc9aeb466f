using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Mss.Xdm;
using SglReference.Xds;
using SglReference.Engine;
using SglReference.Hosting;
using SglReference.Testing;

namespace SglReference.Mss.Tests;

/// <summary>
/// The IHE_XDM archive of every fixture against the official ANS METADATA.XML (ansforge/DRIM-M_DATA, see
/// Reference/README.md): every slot, classification and external identifier of its submission set and of its document
/// entry is present in ours, with CR-Bio values; hash and size match the zipped files; one patientId per archive.
/// </summary>
public sealed partial class XdmMetadataTests
{
    private static readonly XDocument Official = RenderedMss.Official();

    public static TheoryData<string> Fixtures => new(Repo.FixtureNames);

    private static XElement OfficialSubmissionSet => Official.Descendants().Single(e => e.Name.LocalName == "RegistryPackage");

    // The official file's first ExtrinsicObject is the document; the second (Signature01) is the DMP submission-set
    // signature (IHE DSG), which belongs to the DMP channel, not to the MSSanté XDM archive.
    private static XElement OfficialDocumentEntry => Official.Descendants().First(e => e.Name.LocalName == "ExtrinsicObject");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_slot_classification_and_external_identifier_of_the_official_example_is_present(string fixture)
    {
        var archives = RenderedMss.Archives(RenderedMss.Artifacts(fixture));
        var plan = Domain.Delivery.DeliveryPlanner.Plan(Repo.Load(fixture));
        Assert.Equal((plan.Professionals.Count > 0 ? 1 : 0) + (plan.Patient is null ? 0 : 1), archives.Count);
        foreach (var archive in archives)
        {
            var metadata = RenderedMss.Metadata(archive.Content);
            var submissionSet = Single(metadata, "RegistryPackage");
            var entry = Single(metadata, "ExtrinsicObject");
            AssertCovers(OfficialSubmissionSet, submissionSet, fixture + " submission set");
            AssertCovers(OfficialDocumentEntry, entry, fixture + " document entry");
            Assert.Equal(OfficialDocumentEntry.Attribute("objectType")!.Value, entry.Attribute("objectType")!.Value);
            Assert.Equal("text/xml", entry.Attribute("mimeType")!.Value);

            var officialMember = Official.Descendants().First(e => e.Name.LocalName == "Association");
            var member = Assert.Single(Children(metadata.Root!.Elements().Single(), "Association"), a => a.Attribute("targetObject")!.Value == entry.Attribute("id")!.Value);
            Assert.Equal(officialMember.Attribute("associationType")!.Value, member.Attribute("associationType")!.Value);
            Assert.Equal(submissionSet.Attribute("id")!.Value, member.Attribute("sourceObject")!.Value);
            Assert.Equal(SlotValues(officialMember, "SubmissionSetStatus"), SlotValues(member, "SubmissionSetStatus"));
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Values_are_those_of_the_cr_bio_and_match_the_zipped_cda(string fixture)
    {
        var report = Repo.Load(fixture);
        var artifacts = RenderedMss.Artifacts(fixture);
        foreach (var archive in RenderedMss.Archives(artifacts))
        {
            var files = RenderedMss.Unzip(archive.Content);
            var metadata = RenderedMss.Metadata(archive.Content);
            var submissionSet = Single(metadata, "RegistryPackage");
            var entry = Single(metadata, "ExtrinsicObject");

            // One patientId per archive: INS (NH) for a qualified identity, else the IPP (PI).
            var patientIds = metadata.Descendants().Where(e => e.Name.LocalName == "ExternalIdentifier" && e.Attribute("value")!.Value.Contains("^^^&", StringComparison.Ordinal)
                && (e.Attribute("identificationScheme")!.Value == XdsCodes.SubmissionSetPatientId || e.Attribute("identificationScheme")!.Value == XdsCodes.DocumentPatientId))
                .Select(e => e.Attribute("value")!.Value).Distinct().ToList();
            var patientId = Assert.Single(patientIds);
            var expected = report.Patient.QualifiedIns is { } ins
                ? $"{ins.Matricule}^^^&{ins.Oid}&ISO^NH"
                : $"{report.Patient.Ipp.Value}^^^&{report.Patient.Ipp.Authority}&ISO^PI";
            Assert.Equal(expected, patientId);
            Assert.Equal($"{report.Patient.Ipp.Value}^^^&{report.Patient.Ipp.Authority}&ISO^PI", Assert.Single(SlotValues(entry, "sourcePatientId")));

            // The document: URI, hash (SHA-1) and size of the zipped file, uniqueId = ClinicalDocument/id.
            var uri = Assert.Single(SlotValues(entry, "URI"));
            var cda = files["IHE_XDM/" + uri];
#pragma warning disable CA5350 // XDS prescribes SHA-1 for the hash slot.
            Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(cda)), Assert.Single(SlotValues(entry, "hash")));
#pragma warning restore CA5350
            Assert.Equal(cda.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(SlotValues(entry, "size")));
            var n3 = artifacts.Single(a => a.Kind == ArtifactKinds.CdaN3 && a.Audience == archive.Audience);
            Assert.Equal(n3.Content, cda);
            var document = XDocument.Load(new MemoryStream(cda));
            XNamespace v3 = "urn:hl7-org:v3";
            Assert.Equal(document.Root!.Element(v3 + "id")!.Attribute("root")!.Value, ExternalId(entry, XdsCodes.DocumentUniqueId));
            Assert.StartsWith("urn:uuid:", entry.Attribute("id")!.Value, StringComparison.Ordinal);

            // Codes of a CR-Bio, consistent with the CDA header.
            Assert.Equal(("11502-2", XdsCodes.Loinc), Code(entry, XdsCodes.TypeCode));
            Assert.Equal(("10", XdsCodes.ClassCodeSystem), Code(entry, XdsCodes.ClassCode));
            Assert.Equal((XdsCodes.FormatN3, XdsCodes.FormatSystem), Code(entry, XdsCodes.FormatCode));
            var facility = document.Descendants(v3 + "healthCareFacility").Single().Element(v3 + "code")!;
            Assert.Equal((facility.Attribute("code")!.Value, facility.Attribute("codeSystem")!.Value), Code(entry, XdsCodes.HealthcareFacilityTypeCode));
            var practice = document.Descendants(v3 + "standardIndustryClassCode").First();
            Assert.Equal((practice.Attribute("code")!.Value, practice.Attribute("codeSystem")!.Value), Code(entry, XdsCodes.PracticeSettingCode));
            var events = document.Descendants(v3 + "serviceEvent").Select(e => e.Element(v3 + "code")!.Attribute("code")!.Value).ToList();
            Assert.Equal(events, Codes(entry, XdsCodes.EventCodeList).Select(c => c.Code));
            // Confidentiality: N, then the masking flags of the plan's message to this group (volet mapping: the other
            // occurrences come from the MetaDMPMSS OBX the PFI would receive).
            var confidentiality = Codes(entry, XdsCodes.ConfidentialityCode).Select(c => c.Code).ToList();
            Assert.Equal("N", confidentiality[0]);
            var plan = Domain.Delivery.DeliveryPlanner.Plan(report);
            var flags = archive.FileName.Contains("-to-patient", StringComparison.Ordinal)
                ? plan.Messages.First(m => m.DestMssPatient)
                : plan.Messages.First(m => m.DestMssPs);
            Assert.Equal(flags.MasquePs, confidentiality.Contains("MASQUE_PS"));
            Assert.Equal(flags.InvisiblePatient, confidentiality.Contains("INVISIBLE_PATIENT"));
            Assert.Equal(flags.InvisibleRepLegaux, confidentiality.Contains("INVISIBLE_REPRESENTANTS_LEGAUX"));

            // Author and legal authenticator: the biologist's IDNPS (as in the CDA) and the lab's FINESS.
            var idnps = "8" + report.Biologist.Rpps;
            Assert.StartsWith(idnps + "^" + report.Biologist.FamilyName + "^", Assert.Single(SlotValues(entry, "legalAuthenticator")), StringComparison.Ordinal);
            Assert.EndsWith("&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS", Assert.Single(SlotValues(entry, "legalAuthenticator")), StringComparison.Ordinal);
            var author = AuthorOf(entry);
            Assert.Equal(SlotValues(entry, "legalAuthenticator"), SlotValues(author, "authorPerson"));
            Assert.EndsWith("&1.2.250.1.71.4.2.2&ISO^IDNST^^^1" + report.Laboratory.FinessGeographique, Assert.Single(SlotValues(author, "authorInstitution")), StringComparison.Ordinal);
            Assert.Equal(SlotValues(author, "authorPerson"), SlotValues(AuthorOf(submissionSet), "authorPerson"));
            Assert.Equal([$"PID-5|{report.Patient.BirthName}^{report.Patient.FirstGivenName}^^^^^L", $"PID-7|{report.Patient.BirthDate:yyyyMMdd}", $"PID-8|{(report.Patient.Sex == Sex.Female ? "F" : "M")}"],
                SlotValues(entry, "sourcePatientInfo"));
            var references = SlotValues(entry, "urn:ihe:iti:xds:2013:referenceIdList");
            Assert.Equal($"{report.Request.OrderNumber}^^^&{report.Laboratory.Oids.Orders}&ISO^urn:ihe:iti:xds:2013:accession", references[0]);
            Assert.Equal(report.PrescriptionIdentifier is { } order ? [$"{order.Value}^^^&{order.Authority}&ISO^urn:ihe:iti:xds:2013:order"] : [], references.Skip(1));
            Assert.Equal(report.Laboratory.Oids.Documents, ExternalId(submissionSet, XdsCodes.SubmissionSetSourceId));
            Assert.Matches(@"^[0-2](\.(0|[1-9][0-9]*))+$", ExternalId(submissionSet, XdsCodes.SubmissionSetUniqueId));
            Assert.Matches("^[0-9]{14}$", Assert.Single(SlotValues(entry, "creationTime")));
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void The_archive_layout_is_ihe_xdm_with_iso_9660_level_1_names(string fixture)
    {
        foreach (var archive in RenderedMss.Archives(RenderedMss.Artifacts(fixture)))
        {
            var names = RenderedMss.Unzip(archive.Content).Keys.ToList();
            Assert.Equal(["INDEX.HTM", "README.TXT", "IHE_XDM/SUBSET01/METADATA.XML", "IHE_XDM/SUBSET01/DOC0001.XML"], names);
            Assert.All(names.SelectMany(n => n.Split('/')), part => Assert.Matches(Iso9660Level1(), part));
            var index = XDocument.Parse(Encoding.UTF8.GetString(RenderedMss.Unzip(archive.Content)["INDEX.HTM"]));
            XNamespace xhtml = "http://www.w3.org/1999/xhtml";
            Assert.Contains(index.Descendants(xhtml + "a"), a => a.Attribute("href")!.Value == "IHE_XDM/SUBSET01/DOC0001.XML");
        }
    }

    [Fact]
    public void An_unqualified_ins_leaves_no_ins_anywhere_in_the_archive()
    {
        foreach (var archive in RenderedMss.Archives(RenderedMss.Artifacts("unqualified-ins")))
        {
            foreach (var (name, bytes) in RenderedMss.Unzip(archive.Content))
            {
                var text = Encoding.UTF8.GetString(bytes);
                Assert.DoesNotContain("1.2.250.1.213.1.4.", text, StringComparison.Ordinal);
                Assert.DoesNotContain("^NH", text, StringComparison.Ordinal);
                Assert.False(name.Contains("INS", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void A_replacement_carries_rplc_to_the_replaced_entry_and_action_c_and_a_deletion_action_d()
    {
        var correction = RenderedMss.Artifacts("correction");
        var archive = RenderedMss.Archives(correction)[0];
        var metadata = RenderedMss.Metadata(archive.Content);
        var entry = Single(metadata, "ExtrinsicObject");
        Assert.Equal(["C"], SlotValues(entry, XdsWriterOptions.DefaultActionSlot));
        var replaces = archive.Document!.Replaces!;
        var rplc = Assert.Single(metadata.Descendants(), e => e.Name.LocalName == "Association" && e.Attribute("associationType")!.Value == XdsCodes.Replace);
        Assert.Equal(entry.Attribute("id")!.Value, rplc.Attribute("sourceObject")!.Value);
        // The replaced entry's entryUUID is the one its own archive carried (both derive from the document id).
        var original = RenderedMss.Archives(RenderedMss.Artifacts("biochemistry")).Single(a => a.Audience == archive.Audience);
        Assert.Equal(replaces.Id, original.Document!.Id);
        Assert.Equal(Single(RenderedMss.Metadata(original.Content), "ExtrinsicObject").Attribute("id")!.Value, rplc.Attribute("targetObject")!.Value);

        var withdrawn = RenderedMss.Render(Repo.Load("biochemistry"), action: RenderAction.Withdraw, previous: RenderCache.Package("biochemistry").Issued);
        var deletion = Single(RenderedMss.Metadata(RenderedMss.Archives(withdrawn)[0].Content), "ExtrinsicObject");
        Assert.Equal(["D"], SlotValues(deletion, XdsWriterOptions.DefaultActionSlot));
        Assert.Empty(SlotValues(Single(RenderedMss.Metadata(original.Content), "ExtrinsicObject"), XdsWriterOptions.DefaultActionSlot));
    }

    [Fact]
    public void The_n1_joins_the_n3_when_configured_with_its_own_format()
    {
        var configuration = SglConfiguration.Default with { Mss = MssOptions.Default with { IncludeN1 = true } };
        var artifacts = RenderedMss.Render(Repo.Load("thyroid"), configuration);
        var archive = RenderedMss.Archives(artifacts)[0];
        var entries = RenderedMss.Metadata(archive.Content).Descendants().Where(e => e.Name.LocalName == "ExtrinsicObject").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal((XdsCodes.FormatN1, XdsCodes.FormatSystem), Code(entries[1], XdsCodes.FormatCode));
        var n1 = artifacts.Single(a => a.Kind == ArtifactKinds.CdaN1 && a.Audience == archive.Audience);
        Assert.Equal(n1.Content, RenderedMss.Unzip(archive.Content)["IHE_XDM/SUBSET01/DOC0002.XML"]);
    }

    [Fact]
    public void The_archive_is_reproducible()
    {
        var first = RenderedMss.Archives(RenderedMss.Render(Repo.Load("thyroid")))[0].Content;
        var second = RenderedMss.Archives(RenderedMss.Render(Repo.Load("thyroid")))[0].Content;
        Assert.Equal(first, second);
    }

    private static void AssertCovers(XElement official, XElement ours, string what)
    {
        foreach (var slot in SlotNames(official))
        {
            Assert.True(SlotNames(ours).Contains(slot), $"{what}: slot {slot} of the official example is missing");
        }

        foreach (var scheme in ClassificationKeys(official))
        {
            Assert.True(ClassificationKeys(ours).Contains(scheme), $"{what}: classification {scheme} of the official example is missing");
        }

        // The official entry also carries ExternalIdentifier scheme "1.2.3" (XDSDocumentEntry.EntryUUID), which is not an
        // IHE scheme: the entryUUID is the ExtrinsicObject's id in ours (checked above).
        foreach (var scheme in ExternalIdentifierSchemes(official).Where(s => s.StartsWith("urn:uuid:", StringComparison.Ordinal)))
        {
            Assert.True(ExternalIdentifierSchemes(ours).Contains(scheme), $"{what}: external identifier {scheme} of the official example is missing");
        }

        foreach (var element in new[] { "Name", "Description" })
        {
            Assert.Equal(official.Elements().Any(e => e.Name.LocalName == element), ours.Elements().Any(e => e.Name.LocalName == element));
        }
    }

    private static XElement Single(XDocument document, string localName) => document.Descendants().Single(e => e.Name.LocalName == localName);

    private static IEnumerable<XElement> Children(XElement parent, string localName) => parent.Elements().Where(e => e.Name.LocalName == localName);

    private static HashSet<string> SlotNames(XElement element) => Children(element, "Slot").Select(s => s.Attribute("name")!.Value).ToHashSet();

    private static HashSet<string> ClassificationKeys(XElement element) =>
        Children(element, "Classification").Select(c => c.Attribute("classificationScheme")?.Value ?? "node:" + c.Attribute("classificationNode")!.Value).ToHashSet();

    private static HashSet<string> ExternalIdentifierSchemes(XElement element) =>
        Children(element, "ExternalIdentifier").Select(e => e.Attribute("identificationScheme")!.Value).ToHashSet();

    private static List<string> SlotValues(XElement element, string name) =>
        Children(element, "Slot").Where(s => s.Attribute("name")!.Value == name).SelectMany(s => s.Descendants().Where(v => v.Name.LocalName == "Value")).Select(v => v.Value).ToList();

    private static string ExternalId(XElement element, string scheme) =>
        Children(element, "ExternalIdentifier").Single(e => e.Attribute("identificationScheme")!.Value == scheme).Attribute("value")!.Value;

    private static XElement AuthorOf(XElement element) =>
        Children(element, "Classification").Single(c => c.Attribute("classificationScheme")?.Value is XdsCodes.DocumentAuthor or XdsCodes.SubmissionSetAuthor);

    private static List<(string Code, string System)> Codes(XElement element, string scheme) =>
        Children(element, "Classification").Where(c => c.Attribute("classificationScheme")?.Value == scheme)
            .Select(c => (c.Attribute("nodeRepresentation")!.Value, Assert.Single(SlotValues(c, "codingScheme")))).ToList();

    private static (string Code, string System) Code(XElement element, string scheme) => Assert.Single(Codes(element, scheme));

    [GeneratedRegex(@"^[A-Z0-9_]{1,8}(\.[A-Z0-9_]{1,3})?$")]
    private static partial Regex Iso9660Level1();
}
