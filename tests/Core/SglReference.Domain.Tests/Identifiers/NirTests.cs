using SglReference.Domain;
using SglReference.Domain.Identifiers;
using SglReference.Domain.Validation;

namespace SglReference.Domain.Tests.Identifiers;

public class NirTests
{
    [Theory]
    // The ANS test patient PAT-TROIS DOMINIQUE (kit example BIO-CR-BIO_2024.01_TSH_1.xml, HL7 examples): key 89.
    [InlineData("279035121518989", InsKind.NirTest)]
    // Hand-computed: n = 1850775056123, n mod 97 = 74, key = 97 - 74 = 23.
    [InlineData("185077505612323", InsKind.Nir)]
    // Corsica 2A: 180012A001001 is read as 1800119001001, n mod 97 = 36, key = 61.
    [InlineData("180012A00100161", InsKind.Nir)]
    // Corsica 2B: 290092B012345 is read as 2900918012345, n mod 97 = 28, key = 69.
    [InlineData("290092B01234569", InsKind.NirDemo)]
    // An NIA starts with 7 or 8 and keeps the NIR key.
    [InlineData("876129913400144", InsKind.Nia)]
    public void Valid_matricules_pass(string matricule, InsKind kind) => Assert.Null(Nir.Check(matricule, kind));

    [Fact]
    public void Key_is_97_minus_n_mod_97()
    {
        Assert.Equal(89, Nir.ComputeKey("2790351215189"));
        Assert.Equal(23, Nir.ComputeKey("1850775056123"));
        Assert.Equal(61, Nir.ComputeKey("180012A001001"));
        Assert.Equal(69, Nir.ComputeKey("290092B012345"));
    }

    [Theory]
    [InlineData("279035121518988", ErrorCodes.NirKey)]     // last digit changed
    [InlineData("123456789012244", ErrorCodes.NirKey)]     // the FR Core Patient INS example value: its key should be 12
    [InlineData("180012B00100161", ErrorCodes.NirKey)]     // 2A key used with 2B
    [InlineData("27903512151898", ErrorCodes.NirFormat)]   // 14 characters
    [InlineData("2790351215189899", ErrorCodes.NirFormat)] // 16 characters
    [InlineData("27903512151898A", ErrorCodes.NirFormat)]  // letter outside the département
    [InlineData("279032C21518989", ErrorCodes.NirFormat)]  // 2C is no département
    [InlineData("979035121518989", ErrorCodes.NirFormat)]  // 9 is no sex digit
    [InlineData("779035121518989", ErrorCodes.NirFormat)]  // 7 starts an NIA, not a NIR
    public void Invalid_nir_is_reported(string matricule, string code)
    {
        var violation = Nir.Check(matricule, InsKind.Nir);
        Assert.NotNull(violation);
        Assert.Equal(code, violation.Value.Code);
    }

    [Fact]
    public void Key_mismatch_message_names_expected_key()
    {
        var violation = Nir.Check("279035121518988", InsKind.NirTest);
        Assert.Equal("NIR key mismatch: 97 - (n mod 97) gives 89, the matricule ends with 88", violation!.Value.Message);
    }

    [Theory]
    [InlineData("179035121518989")]
    [InlineData("279035121518989")]
    public void Nia_must_start_with_7_or_8(string matricule)
    {
        var violation = Nir.Check(matricule, InsKind.Nia);
        Assert.Equal(ErrorCodes.NiaFormat, violation!.Value.Code);
    }
}
