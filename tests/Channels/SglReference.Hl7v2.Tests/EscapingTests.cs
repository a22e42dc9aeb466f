using System.Text;
using SglReference.Hl7v2.Codec;

namespace SglReference.Hl7v2.Tests;

/// <summary>HL7 v2.5 §2.7 escape sequences, table-driven, and round-trips of arbitrary text through encoder and parser.</summary>
public sealed class EscapingTests
{
    private static readonly Hl7Delimiters D = Hl7Delimiters.Standard;

    [Theory]
    [InlineData("a|b", @"a\F\b")]
    [InlineData("a^b", @"a\S\b")]
    [InlineData("a&b", @"a\T\b")]
    [InlineData("a~b", @"a\R\b")]
    [InlineData(@"a\b", @"a\E\b")]
    [InlineData("line 1\nline 2", @"line 1\.br\line 2")]
    [InlineData("line 1\r\nline 2", @"line 1\.br\line 2")]
    [InlineData("tab\there", @"tab\X09\here")]
    [InlineData(@"\F\", @"\E\F\E\")]
    [InlineData("O'Brien", "O'Brien")]
    [InlineData("Zoë ÉLODIE", "Zoë ÉLODIE")]
    [InlineData("", "")]
    public void Escape_writes_the_standard_sequences(string text, string escaped)
    {
        Assert.Equal(escaped, Hl7Escaping.Escape(text, D));
    }

    [Theory]
    [InlineData(@"a\F\b\S\c\T\d\R\e\E\f", "a|b^c&d~e\\f")]
    [InlineData(@"x\.br\y", "x\ny")]
    [InlineData(@"\X09\", "\t")]
    [InlineData(@"\XC3A9\", "é")] // UTF-8 bytes of é
    [InlineData(@"\H\bold\N\", "bold")]
    [InlineData(@"unknown \Z1\ kept", @"unknown \Z1\ kept")]
    [InlineData(@"dangling \ escape", @"dangling \ escape")]
    public void Unescape_reads_the_standard_sequences(string escaped, string text)
    {
        Assert.Equal(text, Hl7Escaping.Unescape(escaped, D, Encoding.UTF8));
    }

    [Fact]
    public void Hex_escapes_decode_in_the_message_charset()
    {
        Assert.Equal("é", Hl7Escaping.Unescape(@"\XE9\", D, Hl7Charset.For(Hl7Charset.Latin9)));
        Assert.Equal("€", Hl7Escaping.Unescape(@"\XA4\", D, Hl7Charset.For(Hl7Charset.Latin9)));
    }

    public static TheoryData<string> Names => new()
    {
        "LE GOFF-O'NEILL",
        "D'ARTAGNAN^Zoé",
        "Müller & Söhne | GmbH",
        "Ærøskøbing ~ Œuvre",
        "Ğüşiöç ĞÜŞİÖÇ",
        "Nguyễn Văn Đức",
        "Θεοδωράκης",
        "王小明",
        "Zoë 🧪 <test> \"quoted\" ]]>",
        @"back\slash\E\",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Non_ascii_names_round_trip_in_every_position(string name)
    {
        var segment = new Hl7Segment("PID")
            .Set(5, Hl7Field.Repeat(Hl7Repetition.Of(name, name), Hl7Repetition.Composite(Hl7Component.Sub(name, name))))
            .Set(11, name);
        var message = new Hl7Message([Header(Hl7Charset.Utf8), segment], D);
        var parsed = Hl7Parser.Parse(Hl7Encoder.Encode(message));
        var pid = parsed.First("PID")!;
        Assert.Equal(name, pid.Value(5, 1));
        Assert.Equal(name, pid.Value(5, 2));
        Assert.Equal(name, pid.Value(5, 1, 1, 2));
        Assert.Equal(name, pid.Value(5, 1, 2, 2));
        Assert.Equal(name, pid.Value(11));
    }

    [Fact]
    public void Random_text_round_trips_through_encoder_and_parser_in_both_charsets()
    {
        // Property: for any text, parse(encode(text)) == text (line breaks normalize to \n). 3,000 seeded cases.
        var random = new Random(20261123);
        const string alphabet = "|^~\\&abcXYZ 0123456789éèàçÉÈÀÇœŒ€'\"<>;:\t\n-_.,";
        for (var i = 0; i < 3000; i++)
        {
            var length = random.Next(0, 40);
            var chars = new char[length];
            for (var j = 0; j < length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            foreach (var charset in new[] { Hl7Charset.Utf8, Hl7Charset.Latin9 })
            {
                var obx = new Hl7Segment("NTE").Set(3, Hl7Field.Repeat(Hl7Repetition.Of(text, "x"), Hl7Repetition.Of("y", text)));
                var bytes = Hl7Encoder.Encode(new Hl7Message([Header(charset), obx], D));
                Assert.DoesNotContain((byte)'\n', bytes);
                var parsed = Hl7Parser.Parse(bytes).First("NTE")!;
                Assert.Equal(text, parsed.Value(3, 1, 1, 1));
                Assert.Equal(text, parsed.Value(3, 2, 1, 2));
            }
        }
    }

    [Fact]
    public void Latin9_messages_carry_single_byte_accents_and_the_euro_sign()
    {
        var nte = new Hl7Segment("NTE").Set(3, "Masqué 10 €");
        var bytes = Hl7Encoder.Encode(new Hl7Message([Header(Hl7Charset.Latin9), nte], D));
        Assert.Contains((byte)0xE9, bytes);
        Assert.Contains((byte)0xA4, bytes); // € in ISO 8859-15
        Assert.DoesNotContain((byte)0xC3, bytes);
        Assert.Equal("Masqué 10 €", Hl7Parser.Parse(bytes).First("NTE")!.Value(3));
    }

    private static Hl7Segment Header(string charset) => new Hl7Segment("MSH")
        .Set(9, Hl7Field.Of("ORU", "R01", "ORU_R01"))
        .Set(10, "1")
        .Set(12, "2.5")
        .Set(18, charset);
}

/// <summary>The wire bytes are the message text in the MSH-18 charset, whatever the size (the encoder writes them from the text's chunks).</summary>
public sealed class WireEncodingTests
{
    [Theory]
    [InlineData(Hl7Charset.Utf8, "Zoë ÉLODIE € 漢 𝄞😀 ")] // surrogate pairs cross the text's chunk boundaries
    [InlineData(Hl7Charset.Latin9, "Zoë ÉLODIE € œ ")]
    [InlineData("ASCII", "Zoe ELODIE ")]
    public void A_large_message_encodes_to_the_text_in_its_charset(string charset, string sample)
    {
        var message = Message(charset, string.Concat(Enumerable.Repeat(sample, 20_000)));
        var expected = Hl7Charset.For(charset).GetBytes(Hl7Encoder.EncodeText(message));
        Assert.True(expected.Length > 200_000);
        Assert.Equal(expected, Hl7Encoder.Encode(message));
    }

    [Fact]
    public void A_character_the_charset_cannot_carry_is_refused_not_replaced()
    {
        var message = Message(Hl7Charset.Latin9, new string('a', 50_000) + "漢");
        Assert.Throws<EncoderFallbackException>(() => Hl7Encoder.Encode(message));
    }

    private static Hl7Message Message(string charset, string text) => new(
        [new Hl7Segment("MSH").Set(9, "ORU^R01^ORU_R01").Set(12, "2.5").Set(18, charset), new Hl7Segment("OBX").Set(5, text)],
        Hl7Delimiters.Standard);
}
