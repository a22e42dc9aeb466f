using System.Text;
using System.Text.Json.Nodes;
using SglReference.Domain.Validation;
using SglReference.Engine;
using SglReference.Hl7v2.Codec;
using SglReference.Hl7v2.Oru;
using SglReference.Hosting;
using SglReference.Input.Json;
using SglReference.Testing;

namespace SglReference.Hl7v2.Tests;

/// <summary>The contract's limits keep every ORU within what send-hl7 and an MLLP peer accept.</summary>
public class ContractLimitOruTests
{
    [Fact]
    public void A_report_at_the_contract_limits_renders_an_oru_send_hl7_accepts()
    {
        // As many results as the contract allows, their labels as long and as costly to escape as allowed ('&' and
        // '<' become 5- and 4-byte XML entities), the text budget spent: the heaviest ORU a valid report can make.
        var node = JsonNode.Parse(File.ReadAllText(Repo.Fixture("biochemistry")))!.AsObject();
        var chapter = node["chapters"]![0]!;
        var battery = chapter["batteries"]![0]!;
        var observation = battery["observations"]![0]!;
        const string unit = "&<é ";
        var budget = ContractLimits.TextCharacters - 160_000; // what the rest of the report holds (codes, units, names: about 70 characters per result)
        var label = string.Concat(Enumerable.Repeat(unit, Math.Min(TextRules.LabelMaxLength, budget / ContractLimits.Results) / unit.Length)).Trim();
        observation["label"] = label;
        battery["observations"] = new JsonArray(Enumerable.Range(0, ContractLimits.Observations).Select(_ => (JsonNode)observation.DeepClone()).ToArray());
        chapter["batteries"] = new JsonArray(battery.DeepClone());
        node["chapters"] = new JsonArray(Enumerable.Range(0, ContractLimits.Results / ContractLimits.Observations).Select(_ => (JsonNode)chapter.DeepClone()).ToArray());
        var read = JsonReportReader.Read(Encoding.UTF8.GetBytes(node.ToJsonString()));
        Assert.True(read.IsValid, string.Join("\n", read.Errors.Take(5)));

        var configuration = SglConfiguration.Default with { Hl7 = Hl7Options.Default with { IncludeN1 = true } };
        var oru = Assert.Single(RenderCache.Render(read.Report!, configuration).Artifacts, a => a.Kind == ArtifactKinds.Hl7v2Oru).Content;

        Assert.True(oru.Length < Hl7Parser.MaxBytes / 2, $"the ORU has {oru.Length} bytes: the limits leave less than a factor 2 of margin");
        var summary = OruSummary.Read(Hl7Parser.Parse(oru.Span)); // what send-hl7 does before sending
        Assert.Equal(2, summary.DocumentIds.Count);
    }
}
