using System.Text.Json.Nodes;
using SglReference.Channels;
using SglReference.Domain;
using SglReference.Testing;

namespace SglReference.Dmp.Tests;

/// <summary>
/// Every fixture's requests against the strict double, and negative mutants: the double's signature verdicts (.NET
/// SignedXml) agree with npm xml-crypto's on every request, both signatures, and each mutant gets the code of the note.
/// </summary>
[Trait("Needs", "server")]
[Trait("Needs", "node")]
public sealed class DmpSignatureTests(DmpServer server) : IClassFixture<DmpServer>
{
    public static TheoryData<string> MutantNames => new(Mutants.Names);

    [Fact]
    public async Task Every_fixture_with_a_qualified_INS_and_no_block_is_accepted_and_both_signatures_verify_for_the_double_and_for_xml_crypto()
    {
        server.Peer.Reset();
        using var client = server.Client();
        var delivered = new List<string>();
        var issuedByReport = new Dictionary<string, IReadOnlyList<Domain.Documents.IssuedDocument>>();
        foreach (var fixture in Repo.FixtureNames.Where(f => f != "large-300"))
        {
            var report = Repo.Load(fixture);
            var issued = issuedByReport.GetValueOrDefault(report.ReportId);
            if (report.Revision > 1 && issued is null)
            {
                // A correction replaces what was published: publish revision 1 first.
                var first = server.Render(report with { Revision = 1, Status = ReportStatus.Complete, CorrectionReason = null });
                var published = await client.SendAsync(DmpServer.Request(first));
                Assert.True(published.Status == DeliveryStatus.Delivered, $"{fixture} revision 1: {published}");
                issued = first.Issued;
            }

            var package = server.Render(report, previous: issued);
            var expected = report.Patient.QualifiedIns is not null && !report.Delivery.BlockDmp;
            Assert.Equal(expected, package.Messages.Any(m => m.Channel == "dmp"));
            if (!expected)
            {
                continue;
            }

            var outcome = await client.SendAsync(DmpServer.Request(package));
            Assert.True(outcome.Status == DeliveryStatus.Delivered, $"{fixture}: {outcome}");
            issuedByReport[report.ReportId] = package.Issued;
            delivered.Add(fixture);
        }

        Assert.Equal(Repo.FixtureNames.Count(f => f is not ("large-300" or "unqualified-ins")), delivered.Count);
        var log = server.Peer.Log();
        AgreeWithXmlCrypto(log);
        var iti41 = log.Where(l => (string?)l!["path"] == "/repository").ToList();
        Assert.Equal(delivered.Count, iti41.Count);
        Assert.All(iti41, l => Assert.Equal((true, true, true), ((bool)l!["vihf"]!, (bool)l["xades"]!, (bool)l["manifest"]!)));
        Assert.All(log, l => Assert.Equal("Tls12", (string?)l!["protocol"]));
        Assert.All(log, l => Assert.Contains((string)l!["cipher"]!, Sending.DmpHttp.LpsCipherSuites.Select(s => s.ToString())));
    }

    [Theory]
    [MemberData(nameof(MutantNames))]
    public async Task A_mutant_is_refused_with_the_code_of_the_note_and_xml_crypto_reaches_the_same_signature_verdicts(string mutant)
    {
        server.Peer.Reset();
        var before = server.Peer.Log().Count;
        var request = Mutants.Apply(mutant, DmpServer.Request(server.Render(Repo.Load("thyroid"))), server.Certificates.Client);
        using var client = server.Client();
        var outcome = await client.SendAsync(request);
        Assert.Equal(DeliveryStatus.Permanent, outcome.Status);
        Assert.Equal(Mutants.ExpectedCode(mutant), outcome.Code);
        var lines = server.Peer.LogSince(before);
        var iti41 = Assert.Single(lines, l => (string?)l["path"] == "/repository");
        Assert.Contains(Mutants.ExpectedCode(mutant), DmpPeer.Codes(iti41), StringComparison.Ordinal);
        var (vihf, xades, manifest) = Mutants.ExpectedVerdicts(mutant);
        Assert.Equal(vihf, (bool?)iti41["vihf"]);
        if (Mutants.ExpectedCode(mutant) == "XDSRepositoryMetadataError")
        {
            Assert.Equal((xades, manifest), ((bool?)iti41["xades"], (bool?)iti41["manifest"]));
        }

        var node = AgreeWithXmlCrypto(new JsonArray([.. lines.Select(l => l.DeepClone())]))[(string)iti41["file"]!];
        Assert.Equal((vihf, xades, manifest), (node.Vihf, node.Xades, node.Manifest));
    }

    /// <summary>For every logged request: the double's VIHF verdict and, for an ITI-41 it got to, its XAdES and manifest verdicts, equal xml-crypto's.</summary>
    private static Dictionary<string, XmlCrypto.Verdict> AgreeWithXmlCrypto(JsonArray log)
    {
        var lines = log.Select(l => l!).Where(l => l["file"] is not null).ToList();
        var verdicts = XmlCrypto.Verify(lines.Select(l => (string)l["file"]!));
        foreach (var line in lines)
        {
            var node = verdicts[(string)line["file"]!];
            Assert.True((bool?)line["vihf"] == node.Vihf, $"VIHF verdicts differ: double {line["vihf"]}, xml-crypto {node.Raw}");
            if (line["xades"] is not null)
            {
                Assert.True((bool?)line["xades"] == node.Xades, $"XAdES verdicts differ: double {line["xades"]}, xml-crypto {node.Raw}");
                Assert.True((bool?)line["manifest"] == node.Manifest, $"manifest verdicts differ: double {line["manifest"]}, xml-crypto {node.Raw}");
                Assert.True(node.CertDigest, "xml-crypto: CertDigest is not the signer's");
            }
        }

        return verdicts;
    }
}
