using System.Text;
using System.Text.Json.Nodes;
using SglReference.Testing;

namespace SglReference.Cli.Tests;

/// <summary>The command line against hostile arguments, files and signals (issue 11); no network peer needed.</summary>
public sealed class HardeningCliTests : IDisposable
{
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public void Dispose() => _temp.Dispose();

    /// <summary>Runs in-process, failing instead of hanging when the command does not return.</summary>
    private static CliRunner.Outcome RunGuarded(params string[] args)
    {
        var run = Task.Run(() => CliRunner.Run(args));
        Assert.True(run.Wait(TimeSpan.FromSeconds(60)), "sgl " + string.Join(' ', args) + " did not return within a minute");
        return run.Result;
    }

    private static readonly Lazy<string> s_oru = new(() =>
    {
        var output = Path.Combine(Path.GetTempPath(), "sgl-test-oru-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("thyroid"), "--out", output).ExitCode);
        return Directory.GetFiles(output, "*.oru.hl7").Single();
    });

    public static TheoryData<string, string, string> BadValues => new()
    {
        { "send-hl7", "--backoff", "-0.001" }, // a Task.Delay of -1 ms waits forever
        { "send-hl7", "--backoff", "-5" },
        { "send-hl7", "--backoff", "NaN" },
        { "send-hl7", "--backoff", "1e12" },
        { "send-hl7", "--ack-timeout", "-0.001" },
        { "send-hl7", "--ack-timeout", "Infinity" },
        { "send-hl7", "--connect-timeout", "0" },
        { "send-hl7", "--attempts", "0" },
        { "send-hl7", "--attempts", "1000000" },
        { "send-hl7", "--port", "70000" },
        { "listen-hl7", "--duration", "-1" },
        { "listen-hl7", "--duration", "NaN" },
        { "listen-hl7", "--count", "0" },
        { "listen-hl7", "--max-connections", "0" },
        { "listen-hl7", "--idle-timeout", "1e12" },
        { "send-mss", "--timeout", "NaN" },
        { "send-mss", "--timeout", "-1" },
        { "send-mss", "--port", "0" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_value_that_would_hang_or_overflow_is_refused_with_exit_2_naming_the_option(string command, string option, string value)
    {
        var freePort = Network.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] args = command switch
        {
            "send-hl7" => ["send-hl7", s_oru.Value, "--host", "127.0.0.1", "--port", option == "--port" ? value : freePort],
            "listen-hl7" => ["listen-hl7", "--port", "0"],
            _ => ["send-mss", "--outbox", _temp.File("outbox"), "--host", "127.0.0.1"],
        };
        if (!(command == "send-hl7" && option == "--port"))
        {
            args = [.. args, option, value];
        }

        var outcome = RunGuarded(args);
        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"sgl: {option}: must be", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", outcome.Error, StringComparison.Ordinal);
        Assert.Single(outcome.ErrorLines);
    }

    [Fact]
    public void A_path_holding_control_characters_is_printed_escaped()
    {
        var outcome = CliRunner.Run("check", "/nonexistent/re\u001b]0;owned\u0007port\r\nsgl: forged.json");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("sgl: input file not found: /nonexistent/re\\u001B]0;owned\\u0007port\\u000D\\u000Asgl: forged.json", outcome.Error.TrimEnd('\n'));
    }

    [Fact]
    public void A_previous_manifest_with_an_overflowing_version_is_refused_with_exit_2()
    {
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("biochemistry"), "--out", _temp.File("v1")).ExitCode);
        var manifest = JsonNode.Parse(File.ReadAllText(_temp.File("v1/manifest.json")))!;
        manifest["artifacts"]![1]!["version"] = int.MaxValue;
        File.WriteAllText(_temp.File("previous.json"), manifest.ToJsonString());

        var outcome = CliRunner.Run("render", Repo.Fixture("correction"), "--out", _temp.File("v2"), "--previous", _temp.File("previous.json"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("--previous.artifacts[1].version: must be a whole number from 1 to 9999 [SGL-NUMBER]", outcome.Error.TrimEnd('\n'));
        Assert.False(Directory.Exists(_temp.File("v2")));
    }

    [Fact]
    public void A_store_entry_with_an_overflowing_version_is_refused_and_nothing_is_written()
    {
        var store = _temp.File("store");
        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("biochemistry"), "--out", _temp.File("v1"), "--store", store).ExitCode);
        var file = Directory.GetFiles(store, "*.json").Single();
        var lineage = JsonNode.Parse(File.ReadAllText(file))!;
        lineage["documents"]![0]!["version"] = int.MaxValue;
        File.WriteAllText(file, lineage.ToJsonString());

        var outcome = CliRunner.Run("render", Repo.Fixture("correction"), "--out", _temp.File("v2"), "--store", store);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("is unreadable: version must be from 1 to 9999, found 2147483647", outcome.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.File("v2")));
    }

    /// <summary>
    /// What a render killed with SIGKILL while staging leaves behind: its staging folder, half written, and its lock
    /// file, whose lock the kernel released with the process. The owner here is a real process killed with SIGKILL while
    /// it holds the lock, as a render does; racing a real render's few milliseconds of staging against the kill made the
    /// precondition fail on a fast machine.
    /// </summary>
    [Fact]
    public void A_staging_folder_left_by_a_render_killed_with_sigkill_is_removed_by_the_next_render()
    {
        var output = _temp.File("out");
        var staging = Path.Combine(output, ".sgl-staging-fedcba9876543210fedcba9876543210");
        Directory.CreateDirectory(Path.Combine(staging, "n3"));
        File.WriteAllText(staging + ".lock", string.Empty);
        File.WriteAllText(Path.Combine(staging, "n3", "half-written.cda.xml"), "<ClinicalDocument");
        using (var owner = System.Diagnostics.Process.Start("flock", ["-x", staging + ".lock", "sleep", "600"])!)
        {
            WaitUntilLocked(staging + ".lock");
            owner.Kill(entireProcessTree: true); // SIGKILL on Linux
            owner.WaitForExit();
        }

        var outcome = CliRunner.Run("render", Repo.Fixture("thyroid"), "--out", output);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(Directory.GetDirectories(output, ".sgl-staging-*"));
        Assert.Empty(Directory.GetFiles(output, ".sgl-staging-*"));
        Assert.True(File.Exists(Path.Combine(output, "manifest.json")), "the render wrote its artifacts");
    }

    [Fact]
    public void A_staging_folder_whose_render_is_alive_is_left_alone()
    {
        var output = _temp.File("out");
        var staging = Path.Combine(output, ".sgl-staging-0123456789abcdef0123456789abcdef");
        Directory.CreateDirectory(staging);
        File.WriteAllText(staging + ".lock", string.Empty);
        File.WriteAllText(Path.Combine(staging, "half-written.pdf"), "%PDF-");
        // Another live process holds the lock, as a render in progress does.
        using var holder = System.Diagnostics.Process.Start("flock", ["-x", staging + ".lock", "sleep", "60"])!;
        try
        {
            WaitUntilLocked(staging + ".lock");
            Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("thyroid"), "--out", output).ExitCode);
            Assert.True(File.Exists(Path.Combine(staging, "half-written.pdf")));
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            holder.WaitForExit();
        }

        Assert.Equal(0, CliRunner.Run("render", Repo.Fixture("thyroid"), "--out", output).ExitCode);
        Assert.False(Directory.Exists(staging));
    }

    private static void WaitUntilLocked(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                return; // held by the other process
            }

            Thread.Sleep(50);
        }

        Assert.Fail("the other process never took the lock");
    }

    [Fact]
    public void Sigterm_ends_a_check_of_a_hostile_input_at_once()
    {
        var input = _temp.File("hostile.json");
        File.WriteAllBytes(input, MalformedInputCorpus.All.Single(c => c.Name == "thirty thousand bad results").Bytes());
        using var check = SglProcess.Start(["check", input]);
        Thread.Sleep(1500);
        SglProcess.Terminate(check);
        var ended = check.WaitForExit(10_000);
        if (!ended)
        {
            SglProcess.KillHard(check);
        }

        Assert.True(ended, "sgl check was still running 10 s after SIGTERM");
        Assert.NotEqual(0, check.ExitCode);
    }

    [Fact]
    public void Journal_file_names_never_collide_and_a_300_character_id_is_recorded()
    {
        var journal = new SentMessageJournal(_temp.File("journal"));
        var a = new Hl7v2.Oru.OruSummary("A/1", Domain.Delivery.DocumentAction.Initial, "O1", ["1.2.3.1"]);
        var b = new Hl7v2.Oru.OruSummary("A_1", Domain.Delivery.DocumentAction.Initial, "O2", ["1.2.3.2"]);
        journal.RecordSent(a, "Delivered", DateTimeOffset.Now);
        journal.RecordSent(b, "Delivered", DateTimeOffset.Now);
        Assert.Equal(["1.2.3.1"], journal.DocumentsOf("A/1"));
        Assert.Equal(["1.2.3.2"], journal.DocumentsOf("A_1"));

        var longId = new string('9', 300);
        var ack = new Hl7v2.Acknowledgements.BusinessAcknowledgement(Hl7v2.Acknowledgements.BusinessAckKind.DmpReception, longId, longId, true, string.Empty, null, null);
        journal.RecordAcknowledgement(ack, DateTimeOffset.Now);
        var recorded = Assert.Single(Directory.GetFiles(_temp.File("journal/acks")));
        Assert.True(Path.GetFileName(recorded).Length < 255);
        Assert.Contains(longId, File.ReadAllText(recorded, Encoding.UTF8), StringComparison.Ordinal);
    }
}
