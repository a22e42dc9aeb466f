using SglReference.Domain.Identifiers;
using SglReference.Domain.Validation;

namespace SglReference.Domain.Tests.Identifiers;

public class SyntaxRuleTests
{
    [Theory]
    [InlineData("1.2.250.1.213.1.4.8")]
    [InlineData("2.16.840.1.113883.6.1")]
    [InlineData("0.0")]
    [InlineData("2.25.329800735698586629295641978511506172918")]
    [InlineData("1.39")]
    public void Valid_oids_pass(string oid) => Assert.Null(Oid.Check(oid));

    [Theory]
    [InlineData("1.2.03")]
    [InlineData("1..2")]
    [InlineData(".1.2")]
    [InlineData("1.2.")]
    [InlineData("3.1")]
    [InlineData("1.40")]
    [InlineData("1")]
    [InlineData("1.2.a")]
    [InlineData("urn:oid:1.2.3")]
    [InlineData("1.2.250.1.213.1.1.9.1.2.250.1.213.1.1.9.1.2.250.1.213.1.1.9.1.2222")]
    public void Invalid_oids_are_reported(string oid) => Assert.Equal(ErrorCodes.OidSyntax, Oid.Check(oid)!.Value.Code);

    [Theory]
    [InlineData("2345-7")]   // Glucose
    [InlineData("11502-2")]  // CR d'examens biologiques
    [InlineData("3016-3")]   // TSH
    [InlineData("18719-5")]  // Biochimie
    [InlineData("2160-0")]   // Créatinine: check digit 0
    [InlineData("6301-6")]   // INR
    public void Valid_loinc_pass(string code) => Assert.Null(LoincCode.Check(code));

    [Theory]
    [InlineData("2345-8", ErrorCodes.LoincKey)]
    [InlineData("11502-3", ErrorCodes.LoincKey)]
    [InlineData("2345", ErrorCodes.LoincFormat)]
    [InlineData("2345-77", ErrorCodes.LoincFormat)]
    [InlineData("LP1234-5", ErrorCodes.LoincFormat)]
    [InlineData("12345678-9", ErrorCodes.LoincFormat)]
    [InlineData("-7", ErrorCodes.LoincFormat)]
    public void Invalid_loinc_is_reported(string code, string expected) => Assert.Equal(expected, LoincCode.Check(code)!.Value.Code);

    [Theory]
    [InlineData("g/L")]
    [InlineData("mmol/L")]
    [InlineData("umol/L")]
    [InlineData("10*9/L")]
    [InlineData("10*12/L")]
    [InlineData("m[IU]/L")]
    [InlineData("[IU]/L")]
    [InlineData("%")]
    [InlineData("/uL")]
    [InlineData("{CFU}/mL")]
    [InlineData("mL/min/{1.73_m2}")]
    [InlineData("mm[Hg]")]
    [InlineData("fL")]
    [InlineData("1")]
    [InlineData("mosm/kg")]
    [InlineData("kg/m2")]
    [InlineData("[arb'U]/mL")]
    [InlineData("mg/(24.h)")]
    [InlineData("m2.s-1")]
    [InlineData("dL")]
    public void Valid_ucum_units_pass(string unit) => Assert.Null(Ucum.Check(unit));

    [Theory]
    [InlineData("mUI/L", ErrorCodes.UcumAtom)]
    [InlineData("UI/L", ErrorCodes.UcumAtom)]       // international units are [IU]
    [InlineData("µmol/L", ErrorCodes.UcumSyntax)]  // µ is written u
    [InlineData("g /L", ErrorCodes.UcumSyntax)]
    [InlineData("mmol/", ErrorCodes.UcumSyntax)]
    [InlineData("g/L)", ErrorCodes.UcumSyntax)]
    [InlineData("(g/L", ErrorCodes.UcumSyntax)]
    [InlineData("{abc", ErrorCodes.UcumSyntax)]
    [InlineData("[IU/L", ErrorCodes.UcumSyntax)]
    [InlineData("", ErrorCodes.UcumSyntax)]
    public void Invalid_ucum_units_are_reported(string unit, string code) => Assert.Equal(code, Ucum.Check(unit)!.Value.Code);

    [Theory]
    [InlineData("75056")]
    [InlineData("2A004")]
    [InlineData("99134")]
    public void Valid_insee_codes_pass(string code) => Assert.Null(InseeCode.Check(code));

    [Theory]
    [InlineData("7505")]
    [InlineData("2C004")]
    [InlineData("ABCDE")]
    public void Invalid_insee_codes_are_reported(string code) => Assert.Equal(ErrorCodes.InseeCode, InseeCode.Check(code)!.Value.Code);

    [Theory]
    [InlineData("anne.leroy@medecin.mssante.fr")]
    [InlineData("279035121518989@patient.mssante.fr")]
    [InlineData("cr-bio@labo-charmes.mssante.fr")]
    public void Valid_mssante_addresses_pass(string address) => Assert.Null(MssanteAddress.Check(address));

    [Theory]
    [InlineData("anne.leroy@gmail.com")]
    [InlineData("no-at-sign")]
    [InlineData("a@b@medecin.mssante.fr")]
    [InlineData("é@medecin.mssante.fr")]
    [InlineData("anne@mssante.fr.evil.com")]
    public void Invalid_mssante_addresses_are_reported(string address) => Assert.Equal(ErrorCodes.MssanteAddress, MssanteAddress.Check(address)!.Value.Code);

    [Fact]
    public void Patient_mailbox_is_the_ins_at_patient_mssante_fr() =>
        Assert.Equal("279035121518989@patient.mssante.fr", MssanteAddress.ForPatient(new Ins("279035121518989", CodeSystems.InsNirTest)));

    [Theory]
    [InlineData("ligne\u0001", "control character U+0001")]
    [InlineData("a\nb", "control character U+000A")]
    [InlineData("   ", "must not be empty")]
    public void Single_line_text_rules(string text, string expected) =>
        Assert.Contains(expected, TextRules.Check(text, 100, multiline: false)!.Value.Message, StringComparison.Ordinal);

    [Fact]
    public void Lone_surrogates_are_refused()
    {
        var text = "abc" + (char)0xD83E;
        Assert.Contains("lone surrogate", TextRules.Check(text, 100, multiline: true)!.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multiline_text_keeps_tabs_newlines_and_emoji() =>
        Assert.Null(TextRules.Check("ligne 1\n\tligne 2 🧪 ]]> <b>&amp;</b>", 100, multiline: true));
}
