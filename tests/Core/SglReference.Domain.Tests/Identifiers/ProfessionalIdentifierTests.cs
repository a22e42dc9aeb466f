using SglReference.Domain.Identifiers;
using SglReference.Domain.Validation;

namespace SglReference.Domain.Tests.Identifiers;

public class ProfessionalIdentifierTests
{
    [Theory]
    // RPPS of the prescriber in the ANS kit example TSH_1 (IDNPS 810002422979).
    [InlineData("10002422979")]
    // Hand-computed Luhn keys: 1000305987 -> 9, 1001234567 -> 3.
    [InlineData("10003059879")]
    [InlineData("10012345673")]
    public void Valid_rpps_pass(string rpps) => Assert.Null(Rpps.Check(rpps));

    [Theory]
    [InlineData("01234534765", ErrorCodes.RppsKey)]   // the ANS kit's author (IDNPS 801234534765) is a placeholder that fails Luhn
    [InlineData("10002422978", ErrorCodes.RppsKey)]
    [InlineData("1000242297", ErrorCodes.RppsFormat)]
    [InlineData("100024229790", ErrorCodes.RppsFormat)]
    [InlineData("1000242297A", ErrorCodes.RppsFormat)]
    public void Invalid_rpps_is_reported(string rpps, string code) => Assert.Equal(code, Rpps.Check(rpps)!.Value.Code);

    [Fact]
    public void Rpps_key_message_gives_the_right_digit() =>
        Assert.Equal("RPPS Luhn key mismatch: last digit should be 9", Rpps.Check("10002422978")!.Value.Message);

    [Fact]
    public void Idnps_is_8_followed_by_the_rpps()
    {
        Assert.Null(Rpps.CheckIdnps("810002422979"));
        Assert.Equal(ErrorCodes.IdnpsFormat, Rpps.CheckIdnps("10002422979")!.Value.Code);
        Assert.Equal(ErrorCodes.IdnpsFormat, Rpps.CheckIdnps("010002422979")!.Value.Code);
        Assert.Equal(ErrorCodes.RppsKey, Rpps.CheckIdnps("810002422978")!.Value.Code);
        Assert.Equal("81000242297", new Practitioner("1000242297", "X", null, null, null, null, null, ValueList<Telecom>.Empty, null).Idnps);
    }

    [Theory]
    // Published FINESS: AP-HP (entité juridique) and CHU de Bordeaux.
    [InlineData("750712184")]
    [InlineData("330781196")]
    // Hand-computed: 92000123 -> key 7.
    [InlineData("920001237")]
    // Corsica: format checked, key not (see Finess remarks).
    [InlineData("2A0001231")]
    public void Valid_finess_pass(string finess) => Assert.Null(Finess.Check(finess));

    [Theory]
    [InlineData("750712185", ErrorCodes.FinessKey)]
    [InlineData("92000123", ErrorCodes.FinessFormat)]
    [InlineData("9200012370", ErrorCodes.FinessFormat)]
    [InlineData("2C0001231", ErrorCodes.FinessFormat)]
    [InlineData("92000A237", ErrorCodes.FinessFormat)]
    public void Invalid_finess_is_reported(string finess, string code) => Assert.Equal(code, Finess.Check(finess)!.Value.Code);
}
