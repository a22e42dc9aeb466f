using SglReference.Domain.Validation;

namespace SglReference.Domain.Tests;

public class ValidationErrorTests
{
    [Theory]
    [InlineData("a\r\nsgl: forged", "a\\u000D\\u000Asgl: forged")]
    [InlineData("\u001b]0;owned\u0007", "\\u001B]0;owned\\u0007")]
    [InlineData("right\u202Eleft", "right\\u202Eleft")]
    [InlineData("x\u2028y", "x\\u2028y")]
    [InlineData("caf\u00e9 \U0001F600", "caf\u00e9 \U0001F600")]
    public void Control_characters_are_escaped_in_printed_errors(string raw, string printed)
    {
        Assert.Equal($"{printed}: found {printed} [SGL-TEXT]", new ValidationError(raw, $"found {raw}", ErrorCodes.Text).ToString());
    }

    [Fact]
    public void A_lone_surrogate_is_escaped_in_printed_errors() =>
        Assert.Equal("lone \\uD800 surrogate: m [SGL-TEXT]", new ValidationError("lone " + (char)0xD800 + " surrogate", "m", ErrorCodes.Text).ToString());

    [Fact]
    public void An_error_never_prints_an_empty_path() =>
        Assert.Equal("$: is empty [SGL-JSON-SYNTAX]", new ValidationError(string.Empty, "is empty", ErrorCodes.JsonSyntax).ToString());

    [Fact]
    public void A_collector_lists_the_first_errors_and_counts_the_others()
    {
        var collector = new ErrorCollector(maxListed: 3);
        for (var i = 0; i < 10; i++)
        {
            collector.Add(new ValidationError($"p{i}", "m", ErrorCodes.Text));
        }

        var list = collector.ToList();
        Assert.Equal(["p0", "p1", "p2", "$"], list.Select(e => e.Path));
        Assert.Equal("$: 7 more error(s) not listed: only the first 3 are [SGL-TOO-MANY-ERRORS]", list[^1].ToString());
        Assert.Equal(7, ContractLimits.NotListedCount(list[^1]));
    }
}
