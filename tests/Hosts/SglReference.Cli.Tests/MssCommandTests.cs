using SglReference.Testing;

namespace SglReference.Cli.Tests;

/// <summary>sgl render (ihe-xdm, mss-message) and sgl send-mss against a real SMTP server process with STARTTLS and client certificates.</summary>
[Trait("Needs", "server")]
public sealed class MssCommandTests : IDisposable
{
    private readonly TestCertificates _certificates = new();
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public void Dispose()
    {
        _certificates.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Render_lists_one_archive_and_one_message_per_recipient_group()
    {
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("serology"), "--out", _temp.File("out")).ExitCode);
        var manifest = Manifest.Parse(File.ReadAllBytes(_temp.File("out/manifest.json")));
        // Invisible to the patient: professionals only.
        var message = Assert.Single(manifest.Artifacts, a => a.Kind == "mss-message");
        var archive = Assert.Single(manifest.Artifacts, a => a.Kind == "ihe-xdm");
        Assert.Equal(("message/rfc822", "application/zip"), (message.MediaType, archive.MediaType));
        Assert.Equal("professional", message.Audience);
        Assert.Equal(manifest.Artifacts.Single(a => a.Kind == "cda-n3" && a.Audience == "professional").DocumentId, message.DocumentId);
        Assert.EndsWith("to-professionals.eml", message.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Send_mss_delivers_through_the_outbox_once_and_reports_what_is_pending_when_the_server_is_down()
    {
        ExternalProcess.RequireNodeTools();
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("biochemistry"), "--out", _temp.File("out")).ExitCode);
        var manifest = Manifest.Parse(File.ReadAllBytes(_temp.File("out/manifest.json")));
        var emls = manifest.Artifacts.Where(a => a.Kind == "mss-message").Select(a => Path.Combine(_temp.File("out"), a.Path)).ToArray();
        Assert.Equal(2, emls.Length);
        string[] tls = ["--cert", _certificates.ClientCertificatePem, "--key", _certificates.ClientKeyPem, "--ca", _certificates.AuthorityPem, "--peer-name", "localhost", "--timeout", "10"];
        var outbox = _temp.File("outbox");

        // Nobody listens yet: queued, pending, exit 1.
        var port = Network.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var down = CliRunner.Run(["send-mss", .. emls, "--outbox", outbox, "--host", "127.0.0.1", "--port", port, .. tls]);
        Assert.Equal(1, down.ExitCode);
        Assert.Equal(2, down.Out.Split('\n').Count(l => l.EndsWith(": queued", StringComparison.Ordinal)));
        Assert.Contains("2 message(s) pending", down.Error, StringComparison.Ordinal);

        using var server = new BackgroundProcess("node",
            [Path.Combine(ExternalProcess.ToolsDirectory, "smtp-peer.mjs"), "--key", _certificates.ServerKeyPem, "--cert", _certificates.ServerCertificatePem,
             "--ca", _certificates.AuthorityPem, "--out", _temp.File("server"), "--port", port], ExternalProcess.ToolsDirectory);
        Assert.Equal("listening", server.NextJson(TimeSpan.FromSeconds(30)).GetProperty("event").GetString());
        var up = CliRunner.Run(["send-mss", "--outbox", outbox, "--host", "127.0.0.1", "--port", port, .. tls]);
        Assert.Equal(0, up.ExitCode);
        Assert.Equal(2, up.Out.Split('\n').Count(l => l.Contains(": sent (", StringComparison.Ordinal)));

        // Sending the same files again sends nothing more.
        var again = CliRunner.Run(["send-mss", .. emls, "--outbox", outbox, "--host", "127.0.0.1", "--port", port, .. tls]);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(2, again.Out.Split('\n').Count(l => l.EndsWith("already in the outbox (sent)", StringComparison.Ordinal)));
        Thread.Sleep(300);
        Assert.Equal(2, Directory.GetFiles(_temp.File("server"), "*.eml").Length);
    }

    [Fact]
    public void Send_mss_refuses_a_file_that_is_not_a_message_with_exit_2()
    {
        File.WriteAllText(_temp.File("x.eml"), "not a message");
        var outcome = CliRunner.Run("send-mss", _temp.File("x.eml"), "--outbox", _temp.File("outbox"), "--host", "127.0.0.1");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("[SGL-MSS-MESSAGE]", outcome.Error, StringComparison.Ordinal);
    }

}
