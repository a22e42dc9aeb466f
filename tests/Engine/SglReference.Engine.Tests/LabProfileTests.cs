using System.Text;
using System.Text.Json.Nodes;
using SglReference.Domain.Documents;
using SglReference.Domain.Validation;
using SglReference.Hosting;
using SglReference.Input;
using SglReference.Testing;

namespace SglReference.Engine.Tests;

/// <summary>What belongs to the lab comes from its profile; a report that carries its laboratory renders as before.</summary>
public sealed class LabProfileTests
{
    private static JsonObject Fixture(string name) => JsonNode.Parse(File.ReadAllText(Repo.Fixture(name)))!.AsObject();

    /// <summary>A configuration whose laboratories are the fixture's lab (single version, no PFI) and a second lab.</summary>
    private static SglConfiguration Configuration(bool twoLabs)
    {
        var lab = Fixture("biochemistry")["laboratory"]!.DeepClone().AsObject();
        lab["versions"] = "single";
        lab["channels"] = new JsonObject { ["hl7v2"] = false };
        var labs = new JsonArray { lab };
        if (twoLabs)
        {
            var other = Fixture("biochemistry")["laboratory"]!.DeepClone().AsObject();
            other["name"] = "Laboratoire des Tilleuls";
            other["finessGeographique"] = "750000010"; // Luhn-valid FINESS
            labs.Add(other);
        }

        var json = new JsonObject { ["laboratories"] = labs }.ToJsonString();
        return SglConfiguration.Parse(Encoding.UTF8.GetBytes(json), "sgl.json");
    }

    private static byte[] WithoutLaboratory(string? finess = null)
    {
        var report = Fixture("biochemistry");
        report.Remove("laboratory");
        if (finess is not null)
        {
            report["laboratoryFiness"] = finess;
        }

        return Encoding.UTF8.GetBytes(report.ToJsonString());
    }

    [Fact]
    public void A_report_without_laboratory_takes_the_only_profile_and_its_choices()
    {
        var engine = RenderCache.Engine(Configuration(twoLabs: false));
        var read = engine.Read(WithoutLaboratory());
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        Assert.Equal(Repo.Load("biochemistry").Laboratory, read.Report!.Laboratory);
        var package = engine.Render(new RenderRequest(read.Report));
        Assert.All(package.Documents.All, d => Assert.Equal(Audience.All, d.Audience)); // the lab's "single" choice
        Assert.DoesNotContain(package.Messages, m => m.Channel == "hl7v2"); // the lab turned its PFI channel off
        Assert.Contains(package.Messages, m => m.Channel == "mss");
    }

    [Fact]
    public void With_several_profiles_the_report_names_its_lab_by_finess()
    {
        var engine = RenderCache.Engine(Configuration(twoLabs: true));
        var named = engine.Read(WithoutLaboratory("750000010"));
        Assert.True(named.IsValid, string.Join("\n", named.Errors));
        Assert.Equal("Laboratoire des Tilleuls", named.Report!.Laboratory.Name);

        var unnamed = engine.Read(WithoutLaboratory());
        var error = Assert.Single(unnamed.Errors);
        Assert.Equal(("laboratory", ErrorCodes.Required), (error.Path, error.Code));

        var unknown = engine.Read(WithoutLaboratory("130000001"));
        Assert.Contains(unknown.Errors, e => e.Path == "laboratoryFiness" && e.Code == ErrorCodes.Reference);
    }

    [Fact]
    public void A_report_that_carries_its_laboratory_renders_as_before_with_its_labs_choices()
    {
        var engine = RenderCache.Engine(Configuration(twoLabs: false));
        var read = engine.Read(File.ReadAllBytes(Repo.Fixture("biochemistry")), InputFormat.Json);
        Assert.True(read.IsValid);
        var package = engine.Render(new RenderRequest(read.Report!));
        Assert.All(package.Documents.All, d => Assert.Equal(Audience.All, d.Audience)); // same FINESS: the profile's choices
        var withoutProfiles = RenderCache.Default.Render(new RenderRequest(read.Report!));
        Assert.Equal(6, withoutProfiles.Documents.All.Count); // the deployment's defaults: two versions
    }

    [Fact]
    public void A_report_without_laboratory_and_no_profile_is_told_the_field_is_required()
    {
        var read = RenderCache.Default.Read(WithoutLaboratory());
        var error = Assert.Single(read.Errors);
        Assert.Equal(("laboratory", ErrorCodes.Required), (error.Path, error.Code));
    }

    [Fact]
    public void A_profile_is_checked_by_the_rules_of_the_contracts_laboratory()
    {
        var lab = Fixture("biochemistry")["laboratory"]!.DeepClone().AsObject();
        lab["finessGeographique"] = "750000011"; // wrong Luhn key
        var json = new JsonObject { ["laboratories"] = new JsonArray { lab } }.ToJsonString();
        var error = Assert.Throws<ConfigurationException>(() => SglConfiguration.Parse(Encoding.UTF8.GetBytes(json), "sgl.json"));
        Assert.Contains("laboratories[0].finessGeographique", error.Message, StringComparison.Ordinal);
        Assert.Contains("[SGL-FINESS-KEY]", error.Message, StringComparison.Ordinal);
    }
}
