using System.Text;
using SglReference.Hl7v2.Codec;

namespace SglReference.Hl7v2.Tests;

/// <summary>The parser reads the official ANS example files (LF-separated, as published) and any segment terminator.</summary>
public sealed class ParserTests
{
    public static TheoryData<string> OfficialFiles => new()
    {
        RenderedOru.SegurInit,
        RenderedOru.Replacement,
        RenderedOru.Deletion,
        "oru-v2.1-init/ack.hl7",
        "oru-v2.1-init/Message metier reception DMP",
        "oru-v2.1-init/Message metier lecture MSS",
        "sgl-pam/admission.er7",
    };

    [Theory]
    [MemberData(nameof(OfficialFiles))]
    public void Official_files_parse_to_the_segments_and_fields_a_plain_split_finds(string file)
    {
        var raw = File.ReadAllText(RenderedOru.OfficialPath(file), Encoding.UTF8);
        var lines = raw.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var message = RenderedOru.Official(file);
        Assert.Equal(lines.Length, message.Segments.Count);
        for (var i = 0; i < lines.Length; i++)
        {
            var fields = lines[i].Split('|');
            var segment = message.Segments[i];
            Assert.Equal(fields[0], segment.Name);
            var offset = segment.Name == "MSH" ? 1 : 0;
            for (var f = 1; f < fields.Length; f++)
            {
                if (segment.Name == "MSH" && f == 1)
                {
                    continue; // MSH-2, the encoding characters
                }

                // Without escapes, the first component of the first repetition is the text before the first ^ and ~.
                var first = fields[f].Split('~')[0].Split('^')[0].Split('&')[0];
                if (!first.Contains('\\', StringComparison.Ordinal))
                {
                    Assert.Equal(first, segment.Value(f + offset));
                }
            }
        }
    }

    [Fact]
    public void Cr_lf_and_crlf_terminators_give_the_same_message()
    {
        var raw = File.ReadAllText(RenderedOru.OfficialPath(RenderedOru.Replacement), Encoding.UTF8).Replace("\r", string.Empty, StringComparison.Ordinal);
        var lf = Hl7Parser.Parse(Encoding.UTF8.GetBytes(raw));
        var cr = Hl7Parser.Parse(Encoding.UTF8.GetBytes(raw.Replace('\n', '\r')));
        var crlf = Hl7Parser.Parse(Encoding.UTF8.GetBytes(raw.Replace("\n", "\r\n", StringComparison.Ordinal)));
        Assert.Equal(Hl7Encoder.EncodeText(lf), Hl7Encoder.EncodeText(cr));
        Assert.Equal(Hl7Encoder.EncodeText(lf), Hl7Encoder.EncodeText(crlf));
        Assert.Equal(raw.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, lf.Segments.Count);
        Assert.Equal(22, lf.Segments.Count);
    }

    [Fact]
    public void The_official_segur_message_carries_a_cda_the_parser_decodes()
    {
        var message = RenderedOru.Official(RenderedOru.SegurInit);
        var document = message.All("OBX").First(o => o.Value(2) == "ED");
        var cda = Encoding.UTF8.GetString(Convert.FromBase64String(document.Value(5, 5)));
        Assert.StartsWith("<?xml", cda, StringComparison.Ordinal);
        Assert.Contains("<ClinicalDocument", cda, StringComparison.Ordinal);
        Assert.Equal("Masqué aux professionnels de Santé", message.All("OBX").First(o => o.Value(3) == "MASQUE_PS").Value(3, 2));
    }

    [Fact]
    public void Our_encoding_of_an_official_message_is_identical_to_it_apart_from_terminators_and_trailing_separators()
    {
        var raw = File.ReadAllText(RenderedOru.OfficialPath(RenderedOru.Deletion), Encoding.UTF8);
        var reencoded = Hl7Encoder.EncodeText(Hl7Parser.Parse(Encoding.UTF8.GetBytes(raw)));
        var expected = raw.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('|'));
        var actual = reencoded.Split('\r', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('|'));
        Assert.Equal(expected.Select(TrimEmptyComponents), actual.Select(TrimEmptyComponents));
    }

    [Theory]
    [InlineData("")]
    [InlineData("PID|1||123")]
    [InlineData("MSH")]
    [InlineData("garbage\u0000\u0001")]
    public void What_is_not_hl7_is_a_parse_error(string text)
    {
        Assert.Throws<Hl7ParseException>(() => Hl7Parser.Parse(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Mllp_framing_bytes_around_a_file_are_ignored()
    {
        var raw = File.ReadAllBytes(RenderedOru.OfficialPath("oru-v2.1-init/ack.hl7"));
        var framed = new byte[raw.Length + 3];
        framed[0] = 0x0B;
        raw.CopyTo(framed, 1);
        framed[^2] = 0x1C;
        framed[^1] = 0x0D;
        var message = Hl7Parser.Parse(Encoding.UTF8.GetString(framed));
        Assert.Equal("015", message.First("MSA")!.Value(2));
    }

    // The official files keep empty trailing components in some fields (e.g. "^^^^^^^" after an address).
    private static string TrimEmptyComponents(string line) =>
        string.Join('|', line.Split('|').Select(f => string.Join('~', f.Split('~').Select(r => r.TrimEnd('^')))));
}
