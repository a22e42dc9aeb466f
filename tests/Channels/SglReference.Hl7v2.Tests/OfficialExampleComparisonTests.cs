using SglReference.Domain;
using SglReference.Hl7v2.Codec;
using SglReference.Engine;
using SglReference.Hosting;
using SglReference.Testing;

namespace SglReference.Hl7v2.Tests;

/// <summary>
/// Every fixture's ORU compared with the official ANS examples (../shared/hl7v2-examples, from ansforge/hl7V2-exemples):
/// the same segment sequence, and the same value wherever the volet trans-cda-r2 fixes one.
/// </summary>
public sealed class OfficialExampleComparisonTests
{
    public static TheoryData<string> Fixtures
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Repo.FixtureNames)
            {
                data.Add(name);
            }

            return data;
        }
    }

    private static readonly Hl7Message Init = RenderedOru.Official(RenderedOru.SegurInit);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Segment_sequence_matches_the_official_segur_message(string fixture)
    {
        foreach (var artifact in RenderedOru.Messages(fixture))
        {
            var ours = RenderedOru.Parse(artifact);
            // The official message mails (PRT RCT present) and carries a CORPSMAIL_PS; compare the shape up to it, with
            // runs of PRT collapsed (their count is the number of recipients) and NTE FIN left aside.
            Assert.Equal(Shape(Init, dropMailBodies: true), Shape(ours, dropMailBodies: true));
            Assert.Equal(MetadataCodes(Init).Where(c => !c.StartsWith("CORPSMAIL", StringComparison.Ordinal)), MetadataCodes(ours));
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixed_values_match_the_official_segur_message(string fixture)
    {
        foreach (var artifact in RenderedOru.Messages(fixture))
        {
            var ours = RenderedOru.Parse(artifact);
            var (mshO, mshE) = (ours.Header, Init.Header);
            Assert.Equal(Init.Delimiters, ours.Delimiters);
            foreach (var (field, component) in new[] { (9, 1), (9, 2), (9, 3), (12, 1), (17, 1), (18, 1), (21, 1), (21, 2) })
            {
                Assert.Equal(mshE.Value(field, component), mshO.Value(field, component));
            }

            // Initial sends compare with the official initial message, corrections with the official replacement.
            var byAction = ours.First("ORC")!.Value(1) == "RO" ? RenderedOru.Official(RenderedOru.Replacement) : Init;
            Assert.Equal(byAction.First("ORC")!.Value(1), ours.First("ORC")!.Value(1));
            Assert.Equal(byAction.All("OBX").First().Value(11), ours.All("OBX").First().Value(11));
            var obrE = Init.First("OBR")!;
            var obrO = ours.First("OBR")!;
            for (var c = 1; c <= 3; c++)
            {
                Assert.Equal(obrE.Value(4, c), obrO.Value(4, c));
            }

            Assert.Equal(obrE.Value(25), obrO.Value(25));

            var docE = Init.All("OBX").First();
            var docO = ours.All("OBX").First();
            foreach (var (field, component) in new[] { (2, 1), (3, 1), (3, 2), (3, 3), (5, 2), (5, 3), (5, 4) })
            {
                Assert.Equal(docE.Value(field, component), docO.Value(field, component));
            }

            var metaE = Init.All("OBX").Skip(1).Where(o => o.Value(2) == "CE").ToList();
            var metaO = ours.All("OBX").Skip(1).Where(o => o.Value(2) == "CE").ToList();
            Assert.Equal(10, metaO.Count);
            for (var i = 0; i < metaE.Count; i++)
            {
                foreach (var (field, component) in new[] { (2, 1), (3, 1), (3, 2), (3, 3), (5, 3), (11, 1) })
                {
                    Assert.Equal(metaE[i].Value(field, component), metaO[i].Value(field, component));
                }

                Assert.Contains(metaO[i].Value(5, 1), new[] { "Y", "N" });
                Assert.Equal(i + 2, int.Parse(metaO[i].Value(1), System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Participants_are_coded_like_the_official_message(string fixture)
    {
        var prtE = Init.All("PRT").ToList();
        var senderE = prtE.Single(p => p.Value(4) == "SB");
        var patientE = prtE.Single(p => p.Value(4) == "RCT" && p.Value(5, 13) == "INS");
        var professionalE = prtE.First(p => p.Value(4) == "RCT" && p.Value(5, 13) == "IDNPS");
        foreach (var artifact in RenderedOru.Messages(fixture))
        {
            var ours = RenderedOru.Parse(artifact);
            var prt = ours.All("PRT").ToList();
            var sender = Assert.Single(prt, p => p.Value(4) == "SB");
            foreach (var (field, component, sub) in new[] { (2, 1, 1), (4, 3, 1), (5, 9, 2), (5, 9, 3), (5, 10, 1), (5, 13, 1), (8, 6, 2), (8, 6, 3), (8, 7, 1) })
            {
                Assert.Equal(senderE.Value(field, component, sub), sender.Value(field, component, sub));
            }

            // The lab: 1 + its FINESS géographique, as in the official example (1120459876).
            Assert.Matches("^1[0-9]{8}[0-9A-B]?$", sender.Value(8, 10));
            foreach (var recipient in prt.Where(p => p.Value(4) == "RCT"))
            {
                var expected = recipient.Value(5, 13) == "INS" ? patientE : professionalE;
                foreach (var (field, component) in new[] { (2, 1), (4, 3), (5, 10), (5, 13), (15, 3) })
                {
                    Assert.Equal(expected.Value(field, component), recipient.Value(field, component));
                }

                if (recipient.Value(5, 13) == "INS")
                {
                    Assert.Equal(recipient.Value(5, 1) + "@patient.mssante.fr", recipient.Value(15, 4));
                }
                else
                {
                    Assert.Equal(expected.Value(5, 9, 2), recipient.Value(5, 9, 2));
                    Assert.EndsWith("mssante.fr", recipient.Value(15, 4), StringComparison.Ordinal);
                }
            }

            if (prt.Any(p => p.Value(4) == "RCT"))
            {
                var reply = Assert.Single(prt, p => p.Value(4) == "REPLY");
                Assert.Equal(prtE.Single(p => p.Value(4) == "REPLY").Value(15, 3), reply.Value(15, 3));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Patient_segment_follows_the_official_ins_form_only_for_a_qualified_identity(string fixture)
    {
        var report = Repo.Load(fixture);
        var pidE = Init.First("PID")!;
        var insE = pidE[3].Repetitions[0];
        foreach (var artifact in RenderedOru.Messages(fixture))
        {
            var pid = RenderedOru.Parse(artifact).First("PID")!;
            var ids = pid[3].Repetitions;
            Assert.Equal(report.Patient.Ipp.Value, ids[0].Components[0].Subcomponents[0]);
            Assert.Equal("PI", ids[0].Components[4].Subcomponents[0]);
            Assert.Equal("L", pid.Value(5, 7));
            Assert.Equal(report.Patient.BirthName, pid.Value(5, 1));
            if (report.Patient.QualifiedIns is { } ins)
            {
                var insO = Assert.Single(ids, r => r.Components.Count > 4 && r.Components[4].Subcomponents[0] == "INS");
                Assert.Equal(ins.Matricule, insO.Components[0].Subcomponents[0]);
                Assert.Equal(insE.Components[3].Subcomponents[0], insO.Components[3].Subcomponents[0]); // ASIP-SANTE-INS-NIR
                Assert.Equal(ins.Oid, insO.Components[3].Subcomponents[1]);
                Assert.Equal(insE.Components[3].Subcomponents[2], insO.Components[3].Subcomponents[2]); // ISO
                Assert.Equal(pidE.Value(32), pid.Value(32)); // VALI
            }
            else
            {
                Assert.Single(ids);
                Assert.DoesNotContain("1.2.250.1.213.1.4.", System.Text.Encoding.UTF8.GetString(artifact.Content.Span), StringComparison.Ordinal);
                Assert.NotEqual("VALI", pid.Value(32));
            }

            if (report.Patient.BirthPlaceCode is { } insee)
            {
                var birthPlace = Assert.Single(pid[11].Repetitions, r => r.Components.Count > 6 && r.Components[6].Subcomponents[0] == "BDL");
                Assert.Equal(insee, birthPlace.Components[8].Subcomponents[0]);
            }
        }
    }

    [Fact]
    public void Hospital_stay_gives_the_official_visit_form()
    {
        var pv1E = Init.First("PV1")!;
        var pv1 = RenderedOru.Single("hospital-stay").First("PV1")!;
        Assert.Equal(pv1E.Value(2), pv1.Value(2)); // I
        Assert.Equal("UF4210", pv1.Value(3));
        Assert.Equal("V26110042", pv1.Value(19));
        Assert.Equal(pv1E.Value(19, 5), pv1.Value(19, 5)); // VN
        Assert.Equal("20261122015500+0100", pv1.Value(44));
        Assert.Equal("N", RenderedOru.Single("thyroid").First("PV1")!.Value(2));
    }

    [Fact]
    public void A_correction_is_a_replacement_like_the_official_rplc_message()
    {
        var official = RenderedOru.Official(RenderedOru.Replacement);
        var ours = RenderedOru.Single("correction");
        Assert.Equal("RO", official.First("ORC")!.Value(1));
        Assert.Equal(official.First("ORC")!.Value(1), ours.First("ORC")!.Value(1));
        Assert.Equal(official.All("OBX").First().Value(11), ours.All("OBX").First().Value(11)); // C
        Assert.All(ours.All("OBX").Skip(1), o => Assert.Equal("F", o.Value(11)));
        // The CDA it carries replaces the previous version: relatedDocument RPLC.
        var cda = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(ours.All("OBX").First().Value(5, 5)));
        Assert.Contains("typeCode=\"RPLC\"", cda, StringComparison.Ordinal);
    }

    [Fact]
    public void A_withdrawal_is_a_deletion_like_the_official_del_message_and_carries_the_last_version()
    {
        var official = RenderedOru.Official(RenderedOru.Deletion);
        var report = Repo.Load("biochemistry");
        var published = RenderCache.Render(report);
        var withdrawn = RenderedOru.Render(report, action: RenderAction.Withdraw, previous: published.Issued);
        var ours = RenderedOru.Parse(Assert.Single(withdrawn, a => a.Kind == ArtifactKinds.Hl7v2Oru));
        Assert.Equal(official.First("ORC")!.Value(1), ours.First("ORC")!.Value(1)); // CA
        Assert.Equal(official.All("OBX").First().Value(11), ours.All("OBX").First().Value(11)); // D
        var n3 = published.Artifacts.Single(a => a.Kind == ArtifactKinds.CdaN3 && a.Audience == Domain.Documents.Audience.Professional);
        Assert.Equal(Convert.ToBase64String(n3.Content.Span), ours.All("OBX").First().Value(5, 5));
    }

    [Fact]
    public void A_mail_body_is_carried_like_the_official_corpsmail()
    {
        var report = Repo.Load("thyroid") with { Delivery = DeliveryOptions.Default with { MailBodyProfessional = "Chère consœur,\nvoici le CR | avec ^ & ~ \\." } };
        var ours = RenderedOru.Parse(Assert.Single(RenderedOru.Render(report), a => a.Kind == ArtifactKinds.Hl7v2Oru));
        Assert.Equal(Shape(Init, dropMailBodies: false), Shape(ours, dropMailBodies: false));
        var bodyE = Init.All("OBX").Last();
        var bodyO = ours.All("OBX").Last();
        foreach (var (field, component) in new[] { (2, 1), (3, 1), (3, 2), (3, 3), (5, 2), (5, 4), (11, 1) })
        {
            Assert.Equal(bodyE.Value(field, component), bodyO.Value(field, component));
        }

        Assert.Equal("Chère consœur,\nvoici le CR | avec ^ & ~ \\.", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(bodyO.Value(5, 5))));
    }

    private static List<string> Shape(Hl7Message message, bool dropMailBodies)
    {
        var names = new List<string>();
        foreach (var segment in message.Segments)
        {
            if (segment.Name == "NTE" || (dropMailBodies && segment.Name == "OBX" && segment.Value(3).StartsWith("CORPSMAIL", StringComparison.Ordinal)))
            {
                continue;
            }

            var name = segment.Name == "OBX" ? "OBX-" + segment.Value(2) : segment.Name;
            if (names.Count == 0 || names[^1] != name || name == "OBX-ED")
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static List<string> MetadataCodes(Hl7Message message) =>
        message.All("OBX").Where(o => o.Value(3, 3) == "MetaDMPMSS").Select(o => o.Value(3)).ToList();
}
