using SglReference.Domain.Delivery;
using SglReference.Testing;

namespace SglReference.Domain.Tests;

/// <summary>The routing rules: who receives a document, for each of the report's per-document choices.</summary>
public sealed class DeliveryPlannerTests
{
    [Fact]
    public void Default_is_dmp_and_every_known_mailbox_each_address_once()
    {
        var report = Repo.Load("special-characters");
        var plan = DeliveryPlanner.Plan(report);
        var flags = Assert.Single(plan.Messages);
        Assert.True(flags is { DestDmp: true, DestMssPs: true, DestMssPatient: true });
        Assert.Null(plan.Violation);
        var addresses = plan.Recipients.Select(r => r.Address).ToList();
        Assert.Equal(addresses.Count, addresses.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(RecipientKind.AttendingPhysician, plan.Professionals[0].Kind);
        Assert.Equal(report.Patient.QualifiedIns!.Matricule + "@patient.mssante.fr", plan.Patient!.Address);
    }

    [Fact]
    public void A_prescriber_who_is_also_the_attending_physician_is_mailed_once()
    {
        var report = Repo.Load("thyroid");
        var same = report with { Prescriber = report.AttendingPhysician! with { MssanteAddress = report.AttendingPhysician!.MssanteAddress!.ToUpperInvariant() } };
        var plan = DeliveryPlanner.Plan(same);
        var mailed = Assert.Single(plan.Professionals, r => string.Equals(r.Address, report.AttendingPhysician.MssanteAddress, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(RecipientKind.AttendingPhysician, mailed.Kind);
    }

    [Fact]
    public void Blocking_the_dmp_is_per_document_and_keeps_the_mails()
    {
        var report = Repo.Load("thyroid") with { Delivery = DeliveryOptions.Default with { BlockDmp = true } };
        var plan = DeliveryPlanner.Plan(report);
        var flags = Assert.Single(plan.Messages);
        Assert.False(flags.DestDmp);
        Assert.True(flags.DestMssPs && flags.DestMssPatient);
        Assert.Contains("DMP: blocked for this document", plan.Notes);
    }

    [Fact]
    public void Unqualified_identity_has_no_dmp_and_no_patient_mailbox()
    {
        var plan = DeliveryPlanner.Plan(Repo.Load("unqualified-ins"));
        Assert.False(plan.Messages[0].DestDmp);
        Assert.Null(plan.Patient);
        Assert.DoesNotContain(plan.Recipients, r => r.Kind == RecipientKind.Patient);
        Assert.Contains(plan.Notes, n => n.Contains("qualified INS", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_qualified_ins_the_professionals_mail_takes_matrix_case_2_and_asks_no_patient_mail()
    {
        // regles-gestion-mssante (HL7 volet trans-cda-r2), the only row that mails professionals without the patient:
        // MASQUE_PS N, INVISIBLE_PATIENT Y, INVISIBLE_REP_LEGAUX N, DESTMSSANTEPS Y, DESTMSSANTEPAT N (DESTDMP N or Y).
        var plan = DeliveryPlanner.Plan(Repo.Load("unqualified-ins"));
        var flags = Assert.Single(plan.Messages);
        Assert.Equal((false, true, false, false, true, false), (flags.MasquePs, flags.InvisiblePatient, flags.InvisibleRepLegaux, flags.DestDmp, flags.DestMssPs, flags.DestMssPatient));
        Assert.Null(MssRoutingMatrix.Check(flags));
        Assert.Null(plan.Violation);
        Assert.Contains(plan.Notes, n => n.Contains("routing matrix case 2", StringComparison.Ordinal));

        // No professional either: nothing is mailed, and nothing asks for a patient mail.
        var report = Repo.Load("unqualified-ins");
        var alone = DeliveryPlanner.Plan(report with { Prescriber = null, AttendingPhysician = null });
        Assert.False(Assert.Single(alone.Messages).MssExchange);

        // Opting the patient out changes nothing without a mailbox: still case 2, no violation.
        Assert.Null(DeliveryPlanner.Plan(report with { Delivery = report.Delivery with { SendToPatient = false } }).Violation);
    }

    [Fact]
    public void Announcement_consultation_hides_from_the_patient_and_mails_professionals_only()
    {
        var plan = DeliveryPlanner.Plan(Repo.Load("serology"));
        var flags = Assert.Single(plan.Messages);
        Assert.True(flags is { InvisiblePatient: true, DestMssPs: true, DestMssPatient: false });
        Assert.Null(plan.Patient);
        Assert.Null(MssRoutingMatrix.Check(flags));
    }

    [Fact]
    public void Masked_to_professionals_mails_the_patient_alone_apart_from_the_dmp()
    {
        var report = Repo.Load("thyroid") with { Delivery = DeliveryOptions.Default with { MaskedToProfessionals = true } };
        var plan = DeliveryPlanner.Plan(report);
        Assert.Equal(2, plan.Messages.Count);
        Assert.True(plan.Messages[0] is { DestDmp: true, DestMssPs: false, DestMssPatient: false });
        Assert.True(plan.Messages[1] is { DestDmp: false, DestMssPs: false, DestMssPatient: true });
        Assert.Empty(plan.Professionals);
        Assert.NotNull(plan.Patient);
        Assert.All(plan.Messages, m => Assert.Null(MssRoutingMatrix.Check(m)));
    }

    [Fact]
    public void Connexion_secrete_without_professionals_leaves_the_patient_unmailed()
    {
        var report = Repo.Load("thyroid") with { Delivery = DeliveryOptions.Default with { MaskedToProfessionals = true, SecretConnection = true } };
        var plan = DeliveryPlanner.Plan(report);
        var flags = Assert.Single(plan.Messages);
        Assert.False(flags.MssExchange);
        Assert.Null(plan.Patient);
        Assert.Contains(plan.Notes, n => n.Contains("case 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Opting_out_the_patient_of_a_visible_document_is_a_violation()
    {
        var report = Repo.Load("thyroid") with { Delivery = DeliveryOptions.Default with { SendToPatient = false } };
        var violation = DeliveryPlanner.Plan(report).Violation;
        Assert.NotNull(violation);
        Assert.Equal("SGL-MSS-ROUTING", violation.Value.Code);
    }
}
