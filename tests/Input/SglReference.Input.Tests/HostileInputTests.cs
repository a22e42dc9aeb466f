using System.Text;
using System.Text.Json.Nodes;
using JsonObject = System.Text.Json.Nodes.JsonObject;
using SglReference.Domain.Validation;
using SglReference.Input.Json;
using SglReference.Testing;

namespace SglReference.Input.Tests;

/// <summary>Inputs built to exhaust the reader: many errors, huge lists, escapes that are not Unicode text.</summary>
public class HostileInputTests
{
    private static byte[] Mutated(Action<JsonObject> mutate)
    {
        var node = JsonNode.Parse(File.ReadAllText(Repo.Fixture("biochemistry")))!.AsObject();
        mutate(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static JsonArray Repeat(JsonNode item, int count)
    {
        var array = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            array.Add(item.DeepClone());
        }

        return array;
    }

    /// <summary>30,000 bad results spread over every chapter and battery the contract allows (each yields several errors).</summary>
    private static byte[] ThirtyThousandBadResults() => Mutated(r =>
    {
        var battery = new JsonObject { ["title"] = "x", ["observations"] = Repeat(new JsonObject { ["label"] = 1 }, 3) };
        r["chapters"] = Repeat(new JsonObject { ["code"] = r["chapters"]![0]!["code"]!.DeepClone(), ["title"] = "x", ["batteries"] = Repeat(battery, ContractLimits.Batteries) }, ContractLimits.Chapters);
    });

    [Fact]
    public void Thirty_thousand_bad_results_list_the_first_thousand_errors_and_count_the_others()
    {
        // A hang guard, not a speed goal (perf/ has the benchmark): a quadratic merge would not finish in a minute.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var result = JsonReportReader.Read(ThirtyThousandBadResults(), ReportReadOptions.Default, guard.Token);

        Assert.False(result.IsValid);
        Assert.Equal(ContractLimits.ReportedErrors + 1, result.Errors.Count);
        Assert.Equal(("chapters[0].batteries[0].observations[0].label", ErrorCodes.Type), (result.Errors[0].Path, result.Errors[0].Code));
        var last = result.Errors[^1];
        Assert.Equal(("$", ErrorCodes.TooManyErrors), (last.Path, last.Code));
        Assert.True(ContractLimits.NotListedCount(last) >= 30_000 * 2, last.Message); // label, loinc and value of each result
        Assert.EndsWith("only the first 1000 are", last.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_read_stops_with_operation_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var input = ThirtyThousandBadResults();
        Assert.ThrowsAny<OperationCanceledException>(() => JsonReportReader.Read(input, ReportReadOptions.Default, cancelled.Token));
    }

    [Fact]
    public void Structural_and_semantic_errors_keep_their_order_and_drop_restatements()
    {
        // The structural error on value.value hides the semantic ones inside it; the unit error is kept.
        var result = JsonReportReader.Read(Mutated(r =>
        {
            var observation = r["chapters"]![0]!["batteries"]![0]!["observations"]![0]!;
            observation["value"]!["value"] = "1.05";
            observation["value"]!["unit"] = "g per L";
        }));
        Assert.Equal(
            [("chapters[0].batteries[0].observations[0].value.value", ErrorCodes.Type), ("chapters[0].batteries[0].observations[0].value.unit", ErrorCodes.UcumSyntax)],
            result.Errors.Select(e => (e.Path, e.Code)));
    }

    [Fact]
    public void A_million_address_lines_are_one_error_and_only_the_first_lines_are_read()
    {
        var result = JsonReportReader.Read(Mutated(r => r["patient"]!["address"]!["lines"] = Repeat(JsonValue.Create("28 avenue de Breteuil")!, 1_000_000)));
        var error = Assert.Single(result.Errors);
        Assert.Equal("patient.address.lines: has 1000000 items, at most 10 [SGL-CARDINALITY]", error.ToString());
    }

    [Theory]
    [InlineData("\"PAT\\ud800TROIS\"", "patient.birthName")]
    [InlineData("\"\\udfff\"", "patient.birthName")]
    [InlineData("\"\\udc00\\ud800\"", "patient.birthName")]
    public void A_lone_surrogate_escape_in_a_value_is_a_text_error_at_that_field(string json, string path)
    {
        var text = File.ReadAllText(Repo.Fixture("biochemistry")).Replace("\"PAT-TROIS\"", json, StringComparison.Ordinal);
        var result = JsonReportReader.Read(Encoding.UTF8.GetBytes(text));
        var error = Assert.Single(result.Errors);
        Assert.Equal((path, ErrorCodes.Text), (error.Path, error.Code));
        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_escape_in_a_property_name_is_named_as_written()
    {
        var text = File.ReadAllText(Repo.Fixture("biochemistry")).Replace("\"birthName\"", "\"birth\\ud800Name\"", StringComparison.Ordinal);
        var result = JsonReportReader.Read(Encoding.UTF8.GetBytes(text));
        Assert.Equal(
            [("patient.birth\\ud800Name", ErrorCodes.Text), ("patient.birthName", ErrorCodes.Required)],
            result.Errors.Select(e => (e.Path, e.Code)));
    }

    [Fact]
    public void A_lone_surrogate_in_resource_type_is_not_taken_for_a_fhir_bundle()
    {
        Assert.Equal(InputFormat.Json, InputDetection.Detect("{\"resourceType\": \"Bun\\ud800dle\"}"u8));
        Assert.Equal(InputFormat.Fhir, InputDetection.Detect("{\"resourceType\": \"Bundle\"}"u8));
    }

    [Fact]
    public void An_empty_property_name_has_a_path_that_is_not_empty()
    {
        var result = JsonReportReader.Read(Encoding.UTF8.GetBytes("{\"\": 1, " + File.ReadAllText(Repo.Fixture("biochemistry")).TrimStart()[1..]));
        var error = Assert.Single(result.Errors);
        Assert.Equal(("[\"\"]", ErrorCodes.UnknownProperty), (error.Path, error.Code));
    }

    [Fact]
    public void More_results_or_more_text_than_the_contract_allows_is_refused()
    {
        var results = JsonReportReader.Read(Mutated(r =>
        {
            var chapter = r["chapters"]![0]!;
            var battery = chapter["batteries"]![0]!;
            battery["observations"] = Repeat(battery["observations"]![0]!, ContractLimits.Observations);
            chapter["batteries"] = new JsonArray(battery.DeepClone());
            r["chapters"] = Repeat(chapter, 11);
        }));
        Assert.Equal("chapters: the report has 2200 results, at most 2000 [SGL-CARDINALITY]", Assert.Single(results.Errors).ToString());

        var text = JsonReportReader.Read(Mutated(r =>
        {
            var comments = Repeat(new JsonObject { ["text"] = new string('x', TextRules.CommentMaxLength) }, ContractLimits.Comments);
            r["comments"] = comments.DeepClone();
            r["chapters"]![0]!["comments"] = comments.DeepClone();
            r["chapters"]![0]!["batteries"]![0]!["comments"] = comments.DeepClone();
        }));
        var error = Assert.Single(text.Errors);
        Assert.Equal(("$", ErrorCodes.Cardinality), (error.Path, error.Code));
        Assert.StartsWith("the report holds 12", error.Message, StringComparison.Ordinal);
    }
}
