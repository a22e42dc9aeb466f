using SglReference.Domain.Validation;

namespace SglReference.Delivery.Tests;

public sealed class DeliveryPolicyTests
{
    private static readonly DeliveryPolicy Policy = new(10, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), 0.25);

    [Fact]
    public void The_backoff_doubles_up_to_its_maximum_and_the_jitter_only_shortens_it_by_its_share()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), Policy.BackoffAfter(1, 0));
        Assert.Equal(TimeSpan.FromSeconds(20), Policy.BackoffAfter(2, 0));
        Assert.Equal(TimeSpan.FromSeconds(80), Policy.BackoffAfter(4, 0));
        Assert.Equal(TimeSpan.FromMinutes(5), Policy.BackoffAfter(9, 0));
        Assert.Equal(TimeSpan.FromMinutes(5), Policy.BackoffAfter(60, 0));
        Assert.Equal(TimeSpan.FromSeconds(7.5), Policy.BackoffAfter(1, 1));
        var draws = Enumerable.Range(0, 100).Select(i => Policy.BackoffAfter(3, i / 100.0)).ToList();
        Assert.All(draws, d => Assert.InRange(d, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(40)));
        Assert.True(draws.Distinct().Count() > 50, "the jitter spreads messages that failed together");
    }

    [Theory]
    [InlineData(0, 10, 300, 0.2, "server.delivery.maxAttempts")]
    [InlineData(5, 10, 5, 0.2, "server.delivery.maxBackoffSeconds")]
    [InlineData(5, 10, 300, 1.5, "server.delivery.jitter")]
    public void A_policy_that_breaks_a_rule_names_the_setting(int attempts, int initial, int max, double jitter, string setting)
    {
        var ex = Assert.Throws<InvalidSettingException>(() => new DeliveryPolicy(attempts, TimeSpan.FromSeconds(initial), TimeSpan.FromSeconds(max), jitter).Validate());
        Assert.StartsWith(setting, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stored_error_text_keeps_no_patient_mailbox_no_nir_and_no_control_character()
    {
        var text = ErrorText.Safe("550 recipient 279035121518989@patient.mssante.fr refused\r\nINS 2790351215189 \u0007 NIR 279035121518989 for dr.house@hopital.mssante.fr");
        Assert.DoesNotContain("279035121518989", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2790351215189", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0007', text);
        Assert.DoesNotContain('\n', text);
        Assert.Contains("\\u0007", text, StringComparison.Ordinal);
        Assert.Contains("dr.house@hopital.mssante.fr", text, StringComparison.Ordinal); // professional mailboxes are not patient data
        Assert.True(ErrorText.Safe(new string('x', 5000)).Length <= ErrorText.MaxLength + 1);
    }
}
