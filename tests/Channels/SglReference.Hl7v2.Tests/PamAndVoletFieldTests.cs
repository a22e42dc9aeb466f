using SglReference.Domain;
using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;
using SglReference.Engine;
using SglReference.Hl7v2.Codec;
using SglReference.Testing;

namespace SglReference.Hl7v2.Tests;

/// <summary>
/// ORU fields the volet trans-cda-r2 delegates to IHE PAM France 2.11 (PID-18, PID-32) or leaves to HL7 v2.5 (OBR-25),
/// the routing flags of an identity without qualified INS, and what a deletion carries.
/// </summary>
public sealed class PamAndVoletFieldTests
{
    private static readonly Hl7Message Init = RenderedOru.Official(RenderedOru.SegurInit);

    private static Dictionary<string, string> Flags(Hl7Message message) =>
        message.All("OBX").Where(o => o.Value(3, 3) == "MetaDMPMSS" && o.Value(2) == "CE").ToDictionary(o => o.Value(3), o => o.Value(5));

    [Fact]
    public void Without_a_qualified_ins_the_oru_never_asks_for_a_patient_mail_it_gives_no_address_for()
    {
        // regles-gestion-mssante: the only combination that mails professionals and not the patient is
        // MASQUE_PS N, INVISIBLE_PATIENT Y, INVISIBLE_REP_LEGAUX N, CONNEXION_SECRETE N|Y, DESTMSSANTEPS Y,
        // DESTMSSANTEPAT N; without a qualified INS there is no patient mailbox and no DMP (DESTDMP N).
        var message = RenderedOru.Single("unqualified-ins");
        var flags = Flags(message);
        Assert.Equal(("N", "Y", "N", "N", "Y", "N"), (flags["MASQUE_PS"], flags["INVISIBLE_PATIENT"], flags["INVISIBLE_REP_LEGAUX"], flags["DESTDMP"], flags["DESTMSSANTEPS"], flags["DESTMSSANTEPAT"]));
        var recipients = message.All("PRT").Where(p => p.Value(4) == "RCT").ToList();
        Assert.NotEmpty(recipients);
        Assert.DoesNotContain(recipients, p => p.Value(5, 13) == "INS" || p.Value(15, 4).EndsWith("@patient.mssante.fr", StringComparison.Ordinal));
    }

    [Fact]
    public void Pid_32_follows_pam_fr_2_11_for_each_identity_status()
    {
        // IHE PAM France 2.11.2 §6.6.1: "le matricule INS est renseigné dans le message uniquement si l'identité du
        // patient a été qualifiée ..., ce qui se traduit par PID.32 = VALI"; §6.6.15 table 0445: PROV Provisoire,
        // VALI Validé; §4.4.4: an identity brought back from qualifiée to récupérée is sent with "le nouvel état de
        // l'identité (Provisoire)". The official ORU (qualified, INS in PID-3) says VALI.
        Assert.Equal("VALI", Init.First("PID")!.Value(32));
        var report = Repo.Load("thyroid");
        foreach (var (status, expected, withIns) in new[]
        {
            (IdentityStatus.Qualified, "VALI", true),
            (IdentityStatus.Validated, "VALI", false),
            (IdentityStatus.Recovered, "PROV", false),
            (IdentityStatus.Provisional, "PROV", false),
        })
        {
            var variant = report with { Patient = report.Patient with { IdentityStatus = status } };
            var pid = RenderedOru.Parse(Assert.Single(RenderedOru.Render(variant), a => a.Kind == ArtifactKinds.Hl7v2Oru)).First("PID")!;
            Assert.Equal(expected, pid.Value(32));
            Assert.Equal(withIns, pid[3].Repetitions.Any(r => r.Components.Count > 4 && r.Components[4].Subcomponents[0] == "INS"));
        }
    }

    [Fact]
    public void Pid_18_of_a_hospital_stay_is_the_hospital_s_nda_not_the_lab_order_number()
    {
        // The official ORU: PID-18 405660^^^AUT-AFFECTATION&...^AN (the NDA) and PV1-19 000897406^^^...^VN (the visit):
        // two identifiers of the hospital. PAM-FR 2.11 §6.6.9: PID-18 is the NDA the establishment bills the stay under.
        var pidE = Init.First("PID")!;
        Assert.Equal("AN", pidE.Value(18, 5));
        Assert.NotEqual(pidE.Value(18), Init.First("PV1")!.Value(19));

        var report = Repo.Load("hospital-stay");
        var message = RenderedOru.Single("hospital-stay");
        var pid = message.First("PID")!;
        Assert.Equal(("N26110088", "1.2.250.1.213.1.1.9.7", "AN"), (pid.Value(18), pid.Value(18, 4, 2), pid.Value(18, 5)));
        Assert.NotEqual(report.Request.OrderNumber, pid.Value(18));
        Assert.Equal(("V26110042", "VN"), (message.First("PV1")!.Value(19), message.First("PV1")!.Value(19, 5)));

        // A stay without its NDA: PID-18 is RE ("renseigné si connu"), so empty rather than the lab's number.
        var withoutNda = report with { Stay = report.Stay! with { AccountNumber = null } };
        var empty = RenderedOru.Parse(Assert.Single(RenderedOru.Render(withoutNda), a => a.Kind == ArtifactKinds.Hl7v2Oru)).First("PID")!;
        Assert.Equal(string.Empty, empty.Value(18));

        // A city lab: its own file number, as before.
        var city = Repo.Load("thyroid");
        Assert.Equal((city.Request.OrderNumber, "AN"), (RenderedOru.Single("thyroid").First("PID")!.Value(18), RenderedOru.Single("thyroid").First("PID")!.Value(18, 5)));
    }

    [Fact]
    public void A_partial_report_says_so_in_obr_25()
    {
        // HL7 v2.5 table 0123: A "Some, but not all, results available", F "Final results". The official messages
        // (initial, replacement, deletion) are final reports: F.
        foreach (var official in new[] { RenderedOru.SegurInit, RenderedOru.Replacement, RenderedOru.Deletion })
        {
            Assert.Equal("F", RenderedOru.Official(official).First("OBR")!.Value(25));
        }

        var partial = Repo.Load("thyroid") with { Status = ReportStatus.Partial };
        var obr = RenderedOru.Parse(Assert.Single(RenderedOru.Render(partial), a => a.Kind == ArtifactKinds.Hl7v2Oru)).First("OBR")!;
        Assert.Equal("A", obr.Value(25));
        Assert.Equal("F", RenderedOru.Single("thyroid").First("OBR")!.Value(25));
        Assert.Equal("F", RenderedOru.Single("correction").First("OBR")!.Value(25));
    }

    [Fact]
    public void A_deletion_carries_no_announcement_body_so_the_pfi_writes_its_deletion_body()
    {
        // profils-messages, Corps du mail: "A défaut, dans le cadre d'une suppression ou d'un remplacement de document,
        // le GESTIONNAIRE renseigne un corps de mail par défaut" — the report's bodies announce the document.
        var report = Repo.Load("thyroid") with { Delivery = DeliveryOptions.Default with { MailBodyProfessional = "Veuillez trouver ci-joint le CR.", MailBodyPatient = "Vos résultats sont joints." } };
        var published = RenderCache.Render(report);
        Assert.Contains(RenderedOru.Parse(Assert.Single(published.Artifacts, a => a.Kind == ArtifactKinds.Hl7v2Oru)).All("OBX"), o => o.Value(3) == "CORPSMAIL_PS");
        var withdrawn = RenderedOru.Render(report, action: RenderAction.Withdraw, previous: published.Issued);
        var deletion = RenderedOru.Parse(Assert.Single(withdrawn, a => a.Kind == ArtifactKinds.Hl7v2Oru));
        Assert.Equal("CA", deletion.First("ORC")!.Value(1));
        Assert.DoesNotContain(deletion.All("OBX"), o => o.Value(3) is "CORPSMAIL_PS" or "CORPSMAIL_PATIENT");
    }
}
