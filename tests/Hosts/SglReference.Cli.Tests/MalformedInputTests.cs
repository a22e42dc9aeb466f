using System.Text.RegularExpressions;
using SglReference.Testing;

namespace SglReference.Cli.Tests;

public partial class MalformedInputTests
{
    public static TheoryData<MalformedCase> Cases => new(MalformedInputCorpus.All);

    [Fact]
    public void The_corpus_has_at_least_sixty_cases() => Assert.True(MalformedInputCorpus.All.Count >= 60, $"{MalformedInputCorpus.All.Count} cases");

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
        Assert.NotEmpty(outcome.ErrorLines);
        foreach (var line in outcome.ErrorLines)
        {
            Assert.Matches(ErrorLine(), line);
        }

        Assert.DoesNotContain("Exception", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Error, StringComparison.Ordinal);
        var expected = outcome.ErrorLines.Where(l => l.EndsWith($"[{testCase.Code}]", StringComparison.Ordinal)).ToList();
        Assert.True(expected.Count > 0, $"expected [{testCase.Code}] in:\n{outcome.Error}");
        if (testCase.Path is { } path)
        {
            Assert.Contains(expected, l => l.StartsWith(path, StringComparison.Ordinal));
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

    [GeneratedRegex(@"^\S.*: .+ \[SGL-[A-Z0-9-]+\]$")]
    private static partial Regex ErrorLine();
}
