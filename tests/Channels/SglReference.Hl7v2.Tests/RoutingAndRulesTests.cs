using SglReference.Domain;
using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;
using SglReference.Domain.Validation;
using SglReference.Hl7v2.Codec;
using SglReference.Hl7v2.Oru;
using SglReference.Engine;
using SglReference.Hosting;
using SglReference.Testing;

namespace SglReference.Hl7v2.Tests;

/// <summary>The metadata the ORU carries for each routing case, and the combinations the volet forbids.</summary>
public sealed class RoutingAndRulesTests
{
    private static Dictionary<string, string> Flags(Hl7Message message) =>
        message.All("OBX").Where(o => o.Value(3, 3) == "MetaDMPMSS" && o.Value(2) == "CE").ToDictionary(o => o.Value(3), o => o.Value(5));

    private static List<string> Recipients(Hl7Message message) =>
        message.All("PRT").Where(p => p.Value(4) == "RCT").Select(p => p.Value(15, 4)).ToList();

    [Fact]
    public void Default_choices_publish_to_the_dmp_and_mail_professionals_and_patient()
    {
        var message = RenderedOru.Single("biochemistry");
        var flags = Flags(message);
        Assert.Equal("Y", flags["DESTDMP"]);
        Assert.Equal("Y", flags["DESTMSSANTEPS"]);
        Assert.Equal("Y", flags["DESTMSSANTEPAT"]);
        Assert.Equal("N", flags["MASQUE_PS"]);
        Assert.Equal("N", flags["INVISIBLE_PATIENT"]);
        var report = Repo.Load("biochemistry");
        Assert.Contains(report.Patient.QualifiedIns!.Matricule + "@patient.mssante.fr", Recipients(message));
        Assert.Contains(report.Prescriber!.MssanteAddress, Recipients(message));
    }

    [Fact]
    public void Invisible_to_patient_mails_professionals_only_routing_case_2()
    {
        var message = RenderedOru.Single("serology");
        var flags = Flags(message);
        Assert.Equal(("Y", "Y", "N"), (flags["INVISIBLE_PATIENT"], flags["DESTMSSANTEPS"], flags["DESTMSSANTEPAT"]));
        Assert.DoesNotContain(Recipients(message), r => r.EndsWith("@patient.mssante.fr", StringComparison.Ordinal));
        Assert.NotEmpty(Recipients(message));
    }

    [Fact]
    public void Unqualified_identity_is_never_published_to_the_dmp_and_has_no_patient_mailbox()
    {
        var message = RenderedOru.Single("unqualified-ins");
        Assert.Equal("N", Flags(message)["DESTDMP"]);
        Assert.DoesNotContain(Recipients(message), r => r.EndsWith("@patient.mssante.fr", StringComparison.Ordinal));
        Assert.DoesNotContain(message.All("PRT"), p => p.Value(5, 13) == "INS");
    }

    [Fact]
    public void Hidden_from_legal_representatives_in_connexion_secrete_is_not_mailed_at_all()
    {
        // Matrix cases 1 and 2 need INVISIBLE_REP_LEGAUX N; case 3 (patient only) needs CONNEXION_SECRETE N.
        var message = RenderedOru.Single("minor");
        var flags = Flags(message);
        Assert.Equal(("Y", "Y", "Y"), (flags["INVISIBLE_REP_LEGAUX"], flags["CONNEXION_SECRETE"], flags["DESTDMP"]));
        Assert.Equal(("N", "N"), (flags["DESTMSSANTEPS"], flags["DESTMSSANTEPAT"]));
        Assert.Empty(Recipients(message));
        Assert.DoesNotContain(message.All("PRT"), p => p.Value(4) == "REPLY");
    }

    [Fact]
    public void Masked_to_professionals_sends_the_dmp_publication_and_the_patient_mail_in_two_messages()
    {
        var report = Repo.Load("thyroid") with { Delivery = DeliveryOptions.Default with { MaskedToProfessionals = true } };
        var messages = RenderedOru.Render(report).Where(a => a.Kind == ArtifactKinds.Hl7v2Oru).Select(RenderedOru.Parse).ToList();
        Assert.Equal(2, messages.Count);
        var (dmp, mail) = (Flags(messages[0]), Flags(messages[1]));
        Assert.Equal(("Y", "Y", "N", "N"), (dmp["MASQUE_PS"], dmp["DESTDMP"], dmp["DESTMSSANTEPS"], dmp["DESTMSSANTEPAT"]));
        Assert.Equal(("Y", "N", "N", "Y"), (mail["MASQUE_PS"], mail["DESTDMP"], mail["DESTMSSANTEPS"], mail["DESTMSSANTEPAT"]));
        Assert.Empty(Recipients(messages[0]));
        Assert.Equal([report.Patient.QualifiedIns!.Matricule + "@patient.mssante.fr"], Recipients(messages[1]));
        Assert.NotEqual(messages[0].ControlId, messages[1].ControlId);
    }

    [Fact]
    public void A_patient_who_may_not_reply_gets_nte_fin_right_after_destmssantepat()
    {
        var report = Repo.Load("thyroid") with { Delivery = DeliveryOptions.Default with { PatientMayNotReply = true, ReadAcknowledgement = true } };
        var message = RenderedOru.Parse(Assert.Single(RenderedOru.Render(report), a => a.Kind == ArtifactKinds.Hl7v2Oru));
        var segments = message.Segments.ToList();
        var index = segments.FindIndex(s => s.Name == "OBX" && s.Value(3) == "DESTMSSANTEPAT");
        Assert.Equal("NTE", segments[index + 1].Name);
        Assert.Equal("FIN", segments[index + 1].Value(4));
        Assert.Single(message.All("NTE"));
        Assert.Equal("Y", Flags(message)["ACK_LECTURE_MSS"]);
    }

    [Fact]
    public void Opting_a_visible_document_out_of_the_patient_mail_is_refused_with_the_matrix_rule()
    {
        var report = Repo.Load("thyroid") with { Delivery = DeliveryOptions.Default with { SendToPatient = false } };
        var errors = ReportValidator.Validate(report);
        var error = Assert.Single(errors);
        Assert.Equal(("delivery", ErrorCodes.MssRouting), (error.Path, error.Code));
        Assert.Contains("case 2", error.Message, StringComparison.Ordinal);
        var refused = Assert.Throws<RenderException>(() => RenderedOru.Render(report));
        Assert.Equal(ErrorCodes.MssRouting, Assert.Single(refused.Errors).Code);
    }

    /// <summary>Every combination the volet's MSSanté matrix lists, as its table reads (regles-gestion-mssante, 2026-04-21).</summary>
    private static bool AllowedByTheTable(MetaDmpMssFlags f)
    {
        static bool Any(bool _) => true;
        bool Row(Func<bool, bool> masque, Func<bool, bool> invisible, Func<bool, bool> repLegaux, Func<bool, bool> secret, Func<bool, bool> dmp, bool ps, bool pat) =>
            masque(f.MasquePs) && invisible(f.InvisiblePatient) && repLegaux(f.InvisibleRepLegaux) && secret(f.ConnexionSecrete) && dmp(f.DestDmp) && f.DestMssPs == ps && f.DestMssPatient == pat;
        static bool No(bool v) => !v;
        static bool Yes(bool v) => v;
        return Row(No, No, No, Any, Any, true, true)
            || Row(No, Yes, No, Any, Any, true, false)
            || Row(Any, No, Any, No, No, false, true);
    }

    [Fact]
    public void The_matrix_check_agrees_with_the_volet_table_on_all_1024_combinations()
    {
        for (var bits = 0; bits < 1024; bits++)
        {
            bool B(int i) => (bits & (1 << i)) != 0;
            var flags = new MetaDmpMssFlags(B(0), B(1), B(2), B(3), B(4), B(5), B(6), B(7), B(8), B(9));
            var expected = !flags.MssExchange || AllowedByTheTable(flags);
            Assert.True(expected == MssRoutingMatrix.Check(flags) is null, $"combination {bits}: table says {(expected ? "allowed" : "forbidden")}");
        }
    }

    public static TheoryData<MetaDmpMssFlags, string> Forbidden => new()
    {
        { new(false, false, false, true, false, false, false, true, false, false), "case 3" },
        { new(false, false, false, false, false, true, false, true, false, false), "case 3" },
        { new(true, false, false, false, false, true, true, true, false, false), "case 1" },
        { new(false, false, true, false, false, true, true, false, false, false), "case 2" },
        { new(false, false, false, false, false, true, true, false, false, false), "case 2" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void The_builder_refuses_forbidden_combinations_naming_the_rule(MetaDmpMssFlags flags, string rule)
    {
        var request = Request("thyroid", flags);
        var ex = Assert.Throws<OruRuleException>(() => CrBioOruBuilder.Build(request, Hl7Options.Default));
        Assert.Equal(ErrorCodes.MssRouting, ex.Code);
        Assert.Contains(rule, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_builder_refuses_a_dmp_publication_without_qualified_ins_and_inconsistent_actions()
    {
        var dmp = new MetaDmpMssFlags(false, false, false, false, false, true, false, false, false, false);
        Assert.Equal("SGL-HL7-DMP-INS", Assert.Throws<OruRuleException>(() => CrBioOruBuilder.Build(Request("unqualified-ins", dmp), Hl7Options.Default)).Code);
        var initial = Request("thyroid", dmp);
        Assert.Equal("SGL-HL7-ACTION", Assert.Throws<OruRuleException>(() => CrBioOruBuilder.Build(initial with { Action = DocumentAction.Replace }, Hl7Options.Default)).Code);
        Assert.Equal("SGL-HL7-CONTROL-ID", Assert.Throws<OruRuleException>(() => CrBioOruBuilder.Build(initial with { ControlId = "a|b" }, Hl7Options.Default)).Code);
        Assert.Equal("SGL-HL7-CONTROL-ID", Assert.Throws<OruRuleException>(() => CrBioOruBuilder.Build(initial with { ControlId = new string('1', 21) }, Hl7Options.Default)).Code);
        var mailPs = dmp with { DestMssPs = true, InvisiblePatient = true };
        Assert.Equal("SGL-HL7-RECIPIENTS", Assert.Throws<OruRuleException>(() => CrBioOruBuilder.Build(initial with { Flags = mailPs }, Hl7Options.Default)).Code);
    }

    [Fact]
    public void The_n1_travels_in_a_second_document_obx_when_configured()
    {
        var configuration = SglConfiguration.Default with { Hl7 = Hl7Options.Default with { IncludeN1 = true, Charset = Hl7Charset.Latin9 } };
        var artifacts = RenderedOru.Render(Repo.Load("thyroid"), configuration);
        var bytes = Assert.Single(artifacts, a => a.Kind == ArtifactKinds.Hl7v2Oru).Bytes();
        var message = Hl7Parser.Parse(bytes);
        var documents = message.All("OBX").Where(o => o.Value(2) == "ED").ToList();
        Assert.Equal(2, documents.Count);
        var n1 = artifacts.Single(a => a.Kind == ArtifactKinds.CdaN1 && a.Audience == Audience.Professional);
        Assert.Equal(n1.Bytes(), Convert.FromBase64String(documents[1].Value(5, 5)));
        // PRT follow the first document OBX only, as in the official RPLC/DEL examples.
        var segments = message.Segments.Select(s => s.Name).ToList();
        Assert.Equal("PRT", segments[segments.IndexOf("OBX") + 1]);
        Assert.Equal("8859/15", message.Header.Value(18));
        Assert.Contains((byte)0xE9, bytes); // é of "Masqué" in one byte
    }

    private static OruRequest Request(string fixture, MetaDmpMssFlags flags)
    {
        var report = Repo.Load(fixture);
        var identity = DocumentIdentities.Derive(report, DocumentFormat.N3, Audience.Professional);
        return new OruRequest(report, DocumentAction.Initial, [new OruDocument(DocumentFormat.N3, identity, "<ClinicalDocument/>"u8.ToArray())],
            flags, [], false, "123", FixedTime.Default.GetLocalNow());
    }
}
