using System.Text;
using SglReference.Domain.Validation;
using SglReference.Hosting;
using SglReference.Testing;

namespace SglReference.Dmp.Tests;

/// <summary>The DMP settings validate themselves and name what is wrong.</summary>
public sealed class DmpOptionsTests(DmpRendering rendering) : IClassFixture<DmpRendering>
{
    private DmpOptions Valid => rendering.Kit.Configuration.Dmp!.Load();

    [Fact]
    public void The_authentication_certificate_must_not_be_the_signature_certificate()
    {
        var options = Valid with { AuthenticationCertificate = Valid.Structures[0].SigningCertificate };
        var ex = Assert.Throws<InvalidSettingException>(() => options.Validate());
        Assert.StartsWith("dmp.authenticationCertificate: must differ from the signature certificate", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://dmp.example/services", "dmp.endpoint")]
    [InlineData("https://dmp.example/services?x=1", "dmp.endpoint")]
    public void The_endpoint_is_an_https_base(string endpoint, string setting)
    {
        var ex = Assert.Throws<InvalidSettingException>(() => (Valid with { Endpoint = new Uri(endpoint) }).Validate());
        Assert.StartsWith(setting + ":", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_setting_names_itself_when_it_breaks_its_rule()
    {
        Assert.StartsWith("dmp.lps.homologation:", Assert.Throws<InvalidSettingException>(() => (Valid with { Lps = Valid.Lps with { Homologation = "" } }).Validate()).Message, StringComparison.Ordinal);
        Assert.StartsWith("dmp.sector:", Assert.Throws<InvalidSettingException>(() => (Valid with { Sector = "25" }).Validate()).Message, StringComparison.Ordinal);
        Assert.StartsWith("dmp.attempts:", Assert.Throws<InvalidSettingException>(() => (Valid with { Attempts = 0 }).Validate()).Message, StringComparison.Ordinal);
        Assert.StartsWith("dmp.signatureCertificates:", Assert.Throws<InvalidSettingException>(() => (Valid with { Structures = [] }).Validate()).Message, StringComparison.Ordinal);
        Assert.StartsWith("dmp.signatureCertificates[1].structureId:", Assert.Throws<InvalidSettingException>(() => (Valid with { Structures = [Valid.Structures[0], Valid.Structures[0]] }).Validate()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_structure_of_a_signature_certificate_is_its_OU()
    {
        Assert.Equal(DmpPeer.Structures, Valid.Structures.Select(s => s.Identifier));
    }

    [Theory]
    [InlineData("{\"dmp\": {\"endpoint\": \"https://x/s\", \"lps\": {\"id\":\"a\",\"name\":\"b\",\"version\":\"c\",\"homologation\":\"d\"}, \"signatureCertificates\": [{\"path\":\"s.pem\"}], \"digest\": \"md5\"}}", "dmp.digest: must be \"sha1\" or \"sha256\"")]
    [InlineData("{\"dmp\": {\"endpoint\": \"https://x/s\", \"lps\": {\"id\":\"a\",\"name\":\"b\",\"version\":\"c\",\"homologation\":\"d\"}, \"signatureCertificates\": [{\"path\":\"s.pem\"}], \"authenticationMode\": \"directe\"}}", "dmp.authenticationMode: must be")]
    [InlineData("{\"dmp\": {\"endpoint\": \"https://x/s\", \"lps\": {\"id\":\"a\",\"name\":\"b\",\"version\":\"c\",\"homologation\":\"d\"}, \"signatureCertificates\": [], \"vihf\": 1}}", "dmp.vihf: unknown setting")]
    [InlineData("{\"dmp\": {\"endpoint\": \"https://x/s\", \"lps\": {\"id\":\"a\",\"name\":\"b\",\"version\":\"c\",\"homologation\":\"d\"}, \"signatureCertificates\": []}}", "dmp.signatureCertificates: at least one")]
    [InlineData("{\"dmp\": {\"lps\": {\"id\":\"a\",\"name\":\"b\",\"version\":\"c\",\"homologation\":\"d\"}, \"signatureCertificates\": [{\"path\":\"s.pem\"}]}}", "dmp: endpoint is required")]
    public void A_broken_dmp_section_is_refused_with_the_setting_named(string json, string message)
    {
        var ex = Assert.Throws<ConfigurationException>(() => SglConfiguration.Parse(Encoding.UTF8.GetBytes(json), "test.json"));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_certificate_file_is_an_environment_failure_not_an_invalid_setting()
    {
        var configuration = rendering.Kit.Configuration with { Dmp = rendering.Kit.Configuration.Dmp! with { SignatureCertificates = [new DmpCertificateFile("/nonexistent/sign.pem")] } };
        var ex = Assert.Throws<ConfigurationException>(() => EngineFactory.Create(configuration, withPdf: false));
        Assert.False(ex.IsInvalidSetting);
        Assert.StartsWith("dmp: cannot load the certificate /nonexistent/sign.pem", ex.Message, StringComparison.Ordinal);
    }
}
