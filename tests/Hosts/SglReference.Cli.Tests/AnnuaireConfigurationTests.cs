namespace SglReference.Cli.Tests;

public class AnnuaireConfigurationTests
{
    [Theory]
    [InlineData("{\"annuaire\": {\"timeoutSeconds\": 0}}", "annuaire.timeoutSeconds: must be a number from 1 to 120")]
    [InlineData("{\"annuaire\": {\"baseUrl\": \"http://annuaire.example/fhir\"}}", "annuaire.baseUrl: must be an https URL")]
    [InlineData("{\"annuaire\": {\"mailboxType\": \"PERSO\"}}", "annuaire.mailboxType: must be \"PER\" or \"ORG\" or \"APP\"")]
    [InlineData("{\"annuaire\": {\"apiKey\": \"secret\"}}", "annuaire.apiKey: unknown setting")]
    public void A_wrong_annuaire_setting_is_exit_2_naming_it(string json, string expected)
    {
        var config = Path.Combine(Path.GetTempPath(), "sgl-annuaire-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(config, json);
        try
        {
            var outcome = CliRunner.Run("lookup-mss", "--rpps", "10002422979", "--config", config);
            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains(expected, outcome.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }
}
