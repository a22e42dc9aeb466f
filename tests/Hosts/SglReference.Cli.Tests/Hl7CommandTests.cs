using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SglReference.Hl7v2.Codec;
using SglReference.Testing;

namespace SglReference.Cli.Tests;

/// <summary>sgl render (hl7v2-oru), send-hl7 and listen-hl7 against Node MLLP peers over TLS with certificates on both ends.</summary>
[Trait("Needs", "server")]
public sealed class Hl7CommandTests : IDisposable
{
    private readonly TestCertificates _certificates = new();
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public void Dispose()
    {
        _certificates.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Render_lists_the_oru_carrying_the_professional_n3()
    {
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("thyroid"), "--out", _temp.File("out")).ExitCode);
        var manifest = Manifest.Parse(File.ReadAllBytes(_temp.File("out/manifest.json")));
        var oru = Assert.Single(manifest.Artifacts, a => a.Kind == "hl7v2-oru");
        var n3 = manifest.Artifacts.Single(a => a.Kind == "cda-n3" && a.Audience == "professional");
        Assert.Equal(("professional", "application/hl7-v2", n3.DocumentId), (oru.Audience, oru.MediaType, oru.DocumentId));
        var message = Hl7Parser.Parse(File.ReadAllBytes(Path.Combine(_temp.File("out"), oru.Path)));
        Assert.Equal("NW", message.First("ORC")!.Value(1));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_temp.File("out"), n3.Path)), Convert.FromBase64String(message.All("OBX").First().Value(5, 5)));
    }

    [Fact]
    public void Withdraw_writes_the_deletion_of_the_last_version()
    {
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("biochemistry"), "--out", _temp.File("v1")).ExitCode);
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("biochemistry"), "--out", _temp.File("del"), "--previous", _temp.File("v1/manifest.json"), "--withdraw").ExitCode);
        var published = Manifest.Parse(File.ReadAllBytes(_temp.File("v1/manifest.json")));
        var deleted = Manifest.Parse(File.ReadAllBytes(_temp.File("del/manifest.json")));
        var oru = deleted.Artifacts.Single(a => a.Kind == "hl7v2-oru");
        Assert.Equal(published.Artifacts.Single(a => a.Kind == "cda-n3" && a.Audience == "professional").DocumentId, oru.DocumentId);
        var message = Hl7Parser.Parse(File.ReadAllBytes(Path.Combine(_temp.File("del"), oru.Path)));
        Assert.Equal(("CA", "D"), (message.First("ORC")!.Value(1), message.All("OBX").First().Value(11)));
        var n3 = published.Artifacts.Single(a => a.Kind == "cda-n3" && a.Audience == "professional");
        Assert.Equal(File.ReadAllBytes(Path.Combine(_temp.File("v1"), n3.Path)), Convert.FromBase64String(message.All("OBX").First().Value(5, 5)));
    }

    [Fact]
    public async Task Send_hl7_reports_aa_and_ae_with_exit_codes_and_listen_hl7_correlates_the_zam()
    {
        ExternalProcess.RequireNodeTools();
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("thyroid"), "--out", _temp.File("out")).ExitCode);
        var manifest = Manifest.Parse(File.ReadAllBytes(_temp.File("out/manifest.json")));
        var oruPath = Path.Combine(_temp.File("out"), manifest.Artifacts.Single(a => a.Kind == "hl7v2-oru").Path);
        var controlId = Hl7Parser.Parse(File.ReadAllBytes(oruPath)).ControlId;

        using var peer = new BackgroundProcess("node",
            [Path.Combine(ExternalProcess.ToolsDirectory, "mllp-peer.mjs"), "--key", _certificates.ServerKeyPem, "--cert", _certificates.ServerCertificatePem,
             "--ca", _certificates.AuthorityPem, "--out", _temp.File("peer"), "--script", "AA,AE"], ExternalProcess.ToolsDirectory);
        var port = peer.NextJson(TimeSpan.FromSeconds(30)).GetProperty("port").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] tls = ["--tls", "--cert", _certificates.ClientCertificatePem, "--key", _certificates.ClientKeyPem, "--ca", _certificates.AuthorityPem, "--peer-name", "localhost"];

        var sent = CliRunner.Run(["send-hl7", oruPath, "--host", "127.0.0.1", "--port", port, "--journal", _temp.File("journal"), .. tls]);
        Assert.Equal(0, sent.ExitCode);
        Assert.Equal($"message {controlId}: accepted (AA) after 1 attempt", sent.Out.Trim());
        var refused = CliRunner.Run(["send-hl7", oruPath, "--host", "127.0.0.1", "--port", port, .. tls]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("refused (AE; 207 Application error at PID^1^3: 905 L'INS transmis n'est pas complet (E)) after 1 attempt", refused.Error, StringComparison.Ordinal);

        // The PFI's DMP reception acknowledgement for that message: the official ZAM with OBX-4 = our MSH-10.
        var zam = File.ReadAllText(Path.Combine(Repo.Shared, "hl7v2-examples", "oru-v2.1-init", "Message metier reception DMP"), Encoding.UTF8)
            .Replace("|015|", $"|{controlId}|", StringComparison.Ordinal);
        File.WriteAllText(_temp.File("zam.hl7"), zam, new UTF8Encoding(false));
        var listenPort = Network.FreePort();
        var listening = Task.Run(() => CliRunner.Run(["listen-hl7", "--port", listenPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--count", "1", "--duration", "60", "--journal", _temp.File("journal"),
            "--tls", "--cert", _certificates.ServerCertificatePem, "--key", _certificates.ServerKeyPem, "--ca", _certificates.AuthorityPem]));
        Network.WaitForPort(listenPort);
        var sender = ExternalProcess.Run("node",
            [Path.Combine(ExternalProcess.ToolsDirectory, "mllp-send.mjs"), "--host", "127.0.0.1", "--port", listenPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--key", _certificates.ClientKeyPem, "--cert", _certificates.ClientCertificatePem, "--ca", _certificates.AuthorityPem, _temp.File("zam.hl7")],
            ExternalProcess.ToolsDirectory, TimeSpan.FromMinutes(1));
        Assert.True(sender.ExitCode == 0, sender.All);
        Assert.Equal("AA", JsonDocument.Parse(sender.StandardOutput).RootElement[0].GetProperty("ack").GetProperty("msa1").GetString());
        var listened = await listening;
        Assert.Equal(0, listened.ExitCode);
        var documentId = manifest.Artifacts.Single(a => a.Kind == "hl7v2-oru").DocumentId;
        Assert.Contains($"Z01 DMP reception of message {controlId} (documents {documentId}): failure: 207 Application internal error: DMPClosed DMP fermé (E)", listened.Out, StringComparison.Ordinal);
        var recorded = Directory.GetFiles(_temp.File("journal/acks"));
        var ack = JsonDocument.Parse(File.ReadAllBytes(Assert.Single(recorded))).RootElement;
        Assert.Equal((controlId, false), (ack.GetProperty("correlationId").GetString(), ack.GetProperty("success").GetBoolean()));
    }

    [Fact]
    public void Send_hl7_refuses_a_file_that_is_not_an_oru_with_exit_2()
    {
        File.WriteAllText(_temp.File("not.hl7"), "hello");
        var outcome = CliRunner.Run("send-hl7", _temp.File("not.hl7"), "--host", "127.0.0.1", "--port", "1");
        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("$: an HL7 v2 message starts with an MSH segment", outcome.Error, StringComparison.Ordinal);
    }


}
