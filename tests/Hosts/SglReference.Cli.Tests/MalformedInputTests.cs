using System.Text.RegularExpressions;
using SglReference.Testing;

namespace SglReference.Cli.Tests;

public partial class MalformedInputTests
{
    public static TheoryData<MalformedCase> Cases => new(MalformedInputCorpus.All);

    public static TheoryData<FuzzCase> Fuzz => new(FuzzCorpus.All);

    /// <summary>A sample of the generated corpus, run through a real sgl process.</summary>
    public static TheoryData<FuzzCase> FuzzSample => new(FuzzCorpus.All.Where((_, i) => i % 25 == 0));

    [Fact]
    public void The_corpus_has_at_least_sixty_cases() => Assert.True(MalformedInputCorpus.All.Count >= 60, $"{MalformedInputCorpus.All.Count} cases");

    [Fact]
    public void The_fuzz_corpus_has_a_few_hundred_cases() => Assert.True(FuzzCorpus.All.Count >= 250, $"{FuzzCorpus.All.Count} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_refuses_with_exit_2_a_precise_message_and_no_output(MalformedCase testCase)
    {
        using var temp = Repo.TempDirectory();
        var input = temp.File("input.json");
        File.WriteAllBytes(input, testCase.Bytes());
        var format = testCase.Name.StartsWith("FHIR", StringComparison.Ordinal) ? "fhir" : "auto";
        var outDir = temp.File("out");

        var outcome = CliRunner.Run("render", input, "--out", outDir, "--format", format);

        Assert.Equal(2, outcome.ExitCode);
        AssertWellFormed(outcome);
        var expected = outcome.ErrorLines.Where(l => l.EndsWith($"[{testCase.Code}]", StringComparison.Ordinal)).ToList();
        Assert.True(expected.Count > 0, $"expected [{testCase.Code}] in:\n{outcome.Error}");
        if (testCase.Path is { } path)
        {
            // Printed, a path has its control characters escaped.
            var printed = Domain.Validation.SettingRules.Printable(path);
            Assert.True(expected.Any(l => l.StartsWith(printed, StringComparison.Ordinal)), $"expected [{testCase.Code}] at {printed} in:\n{outcome.Error}");
        }

        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), "nothing may be written for an invalid input");
        Assert.Equal(string.Empty, outcome.Out);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_agrees_with_render(MalformedCase testCase)
    {
        using var temp = Repo.TempDirectory();
        var input = temp.File("input.json");
        File.WriteAllBytes(input, testCase.Bytes());
        var format = testCase.Name.StartsWith("FHIR", StringComparison.Ordinal) ? "fhir" : "auto";
        var outcome = CliRunner.Run("check", input, "--format", format);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"[{testCase.Code}]", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Fuzz))]
    public void Every_generated_fault_is_refused_with_exit_2_at_its_path(FuzzCase testCase)
    {
        using var temp = Repo.TempDirectory();
        var input = temp.File("input.json");
        File.WriteAllBytes(input, testCase.Bytes());
        var outcome = CliRunner.Run("check", input);
        Assert.True(outcome.ExitCode == 2, $"exit {outcome.ExitCode}:\n{outcome.Out}{outcome.Error}");
        AssertWellFormed(outcome);
        var located = outcome.ErrorLines.Where(l => l.StartsWith(testCase.Path, StringComparison.Ordinal) && (testCase.Code is null || l.EndsWith($"[{testCase.Code}]", StringComparison.Ordinal))).ToList();
        Assert.True(located.Count > 0, $"expected {testCase.Code ?? "an error"} at {testCase.Path} in:\n{outcome.Error}");
    }

    [Theory]
    [MemberData(nameof(FuzzSample))]
    public void A_real_sgl_process_refuses_the_same_faults_with_exit_2(FuzzCase testCase)
    {
        using var temp = Repo.TempDirectory();
        var input = temp.File("input.json");
        File.WriteAllBytes(input, testCase.Bytes());
        var result = SglProcess.Run(["render", input, "--out", temp.File("out")]);
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}:\n{result.All}");
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.Contains(result.StandardError.Split('\n'), l => l.StartsWith(testCase.Path, StringComparison.Ordinal));
        Assert.False(Directory.Exists(temp.File("out")) && Directory.EnumerateFileSystemEntries(temp.File("out")).Any());
    }

    /// <summary>One error per line, each "path: message [CODE]", nothing a terminal would act on, no exception shown.</summary>
    private static void AssertWellFormed(CliRunner.Outcome outcome)
    {
        Assert.NotEmpty(outcome.ErrorLines);
        foreach (var line in outcome.ErrorLines)
        {
            Assert.Matches(ErrorLine(), line);
        }

        Assert.DoesNotContain(outcome.Error.TrimEnd('\n'), c => char.IsControl(c) && c != '\n' || c is '\u2028' or '\u2029');
        Assert.DoesNotContain("Exception", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.ErrorLines, l => l.StartsWith(": ", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\S.*: .+ \[SGL-[A-Z0-9-]+\]$")]
    private static partial Regex ErrorLine();
}
