using SglReference.Input.Json;
using SglReference.Testing;

namespace SglReference.Conformance.Tests;

/// <summary>
/// The JSON Schema in schemas/ documents the input contract; ajv (an independent validator, npm) checks it against
/// every fixture, and must also refuse the malformed inputs whose fault a schema can express.
/// </summary>
[Trait("Needs", "node")]
public class JsonSchemaConformanceTests
{
    private static readonly string Schema = Path.Combine(Repo.Root, "schemas", "crbio-report.schema.json");

    /// <summary>Corpus cases whose fault is structural (type, required, enum, pattern, unknown property).</summary>
    private static readonly string[] SchemaExpressible =
    [
        "revision as a string", "validatedAt as a number", "birthGivenNames as a string", "chapters as an object",
        "quantity value as a string", "delivery flag as a string", "telecom as a string", "patient as an array",
        "revision not whole", "interpretation as a number", "reportId missing", "patient missing", "birth name missing",
        "IPP missing", "lab OIDs missing", "order number missing", "no chapter",
        "status not in the contract", "sex X", "identity status in French", "date-time without offset", "French date",
        "misspelt property", "unknown value type", "comparator as a symbol", "text property on a quantity",
        "NIR of 14 characters", "INS OID not an INS domain", "RPPS of 10 digits", "FINESS with a letter",
        "document OID with a leading zero", "IPP authority as a URN", "unit with a space", "LOINC part code",
        "interpretation outside the value set", "birth place of 4 digits", "MSSanté address outside mssante.fr",
        "title outside JDV_J246", "report id with a path separator", "given names empty", "top-level array",
        "top-level string", "top-level null",
    ];

    [Fact]
    public void Every_fixture_conforms_to_the_schema()
    {
        ExternalProcess.RequireNodeTools();
        var fixtures = Directory.GetFiles(Repo.Fixtures, "*.json");
        var result = ExternalProcess.Run("node", [Path.Combine(ExternalProcess.ToolsDirectory, "validate-schema.mjs"), Schema, .. fixtures]);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(fixtures.Length, result.StandardOutput.Split('\n').Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
        Assert.True(fixtures.Length >= 12);
    }

    [Fact]
    public void Ajv_and_the_reader_both_refuse_structural_faults()
    {
        ExternalProcess.RequireNodeTools();
        using var temp = Repo.TempDirectory();
        var cases = MalformedInputCorpus.All.Where(c => SchemaExpressible.Contains(c.Name)).ToList();
        Assert.True(cases.Count >= 40, $"{cases.Count} cases");
        var files = new List<string>();
        foreach (var testCase in cases)
        {
            var bytes = testCase.Bytes();
            Assert.False(JsonReportReader.Read(bytes).IsValid, testCase.Name);
            var file = temp.File(files.Count + ".json");
            File.WriteAllBytes(file, bytes);
            files.Add(file);
        }

        var result = ExternalProcess.Run("node", [Path.Combine(ExternalProcess.ToolsDirectory, "validate-schema.mjs"), Schema, .. files]);
        var accepted = result.StandardOutput.Split('\n').Where(l => l.StartsWith("ok ", StringComparison.Ordinal)).ToList();
        Assert.True(accepted.Count == 0, "ajv accepted: " + string.Join(", ", accepted.Select(a => cases[files.IndexOf(a[3..])].Name)));
    }
}
