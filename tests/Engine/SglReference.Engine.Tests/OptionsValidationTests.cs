using SglReference.Domain.Documents;
using SglReference.Domain.Validation;
using SglReference.Hl7v2;
using SglReference.Hl7v2.Oru;
using SglReference.Hosting;
using SglReference.Mss;

namespace SglReference.Engine.Tests;

/// <summary>Every options type validates itself, in code as from a file, and names the setting it rejects.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("hl7.sendingApplication")]
    [InlineData("hl7.charset")]
    [InlineData("hl7.processingId")]
    [InlineData("hl7.replyTo")]
    public void Hl7_options_built_in_code_are_validated(string setting)
    {
        var options = setting switch
        {
            "hl7.sendingApplication" => Hl7Options.Default with { SendingApplication = "LAB|^X" },
            "hl7.charset" => Hl7Options.Default with { Charset = "ASCII" },
            "hl7.processingId" => Hl7Options.Default with { ProcessingId = "X" },
            _ => Hl7Options.Default with { ReplyTo = "not-an-address" },
        };
        var error = Assert.Throws<InvalidSettingException>(() => new Hl7v2Channel(options));
        Assert.Equal(setting, error.Setting);
        Assert.StartsWith(setting + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mss_options_built_in_code_are_validated()
    {
        Assert.Equal("mss.productNumber", Assert.Throws<InvalidSettingException>(() => new MssChannel(MssOptions.Default with { ProductNumber = "A B" })).Setting);
        Assert.Equal("mss.sender", Assert.Throws<InvalidSettingException>(() => new MssChannel(MssOptions.Default with { Sender = "x@gmail.com" })).Setting);
    }

    [Fact]
    public void Document_and_pdf_settings_are_validated()
    {
        Assert.Equal("documents.versions", Assert.Throws<InvalidSettingException>(() => (DocumentSettings.Default with { Versions = (DocumentVersions)7 }).Validate()).Setting);
        Assert.Equal("pdf.fontFolder", Assert.Throws<InvalidSettingException>(() => new PdfOptions(FontFolder: string.Empty).Validate()).Setting);
    }

    [Theory]
    [InlineData("""{"hl7": {"includeN1": "yes"}}""", "hl7.includeN1: must be true or false, found a string")]
    [InlineData("""{"hl7": {"charset": "ASCII"}}""", "hl7.charset: must be \"UNICODE UTF-8\" or \"8859/15\", found \"ASCII\"")]
    [InlineData("""{"hl7": {"sendingApplication": 12}}""", "hl7.sendingApplication: must be a string, found a number")]
    [InlineData("""{"documents": {"professionalOnlyComments": "interpretation"}}""", "documents.professionalOnlyComments: must be an array")]
    [InlineData("""{"mss": {"sender": "lab@example.com"}}""", "mss.sender: ")]
    [InlineData("""{"pdf": {"renderer": "wkhtml"}}""", "pdf.renderer: the PDF renderer must be \"pdfsharp\", \"pdfpig\" or \"builtin\"")]
    [InlineData("""{"hl7": {"charset": "UNICODE UTF-8", "charset": "8859/15"}}""", "hl7.charset: appears twice")]
    [InlineData("""{"laboratories": [{"name": "X"}]}""", "laboratories[0].finessGeographique: is required")]
    public void A_wrong_configuration_value_names_the_setting(string json, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => SglConfiguration.Parse(System.Text.Encoding.UTF8.GetBytes(json), "sgl.json"));
        Assert.True(error.IsInvalidSetting);
        Assert.Contains("sgl.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_channel_registered_twice_or_a_lab_naming_an_unknown_channel_is_refused()
    {
        var twice = new SglEngineBuilder().AddChannel(new Hl7v2Channel(Hl7Options.Default)).AddChannel(new Hl7v2Channel(Hl7Options.Default));
        Assert.Equal("channels", Assert.Throws<InvalidSettingException>(twice.Build).Setting);
        var lab = Testing.Repo.Load("thyroid").Laboratory;
        var unknown = new SglEngineBuilder().AddChannel(new Hl7v2Channel(Hl7Options.Default))
            .AddLaboratory(new Domain.LabProfile(lab, DocumentSettings.Default, new Domain.ChannelSwitches(new Dictionary<string, bool> { ["fax"] = true })));
        Assert.Equal("laboratories[0].channels.fax", Assert.Throws<InvalidSettingException>(unknown.Build).Setting);
    }
}
