using System.Text;
using SglReference.Engine;
using SglReference.Hl7v2.Codec;
using SglReference.Hl7v2.Oru;
using SglReference.Hosting;
using SglReference.Testing;

namespace SglReference.Hl7v2.Tests;

/// <summary>hl7.charset 8859/15 never turns a character into "?": what Latin-9 cannot carry keeps the ORU from being sent, with the reason.</summary>
public class CharsetTests
{
    private static readonly SglConfiguration Latin9 = SglConfiguration.Default with { Hl7 = Hl7Options.Default with { Charset = Hl7Charset.Latin9 } };

    [Fact]
    public void With_8859_15_a_name_outside_latin_9_is_not_sent_and_the_reason_names_the_character_and_the_field()
    {
        var thyroid = Repo.Load("thyroid");
        var report = thyroid with { Patient = thyroid.Patient with { BirthName = "WAŁĘSA" } };
        var package = RenderCache.Render(report, Latin9);

        Assert.DoesNotContain(package.Artifacts, a => a.Kind == ArtifactKinds.Hl7v2Oru);
        var channel = Assert.Single(package.Channels, c => c.Channel == Hl7v2Channel.ChannelName);
        Assert.False(channel.Planned);
        Assert.Contains("hl7.charset 8859/15 cannot carry the character U+0141 ('Ł') of PID-5 (patient name)", channel.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("WA", channel.Reason, StringComparison.Ordinal); // the reason holds no patient name
        Assert.Contains(package.Artifacts, a => a.Kind == ArtifactKinds.CdaN3); // the rest is produced

        // The same report in UTF-8 (the default) carries the name exactly.
        var utf8 = RenderCache.Render(report);
        var oru = Hl7Parser.Parse(Assert.Single(utf8.Artifacts, a => a.Kind == ArtifactKinds.Hl7v2Oru).Content.Span);
        Assert.Equal("WAŁĘSA", oru.First("PID")!.Value(5, 1));
    }

    [Fact]
    public void With_8859_15_latin_9_text_travels_in_one_byte_per_character_exactly()
    {
        var thyroid = Repo.Load("thyroid");
        var report = thyroid with { Patient = thyroid.Patient with { BirthName = "ŒUVRÉ-ŸVES" } };
        var bytes = Assert.Single(RenderCache.Render(report, Latin9).Artifacts, a => a.Kind == ArtifactKinds.Hl7v2Oru).Bytes();
        Assert.Contains((byte)0xBC, bytes); // Œ in ISO 8859-15
        Assert.Contains((byte)0xBE, bytes); // Ÿ in ISO 8859-15
        Assert.DoesNotContain((byte)'?', bytes.AsSpan(0, Array.IndexOf(bytes, (byte)'\r', Array.IndexOf(bytes, (byte)'\r') + 1)).ToArray());
        Assert.Equal("ŒUVRÉ-ŸVES", Hl7Parser.Parse(bytes).First("PID")!.Value(5, 1));
    }

    [Fact]
    public void The_encoder_refuses_a_character_its_charset_cannot_carry_instead_of_writing_a_question_mark()
    {
        var message = new Hl7Message([
            new Hl7Segment("MSH").Set(9, Hl7Field.Of("ORU", "R01", "ORU_R01")).Set(10, "1").Set(12, "2.5").Set(18, Hl7Charset.Latin9),
            new Hl7Segment("NTE").Set(3, "Lech Wałęsa"),
        ], Hl7Delimiters.Standard);
        Assert.Throws<EncoderFallbackException>(() => Hl7Encoder.Encode(message));
        Assert.Equal(7, Hl7Charset.FirstUnencodable("Lech Wałęsa", Hl7Charset.Latin9));
        Assert.Equal(-1, Hl7Charset.FirstUnencodable("Lech Wałęsa", Hl7Charset.Utf8));
        Assert.Equal(-1, Hl7Charset.FirstUnencodable("Œuvre 10 €", Hl7Charset.Latin9));
    }
}
