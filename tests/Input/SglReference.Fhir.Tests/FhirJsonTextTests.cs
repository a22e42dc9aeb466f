using SglReference.Domain.Validation;
using SglReference.Testing;

namespace SglReference.Fhir.Tests;

/// <summary>
/// Issue 11: JSON text the Firely parser throws on (an exception, exit 1 "unexpected …Exception") is an input error
/// naming the element: a lone surrogate in a string or a key, an empty property name, a key repeated after an array.
/// </summary>
public class FhirJsonTextTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "lone high surrogate in a string", "\"family\": \"MOREAU\"|\"family\": \"MOR\\uD800EAU\"", "Bundle.entry[3].resource.name[0].family" },
        { "lone low surrogate in a key", "\"gender\": \"male\"|\"gender\": \"male\", \"\\uDC00x\": 1", "Bundle.entry[3].resource" },
        { "empty property name", "\"gender\": \"male\"|\"gender\": \"male\", \"\": 1", "Bundle.entry[3].resource" },
        { "a key repeated after an array, as a string", "\"type\": \"transaction\"|\"type\": \"transaction\", \"link\": [{\"relation\": \"self\", \"url\": \"http://x\"}], \"link\": \"x\"", "Bundle.link" },
        { "a key repeated after an array, as an object", "\"type\": \"transaction\"|\"type\": \"transaction\", \"link\": [{\"relation\": \"self\", \"url\": \"http://x\"}], \"link\": {\"relation\": \"self\"}", "Bundle.link" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Broken_json_text_is_an_input_error_naming_the_element(string name, string edit, string path)
    {
        var result = FhirBundleReader.Read(Mutated(edit));
        Assert.False(result.IsValid, name);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.FhirParse, error.Code);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void A_surrogate_pair_written_as_escapes_is_text()
    {
        var result = FhirBundleReader.Read(Mutated("\"family\": \"MOREAU\"|\"family\": \"MOREAU \\uD83D\\uDE00\""), SglReference.Input.ReportReadOptions.Default with
        {
            Laboratories = [SglReference.Input.Json.JsonReportReader.ReadFile(Repo.Fixture("biochemistry")).Report!.Laboratory],
        });
        Assert.DoesNotContain(result.Errors, e => e.Code == ErrorCodes.FhirParse);
    }

    internal static byte[] Mutated(string edit)
    {
        var (from, to) = (edit[..edit.IndexOf('|', StringComparison.Ordinal)], edit[(edit.IndexOf('|', StringComparison.Ordinal) + 1)..]);
        var text = File.ReadAllText(Path.Combine(Repo.Fixtures, "fhir", "eu", "culture-transaction.json"));
        Assert.Contains(from, text, StringComparison.Ordinal);
        var index = text.IndexOf(from, StringComparison.Ordinal);
        return System.Text.Encoding.UTF8.GetBytes(text[..index] + to + text[(index + from.Length)..]);
    }
}
