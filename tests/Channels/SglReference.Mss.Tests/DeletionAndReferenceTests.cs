using System.Xml.Linq;
using SglReference.Domain.Validation;
using SglReference.Engine;
using SglReference.Hosting;
using SglReference.Testing;
using SglReference.Xds;

namespace SglReference.Mss.Tests;

/// <summary>
/// What a deletion mail says (subject and body, read back by mailparser), the « action » extra-metadata's slot name,
/// and the two ids of the request in the referenceIdList, against the ANS volet and XDM example.
/// </summary>
public sealed class DeletionAndReferenceTests : IDisposable
{
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public void Dispose() => _temp.Dispose();

    [Fact]
    [Trait("Needs", "node")]
    public void A_deletion_mail_reads_as_a_deletion_subject_included()
    {
        // Volet trans-cda-r2, exemple 2: on a deletion the mail to the MSSanté recipients indicates "dans le corps du
        // courriel que le document doit être supprimé". A body the report gives announces the document: left out.
        ExternalProcess.RequireNodeTools();
        var report = Repo.Load("biochemistry") with
        {
            Delivery = Domain.DeliveryOptions.Default with { MailBodyProfessional = "Chère consœur, voici le bilan.", MailBodyPatient = "Voici vos résultats." },
        };
        var published = RenderCache.Render(report);
        var withdrawn = RenderedMss.Render(report, action: RenderAction.Withdraw, previous: published.Issued);
        var files = RenderedMss.Messages(withdrawn).Select((m, i) =>
        {
            var file = _temp.File($"deletion-{i}.eml");
            File.WriteAllBytes(file, m.Bytes());
            return file;
        }).ToList();
        Assert.Equal(2, files.Count);
        var p = report.Patient;
        foreach (var mail in MailParser.Parse(files))
        {
            Assert.Equal($"XDM/1.0/DDM+Suppression du CR d'examens biologiques {p.BirthName} {p.FirstGivenName} {p.BirthDate:dd/MM/yyyy}", mail.GetProperty("subject").GetString());
            var text = mail.GetProperty("text").GetString()!;
            Assert.Contains("ne doit plus être utilisé", text, StringComparison.Ordinal);
            Assert.Contains("retir", text, StringComparison.Ordinal);
            foreach (var announcement in new[] { "Veuillez trouver ci-joint", "disponibles dans votre profil Mon espace santé", "Les résultats de vos examens", "voici le bilan", "Voici vos résultats", "annule et remplace" })
            {
                Assert.DoesNotContain(announcement, text, StringComparison.Ordinal);
            }
        }

        var deletionArchive = RenderedMss.Archives(withdrawn)[0];
        var entry = RenderedMss.Metadata(deletionArchive.Content).Descendants().Single(e => e.Name.LocalName == "ExtrinsicObject");
        Assert.Equal(["D"], SlotValues(entry, XdsWriterOptions.DefaultActionSlot));
    }

    [Fact]
    public void The_action_extra_metadata_is_a_urn_slot_and_its_name_is_configurable()
    {
        // IHE ITI TF-3 §4.1.14: extra metadata slots are named by URNs; the volet (exemples 2-4) names the value
        // « action » C/D without publishing its URN, so the name is a setting (mss.actionSlot) validated as a URN.
        Assert.StartsWith("urn:", XdsWriterOptions.DefaultActionSlot, StringComparison.Ordinal);
        Assert.Equal(XdsWriterOptions.DefaultActionSlot, MssOptions.Default.ActionSlot);
        var custom = "urn:example-pfi:xdm:action";
        var configuration = SglConfiguration.Default with { Mss = MssOptions.Default with { ActionSlot = custom } };
        var correction = RenderedMss.Render(Repo.Load("correction"), configuration);
        var entry = RenderedMss.Metadata(RenderedMss.Archives(correction)[0].Content).Descendants().Single(e => e.Name.LocalName == "ExtrinsicObject");
        Assert.Equal(["C"], SlotValues(entry, custom));
        Assert.Empty(SlotValues(entry, "action"));

        foreach (var bad in new[] { "action", "urn:action", "urn:x:", "urn:-x:action", "urn:ihe:iti:xdm:action", "urn:oasis:names:action", "urn:ex ample:action" })
        {
            var error = Assert.Throws<InvalidSettingException>(() => (MssOptions.Default with { ActionSlot = bad }).Validate());
            Assert.Equal("mss.actionSlot", error.Setting);
        }
    }

    [Fact]
    public void The_reference_id_list_names_the_lab_request_and_the_prescription_as_the_ans_xdm_example_does()
    {
        // DRIM-M_DATA METADATA.XML: referenceIdList ... ^urn:ihe:iti:xds:2013:accession, ...^urn:ihe:iti:xds:2013:order.
        var officialTypes = SlotValues(RenderedMss.Official().Descendants().First(e => e.Name.LocalName == "ExtrinsicObject"), "urn:ihe:iti:xds:2013:referenceIdList")
            .Select(v => v[(v.LastIndexOf('^') + 1)..]).ToList();
        Assert.Contains(XdsCodes.AccessionReference, officialTypes);
        Assert.Contains(XdsCodes.OrderReference, officialTypes);

        var report = Repo.Load("thyroid");
        var entry = RenderedMss.Metadata(RenderedMss.Archives(RenderedMss.Artifacts("thyroid"))[0].Content).Descendants().Single(e => e.Name.LocalName == "ExtrinsicObject");
        Assert.Equal(
            [$"{report.Request.OrderNumber}^^^&{report.Laboratory.Oids.Orders}&ISO^{XdsCodes.AccessionReference}", $"EP-2026-000731^^^&1.2.250.1.213.1.1.9.8&ISO^{XdsCodes.OrderReference}"],
            SlotValues(entry, "urn:ihe:iti:xds:2013:referenceIdList"));
        Assert.All(SlotValues(entry, "urn:ihe:iti:xds:2013:referenceIdList"), v => Assert.Contains(v[(v.LastIndexOf('^') + 1)..], officialTypes));
    }

    private static List<string> SlotValues(XElement element, string name) =>
        element.Elements().Where(e => e.Name.LocalName == "Slot" && (string?)e.Attribute("name") == name)
            .SelectMany(s => s.Descendants().Where(v => v.Name.LocalName == "Value")).Select(v => v.Value).ToList();
}
