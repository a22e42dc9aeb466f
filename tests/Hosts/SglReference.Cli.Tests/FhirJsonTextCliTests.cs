using SglReference.Testing;

namespace SglReference.Cli.Tests;

/// <summary>Issue 11: FHIR JSON text the Firely parser throws on gives exit 2 and the element, never "unexpected …Exception".</summary>
public class FhirJsonTextCliTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "lone surrogate in a string", "\"family\": \"MOREAU\"|\"family\": \"MOR\\uD800EAU\"", "Bundle.entry[3].resource.name[0].family: " },
        { "lone surrogate in a key", "\"gender\": \"male\"|\"gender\": \"male\", \"\\uDC00x\": 1", "Bundle.entry[3].resource: " },
        { "empty property name", "\"gender\": \"male\"|\"gender\": \"male\", \"\": 1", "Bundle.entry[3].resource: " },
        { "key repeated after an array", "\"type\": \"transaction\"|\"type\": \"transaction\", \"link\": [{\"relation\": \"self\", \"url\": \"http://x\"}], \"link\": \"x\"", "Bundle.link: " },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_and_render_exit_2_naming_the_element(string name, string edit, string prefix)
    {
        using var temp = Repo.TempDirectory();
        var input = temp.File("input.json");
        var text = File.ReadAllText(Path.Combine(Repo.Fixtures, "fhir", "eu", "culture-transaction.json"));
        var (from, to) = (edit[..edit.IndexOf('|', StringComparison.Ordinal)], edit[(edit.IndexOf('|', StringComparison.Ordinal) + 1)..]);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, name);
        File.WriteAllText(input, text[..at] + to + text[(at + from.Length)..]);

        foreach (var args in new[] { new[] { "check", input }, ["render", input, "--out", temp.File("out")] })
        {
            var outcome = CliRunner.Run(args);
            Assert.Equal(2, outcome.ExitCode);
            var line = Assert.Single(outcome.ErrorLines);
            Assert.StartsWith(prefix, line, StringComparison.Ordinal);
            Assert.EndsWith("[SGL-FHIR-PARSE]", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", outcome.Error, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(temp.File("out")));
    }
}
