using SglReference.Input.Json;
using SglReference.Testing;

namespace SglReference.Input.Tests;

/// <summary>schemas/crbio-report.schema.json states the same list limits as the reader: ajv (independent) agrees with it.</summary>
[Trait("Needs", "node")]
public class ContractLimitSchemaTests
{
    [Fact]
    public void Ajv_refuses_every_list_over_its_limit_as_the_reader_does_and_accepts_every_fixture()
    {
        ExternalProcess.RequireNodeTools();
        using var temp = Repo.TempDirectory();
        var cases = MalformedInputCorpus.All.Where(c => c.Name.EndsWith("over the limit", StringComparison.Ordinal) || c.Name == "revision beyond 9999").ToList();
        Assert.True(cases.Count >= 16, $"{cases.Count} cases");
        var files = new List<string>();
        foreach (var testCase in cases)
        {
            var bytes = testCase.Bytes();
            Assert.False(JsonReportReader.Read(bytes).IsValid, testCase.Name);
            files.Add(temp.File(files.Count + ".json"));
            File.WriteAllBytes(files[^1], bytes);
        }

        var schema = Path.Combine(Repo.Root, "schemas", "crbio-report.schema.json");
        var result = ExternalProcess.Run("node", [Path.Combine(ExternalProcess.ToolsDirectory, "validate-schema.mjs"), schema, .. files]);
        var lines = result.StandardOutput.Split('\n');
        var accepted = lines.Where(l => l.StartsWith("ok ", StringComparison.Ordinal)).Select(l => cases[files.IndexOf(l[3..])].Name).ToList();
        Assert.True(accepted.Count == 0, "ajv accepted: " + string.Join(", ", accepted));
        Assert.Equal(cases.Count, lines.Count(l => l.Contains("must NOT have more than", StringComparison.Ordinal) || l.Contains("must be <= 9999", StringComparison.Ordinal)));
    }
}
