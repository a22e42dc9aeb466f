using System.Text;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Engine;
using SglReference.Hl7v2.Codec;
using SglReference.Testing;

namespace SglReference.Engine.Tests;

/// <summary>Which version goes to which recipient group is decided once, by the delivery plan, for every channel.</summary>
public sealed class DeliveryVersionTests
{
    // biochemistry carries an interpretation comment, which the lab reserves to professionals by default.
    private const string ProfessionalOnly = "Insuffisance rénale légère (stade 2)";

    private static LabReport Masked() => Repo.Load("biochemistry") with
    {
        Delivery = DeliveryOptions.Default with { MaskedToProfessionals = true },
    };

    private static (bool Dmp, bool Ps, bool Patient) Destinations(Hl7Message oru)
    {
        string Flag(string code) => oru.All("OBX").Single(o => o.Value(3) == code).Value(5);
        return (Flag("DESTDMP") == "Y", Flag("DESTMSSANTEPS") == "Y", Flag("DESTMSSANTEPAT") == "Y");
    }

    private static byte[] CarriedCda(Hl7Message oru) => Convert.FromBase64String(oru.All("OBX").First(o => o.Value(2) == "ED").Value(5, 5));

    [Fact]
    public void A_patient_only_oru_of_a_report_masked_to_professionals_carries_the_patient_version()
    {
        var package = RenderCache.Render(Masked());
        var orus = package.Artifacts.Where(a => a.Kind == ArtifactKinds.Hl7v2Oru).ToList();
        Assert.Equal(2, orus.Count); // matrix case 3: the DMP publication and the patient mail travel apart
        var patientN3 = package.Documents.Get(Channels.DocumentKind.CdaN3, Audience.Patient).Content.ToArray();
        var professionalN3 = package.Documents.Get(Channels.DocumentKind.CdaN3, Audience.Professional).Content.ToArray();

        var patientOnly = orus.Select(a => Hl7Parser.Parse(a.Content.Span)).Single(m => Destinations(m) == (false, false, true));
        Assert.Equal(patientN3, CarriedCda(patientOnly));
        Assert.DoesNotContain(ProfessionalOnly, Encoding.UTF8.GetString(CarriedCda(patientOnly)), StringComparison.Ordinal);

        var dmp = orus.Select(a => Hl7Parser.Parse(a.Content.Span)).Single(m => Destinations(m) == (true, false, false));
        Assert.Equal(professionalN3, CarriedCda(dmp));
    }

    [Fact]
    public void Each_mail_carries_the_version_of_its_recipient_group()
    {
        var package = RenderCache.Package("biochemistry");
        var mails = package.Messages.Where(m => m.Channel == "mss").ToList();
        Assert.Equal(Audience.Professional, mails.Single(m => m.Destination == "professionals").Audience);
        Assert.Equal(Audience.Patient, mails.Single(m => m.Destination == "patient").Audience);
        Assert.All(mails, m => Assert.Equal(package.Documents.Get(Channels.DocumentKind.CdaN3, m.Audience).Identity, m.Document));
    }

    [Fact]
    public void The_plan_names_the_version_of_every_message()
    {
        var plan = RenderCache.Render(Masked()).Plan;
        Assert.Equal(Audience.Professional, plan.VersionFor(plan.Messages[0]));
        Assert.Equal(Audience.Patient, plan.VersionFor(plan.Messages[1]));
        var single = Domain.Delivery.DeliveryPlanner.Plan(Masked(), [Audience.All]);
        Assert.All(single.Messages, m => Assert.Equal(Audience.All, single.VersionFor(m)));
    }
}
