using System.Text;
using SglReference.Testing;

namespace SglReference.Cli.Tests;

/// <summary>One DMP double process for the class, with its certificates and configuration file.</summary>
public sealed class DmpCliServer : IDisposable
{
    public DmpCliServer()
    {
        Peer = DmpPeer.Start(Certificates, Temp.File("requests"));
        Kit = DmpTestKit.Create(Certificates, Peer.Endpoint, Temp.File("config"));
    }

    public TestCertificates Certificates { get; } = new();

    public TempDirectory Temp { get; } = Repo.TempDirectory();

    public DmpPeer Peer { get; }

    public DmpTestKit Kit { get; }

    public void Dispose()
    {
        Peer.Dispose();
        Certificates.Dispose();
        Temp.Dispose();
    }
}

/// <summary>sgl render (dmp-iti41), sgl check with a DMP configuration, and sgl send-dmp against the strict DMP double.</summary>
[Trait("Needs", "server")]
public sealed class DmpCommandTests(DmpCliServer server) : IClassFixture<DmpCliServer>, IDisposable
{
    private readonly TempDirectory _temp = Repo.TempDirectory();
    private readonly DmpPeer _peer = server.Peer;
    private readonly DmpTestKit _kit = server.Kit;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Render_writes_the_ITI41_request_that_send_dmp_delivers_then_hides_shows_and_deletes()
    {
        _peer.Reset();
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("thyroid"), "--out", _temp.File("out"), "--config", _kit.ConfigurationPath).ExitCode);
        var manifest = Manifest.Parse(File.ReadAllBytes(_temp.File("out/manifest.json")));
        var artifact = Assert.Single(manifest.Artifacts, a => a.Kind == "dmp-iti41");
        Assert.Equal("professional", artifact.Audience);
        Assert.Equal(manifest.Artifacts.Single(a => a.Kind == "cda-n3" && a.Audience == "professional").DocumentId, artifact.DocumentId);
        var request = Path.Combine(_temp.File("out"), artifact.Path);
        var bytes = File.ReadAllBytes(request);
        Assert.StartsWith("Content-Type: multipart/related; boundary=", Encoding.ASCII.GetString(bytes, 0, 60), StringComparison.Ordinal);

        var sent = CliRunner.Run("send-dmp", request, "--config", _kit.ConfigurationPath);
        Assert.True(sent.ExitCode == 0, sent.Error);
        Assert.StartsWith("delivered: ITI-41: accepted", sent.Out, StringComparison.Ordinal);
        foreach (var operation in new[] { "--hide-from-patient", "--show-to-patient", "--archive", "--unarchive", "--delete" })
        {
            var run = CliRunner.Run("send-dmp", request, "--config", _kit.ConfigurationPath, operation);
            Assert.True(run.ExitCode == 0, operation + ": " + run.Error);
        }

        // Deleted: nothing left to archive; refused, not retried, exit 1.
        var refused = CliRunner.Run("send-dmp", request, "--config", _kit.ConfigurationPath, "--archive");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("sgl: refused, not retried [UnresolvedReferenceException]", refused.Error, StringComparison.Ordinal);
        var updates = _peer.Log().Where(l => (string?)l!["path"] == "/registry" && File.ReadAllText((string)l!["file"]!).Contains("urn:ihe:iti:2010:UpdateDocumentSet", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, updates.Count);
        Assert.All(updates, u => Assert.Equal("Success", u!["reply"]!["status"]!.GetValue<string>()));
        Assert.All(_peer.Entries().Where(e => !e!["uniqueId"]!.GetValue<string>().Contains(".4.", StringComparison.Ordinal) && e!["status"]!.GetValue<string>() != "urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated"),
            e => Assert.Equal("urn:asip:ci-sis:2010:StatusType:Deleted", e!["status"]!.GetValue<string>()));
    }

    [Fact]
    public void Send_dmp_refuses_a_file_that_is_not_a_request_and_two_operations_at_once()
    {
        File.WriteAllText(_temp.File("not-a-request.http"), "hello");
        var invalid = CliRunner.Run("send-dmp", _temp.File("not-a-request.http"), "--config", _kit.ConfigurationPath);
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("SGL-DMP-REQUEST", invalid.Error, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("serology"), "--out", _temp.File("out2"), "--config", _kit.ConfigurationPath).ExitCode);
        var request = Directory.GetFiles(_temp.File("out2"), "*.dmp-iti41.http").Single();
        var both = CliRunner.Run("send-dmp", request, "--config", _kit.ConfigurationPath, "--archive", "--delete");
        Assert.Equal(1, both.ExitCode);
        Assert.Contains("give one operation", both.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_authentication_certificate_in_the_configuration_stops_send_dmp_before_connecting()
    {
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("thyroid"), "--out", _temp.File("out3"), "--config", _kit.ConfigurationPath).ExitCode);
        var request = Directory.GetFiles(_temp.File("out3"), "*.dmp-iti41.http").Single();
        var now = DateTimeOffset.UtcNow;
        var (_, expiredPem, expiredKey) = server.Certificates.IssueCustom("dmp-expired", now.AddDays(-400), now.AddDays(-1), TestCertificates.ClientAuthentication);
        var expiredKit = DmpTestKit.Create(server.Certificates, _peer.Endpoint, _temp.File("expired-config"), edit: dmp =>
            dmp["authenticationCertificate"] = new System.Text.Json.Nodes.JsonObject { ["path"] = expiredPem, ["key"] = expiredKey });
        _peer.Reset();

        var run = CliRunner.Run("send-dmp", request, "--config", expiredKit.ConfigurationPath);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("sgl: dmp.authenticationCertificate: our certificate CN=dmp-expired cannot be used: it expired on", run.Error, StringComparison.Ordinal);
        Assert.Empty(_peer.Log()); // nothing reached the DMP
    }

    [Fact]
    public void Check_with_a_DMP_configuration_warns_why_an_unqualified_identity_is_not_sent_to_the_DMP()
    {
        var run = CliRunner.Run("check", Repo.Fixture("unqualified-ins"), "--config", _kit.ConfigurationPath);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: dmp not planned: DMP: not fed, the identity is not qualified", run.Out, StringComparison.Ordinal);
    }
}
