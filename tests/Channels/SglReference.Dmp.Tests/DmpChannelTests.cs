using System.Security.Cryptography;
using System.Text;
using SglReference.Dmp.Soap;
using SglReference.Dmp.Vihf;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Engine;
using SglReference.Testing;

namespace SglReference.Dmp.Tests;

/// <summary>What the DMP channel renders (no server): which reports yield a request, for which version, with which codes.</summary>
public sealed class DmpChannelTests(DmpRendering rendering) : IClassFixture<DmpRendering>
{
    /// <summary>The placeholder entryUUID the writer derives from a document id (the sender resolves it with ITI-18).</summary>
    private static string EntryUuid(string documentId) => "urn:uuid:" + DerivedIds.Uuid("entry|" + documentId).ToString("D");

    public static TheoryData<string> QualifiedFixtures => new(Repo.FixtureNames.Where(f => f is not ("unqualified-ins" or "large-300")));

    [Theory]
    [MemberData(nameof(QualifiedFixtures))]
    public void Every_fixture_with_a_qualified_INS_yields_one_ITI41_request_with_the_professional_N3_and_N1_and_the_signature(string fixture)
    {
        var report = Repo.Load(fixture);
        var package = rendering.Render(report);
        var message = Assert.Single(package.Messages, m => m.Channel == DmpChannel.ChannelName);
        Assert.Equal((DmpChannel.ProvideAndRegisterKind, Audience.Professional, "dmp"), (message.Kind, message.Audience, message.Destination));
        Assert.Equal(package.Plan.VersionFor(package.Plan.DmpMessage!), message.Audience);
        var rendered = new Rendered(DmpHttpRequest.Parse(message.Content.Span));
        var professional = package.Documents.Cda(Audience.Professional, includeN1: true);
        Assert.Equal(professional.Select(d => d.Identity.Id), rendered.Documents.Select(Rendered.UniqueId));
        Assert.Equal(["urn:ihe:lab:xd-lab:2008", "urn:ihe:iti:xds-sd:pdf:2008"], rendered.Documents.Select(d => Rendered.Code(d, "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d")!));
        var ins = report.Patient.QualifiedIns!;
        Assert.Equal($"{ins.Matricule}^^^&{ins.Oid}&ISO^NH", rendered.Info.PatientId);
        Assert.All(rendered.Envelope.Descendants(Rendered.Rim + "ExternalIdentifier").Where(e => ((string)e.Attribute("identificationScheme")!).EndsWith("8427", StringComparison.Ordinal) || ((string)e.Attribute("identificationScheme")!).EndsWith("8446", StringComparison.Ordinal)),
            e => Assert.Equal(rendered.Info.PatientId, (string)e.Attribute("value")!));
        // The binary parts are the documents, byte for byte; no hash/size or « action » slot (the repository computes them).
        foreach (var (entryId, uniqueId, content) in rendered.Info.Documents)
        {
            Assert.Equal(professional.Single(d => d.Identity.Id == uniqueId).Content.ToArray(), content.ToArray());
        }

        Assert.DoesNotContain(rendered.Envelope.Descendants(Rendered.Rim + "Slot"), s => (string?)s.Attribute("name") is "hash" or "size" or "action" or Xds.XdsWriterOptions.DefaultActionSlot);
    }

    [Fact]
    public void An_unqualified_identity_or_a_blocked_document_yields_no_DMP_message_and_the_channel_says_why()
    {
        var unqualified = rendering.Render(Repo.Load("unqualified-ins"));
        Assert.DoesNotContain(unqualified.Messages, m => m.Channel == DmpChannel.ChannelName);
        Assert.Equal("DMP: not fed, the identity is not qualified", unqualified.Channels.Single(c => c.Channel == "dmp").Reason);

        var blocked = rendering.Render(Repo.Load("thyroid") with { Delivery = DeliveryOptions.Default with { BlockDmp = true } });
        Assert.DoesNotContain(blocked.Messages, m => m.Channel == DmpChannel.ChannelName);
        Assert.Equal("DMP: blocked for this document", blocked.Channels.Single(c => c.Channel == "dmp").Reason);

        // A lab site without a signature certificate: not planned, with the structure named.
        var elsewhere = Repo.Load("thyroid");
        elsewhere = elsewhere with { Laboratory = elsewhere.Laboratory with { FinessGeographique = "750000010" } };
        var unknown = rendering.Render(elsewhere);
        Assert.DoesNotContain(unknown.Messages, m => m.Channel == DmpChannel.ChannelName);
        Assert.StartsWith("DMP: no signature certificate for structure 1750000010", unknown.Channels.Single(c => c.Channel == "dmp").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correction_carries_RPLC_from_each_new_entry_to_the_entry_of_the_version_it_replaces()
    {
        var first = rendering.Render(Repo.Load("correction") with { Revision = 1, Status = ReportStatus.Complete, CorrectionReason = null });
        Assert.Empty(Rendered.Of(first).Info.Replacements);
        var correction = rendering.Render(Repo.Load("correction"), previous: first.Issued);
        var rendered = Rendered.Of(correction);
        var expected = correction.Documents.Cda(Audience.Professional, includeN1: true)
            .Select(d => (EntryUuid(d.Identity.Id), EntryUuid(d.Identity.Replaces!.Id))).ToList();
        Assert.Equal(expected, rendered.Info.Replacements);
        Assert.Equal(first.Documents.Cda(Audience.Professional, includeN1: true).Select(d => d.Identity.Id), correction.Documents.Cda(Audience.Professional, includeN1: true).Select(d => d.Identity.Replaces!.Id));
    }

    public static TheoryData<string, string[], string?> MaskingCases => new()
    {
        { "visible", ["N"], null },
        { "masked-to-professionals", ["N", "MASQUE_PS"], null },
        { "invisible-to-patient", ["N", "INVISIBLE_PATIENT"], null },
        { "minor-secret", ["N", "INVISIBLE_REPRESENTANTS_LEGAUX"], VihfAssertion.SecretConnectionValue },
    };

    [Theory]
    [MemberData(nameof(MaskingCases))]
    public void Each_masking_case_yields_the_codes_of_the_note_and_the_signature_entry_stays_masked(string name, string[] codes, string? vihfConfidentiality)
    {
        var report = name switch
        {
            "visible" => Repo.Load("thyroid"),
            "masked-to-professionals" => Repo.Load("thyroid") with { Delivery = DeliveryOptions.Default with { MaskedToProfessionals = true } },
            "invisible-to-patient" => Repo.Load("serology"),
            _ => Repo.Load("minor"),
        };
        var rendered = Rendered.Of(rendering.Render(report));
        Assert.All(rendered.Documents, d => Assert.Equal(codes, Rendered.Codes(d, Rendered.Confidentiality)));
        Assert.Equal(["N", "MASQUE_PS", "INVISIBLE_PATIENT"], Rendered.Codes(rendered.Signature, Rendered.Confidentiality));
        Assert.Equal(vihfConfidentiality, rendered.Vihf(VihfAssertion.ConfidentialityAttribute));
    }

    [Fact]
    public void The_request_is_SOAP12_MTOM_with_addressing_and_a_VIHF_with_every_attribute_in_the_official_spelling()
    {
        var package = rendering.Render(Repo.Load("biochemistry"));
        var rendered = Rendered.Of(package);
        Assert.StartsWith("multipart/related; boundary=\"", rendered.Request.ContentType, StringComparison.Ordinal);
        Assert.Contains("type=\"application/xop+xml\"", rendered.Request.ContentType, StringComparison.Ordinal);
        Assert.Contains("start-info=\"application/soap+xml\"", rendered.Request.ContentType, StringComparison.Ordinal);
        Assert.Equal(Rendered.Soap, rendered.Envelope.Root!.Name.Namespace);
        var header = rendered.Envelope.Root.Element(Rendered.Soap + "Header")!;
        var action = header.Element(Rendered.Wsa + "Action")!;
        Assert.Equal(("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b", "true"), (action.Value, (string)action.Attribute(Rendered.Soap + "mustUnderstand")!));
        Assert.StartsWith("urn:uuid:", header.Element(Rendered.Wsa + "MessageID")!.Value, StringComparison.Ordinal);
        Assert.Equal("https://dmp.invalid/si-dmp-server/v2/services/repository", header.Element(Rendered.Wsa + "To")!.Value);
        Assert.Equal("http://www.w3.org/2005/08/addressing/anonymous", header.Element(Rendered.Wsa + "ReplyTo")!.Element(Rendered.Wsa + "Address")!.Value);

        var report = package.Report;
        Assert.Equal("8" + report.Biologist.Rpps, rendered.Assertion.Element(Rendered.Saml + "Subject")!.Element(Rendered.Saml + "NameID")!.Value);
        Assert.Equal("CN=Signature LBM 1920001237, OU=1920001237, O=Laboratoire de biologie medicale, C=FR", rendered.Assertion.Element(Rendered.Saml + "Issuer")!.Value);
        Assert.Equal("3.0", rendered.Vihf("VIHF_Version"));
        Assert.Equal("INDIRECTE", rendered.Vihf("Authentification_mode"));
        Assert.Null(rendered.Vihf("Authentification_Mode"));
        Assert.Equal("1920001237", rendered.Vihf("Identifiant_Structure"));
        Assert.Equal("SA25^1.2.250.1.71.4.2.4", rendered.Vihf("Secteur_Activite"));
        Assert.Equal("urn:dmp", rendered.Vihf("Ressource_URN"));
        Assert.Equal("Hélène MARCHAND", rendered.Vihf("urn:oasis:names:tc:xspa:1.0:subject:subject-id"));
        Assert.Equal(rendered.Info.PatientId, rendered.Vihf("urn:oasis:names:tc:xacml:2.0:resource:resource-id"));
        Assert.Equal(("1.2.250.1.999.77.1", "SglReference", "0.1.0", "SGL-TEST-0001"), (rendered.Vihf("LPS_ID"), rendered.Vihf("LPS_Nom"), rendered.Vihf("LPS_Version"), rendered.Vihf("LPS_ID_HOMOLOGATION_DMP")));
        System.Xml.Linq.XNamespace hl7 = "urn:hl7-org:v3";
        var roles = rendered.Assertion.Descendants(hl7 + "Role").Select(r => ((string)r.Attribute("code")!, (string)r.Attribute("codeSystem")!)).ToList();
        Assert.Equal([("10", "1.2.250.1.71.1.2.7"), ("SM03", "1.2.250.1.71.4.2.5")], roles);
        var purpose = rendered.Assertion.Descendants(hl7 + "PurposeOfUse").Single();
        Assert.Equal(("normal", "1.2.250.1.213.1.1.4.248"), ((string)purpose.Attribute("code")!, (string)purpose.Attribute("codeSystem")!));
        Assert.Equal(DmpOptions.SmartcardPki, rendered.Assertion.Descendants(Rendered.Saml + "AuthnContextClassRef").Single().Value);

        // Author = the biologist and the lab; the signature entry and its associations.
        Assert.All(rendered.Entries, e => Assert.Contains(e.Descendants(Rendered.Rim + "Value"), v => v.Value.EndsWith("&1.2.250.1.71.4.2.2&ISO^IDNST^^^1920001237", StringComparison.Ordinal)));
        var signature = rendered.Signature;
        Assert.Equal(("E1762", "http://www.w3.org/2000/09/xmldsig#"), (Rendered.Code(signature, "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983"), Rendered.Code(signature, "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d")));
        var associations = rendered.Envelope.Descendants(Rendered.Rim + "Association").Select(a => ((string)a.Attribute("associationType")!, (string)a.Attribute("sourceObject")!, (string)a.Attribute("targetObject")!)).ToList();
        Assert.Contains(("urn:ihe:iti:2007:AssociationType:signs", "Signature01", "SubmissionSet01"), associations);
        Assert.Contains(("urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember", "SubmissionSet01", "Signature01"), associations);
    }

    [Fact]
    public void Rendering_is_deterministic_and_the_artifact_is_the_Content_Type_line_a_blank_line_and_the_body()
    {
        var report = Repo.Load("coagulation");
        var a = rendering.Render(report).Messages.Single(m => m.Channel == "dmp").Content.ToArray();
        var b = rendering.Render(report).Messages.Single(m => m.Channel == "dmp").Content.ToArray();
        Assert.Equal(a, b);
        var text = Encoding.ASCII.GetString(a, 0, a.AsSpan().IndexOf("\r\n\r\n"u8) + 20);
        Assert.Matches("^Content-Type: multipart/related; [^\r\n]+\r\n\r\n--MIMEBoundary_", text);
        var request = DmpHttpRequest.Parse(a);
        Assert.Equal(a, request.ToArtifact());
        var artifact = rendering.Render(report).Artifacts.Single(x => x.Kind == "dmp-iti41");
        Assert.Equal(report.ReportId + "-professional.dmp-iti41.http", artifact.FileName);
        Assert.Equal(a, artifact.Content.ToArray());
    }

    [Fact]
    public void SHA1_signs_by_default_as_the_official_examples_and_SHA256_is_an_option()
    {
        var sha1 = Rendered.Of(rendering.Render(Repo.Load("haematology-cbc")));
        var sha256 = Rendered.Of(rendering.Render(Repo.Load("haematology-cbc"), kit: rendering.Sha256));
        foreach (var (rendered, signature, digest) in new[] { (sha1, "rsa-sha1", "xmldsig#sha1"), (sha256, "xmldsig-more#rsa-sha256", "xmlenc#sha256") })
        {
            Assert.EndsWith(signature, (string)rendered.Assertion.Descendants(Rendered.Ds + "SignatureMethod").Single().Attribute("Algorithm")!, StringComparison.Ordinal);
            var part = rendered.Info.Message.Parts.Single(p => Encoding.UTF8.GetString(p.Value.Span).Contains("IHEManifest", StringComparison.Ordinal)).Value;
            var xades = System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(part.Span));
            Assert.EndsWith(signature, (string)xades.Descendants(Rendered.Ds + "SignatureMethod").Single().Attribute("Algorithm")!, StringComparison.Ordinal);
            Assert.All(xades.Descendants().Where(e => e.Name.LocalName == "DigestMethod"), d => Assert.EndsWith(digest, (string)d.Attribute("Algorithm")!, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_withdrawal_yields_an_ITI57_deletion_of_each_document_of_the_last_issued_version()
    {
        var report = Repo.Load("serology");
        var issued = rendering.Render(report);
        var withdrawal = rendering.Render(report, RenderAction.Withdraw, issued.Issued);
        var message = Assert.Single(withdrawal.Messages, m => m.Channel == "dmp");
        Assert.Equal(DmpChannel.UpdateKind, message.Kind);
        var rendered = new Rendered(DmpHttpRequest.Parse(message.Content.Span));
        Assert.Equal(DmpNamespaces.UpdateDocumentSetAction, rendered.Info.Action);
        Assert.Equal(issued.Documents.Cda(Audience.Professional, includeN1: true).Select(d => EntryUuid(d.Identity.Id)), rendered.Info.StatusChanges.Select(c => c.Target));
        Assert.All(rendered.Info.StatusChanges, c => Assert.Equal((DmpNamespaces.Approved, DmpNamespaces.Deleted), (c.OriginalStatus, c.NewStatus)));
        Assert.Empty(rendered.Entries);
    }

    [Fact]
    public void The_hash_the_registry_will_compute_is_the_SHA1_of_the_part_as_sent()
    {
        var rendered = Rendered.Of(rendering.Render(Repo.Load("special-characters")));
        foreach (var (_, _, content) in rendered.Info.Documents)
        {
#pragma warning disable CA5350
            Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(content.Span)), Requests.DmpRequestInfo.Sha1(content));
#pragma warning restore CA5350
            Assert.StartsWith("<?xml", Encoding.UTF8.GetString(content.Span[..5]), StringComparison.Ordinal);
        }
    }
}
