using SglReference.Testing;
using System.Text;
using SglReference.Hl7v2.Acknowledgements;
using SglReference.Hl7v2.Codec;

namespace SglReference.Hl7v2.Tests;

/// <summary>Technical and business acknowledgements, read from the official examples and the volet's error tables.</summary>
public sealed class AcknowledgementTests
{
    [Fact]
    public void The_official_positive_ack_reads_as_accepted_for_message_015()
    {
        var ack = AcknowledgementParser.Parse(RenderedOru.Official("oru-v2.1-init/ack.hl7"));
        Assert.Equal((AckCode.Accepted, "015"), (ack.Code, ack.AcknowledgedControlId));
        Assert.Empty(ack.Errors);
    }

    [Fact]
    public void The_volet_ack_example_decodes_its_error()
    {
        const string text = "MSH|^~\\&|PFI|CHU_X|SIL|CHU_X|202310030831||ACK^R01^ACK|12347|P|2.5|||||FRA|8859/15\rMSA|AE|12345\rERR||MSH^1^12|203^Unsupported version^messageErrorCondition|E\r";
        var ack = AcknowledgementParser.Parse(Hl7Parser.Parse(Encoding.Latin1.GetBytes(text)));
        Assert.Equal((AckCode.Error, "12345"), (ack.Code, ack.AcknowledgedControlId));
        var error = Assert.Single(ack.Errors);
        Assert.Equal(("MSH^1^12", "203", "E"), (error.Location, error.Condition, error.Severity));
        Assert.Null(error.Consumer);
        Assert.Equal("AE; 203 Unsupported version at MSH^1^12 (E)", ack.Describe());
    }

    [Theory]
    [InlineData("900", ConsumerError.VersionMismatch)]
    [InlineData("901", ConsumerError.AuthorNotAllowed)]
    [InlineData("902", ConsumerError.UnknownPatient)]
    [InlineData("903", ConsumerError.InsMissing)]
    [InlineData("904", ConsumerError.InsMismatch)]
    [InlineData("905", ConsumerError.InsIncomplete)]
    [InlineData("906", ConsumerError.Other)]
    [InlineData("999", ConsumerError.Unlisted)]
    public void Application_errors_900_to_906_map_to_typed_outcomes(string code, ConsumerError expected)
    {
        // Both coding-system names seen in the ANS volets: applicationErrorCondition (TC) and applicationErrorCode (LPS).
        foreach (var system in new[] { "applicationErrorCondition", "applicationErrorCode" })
        {
            var text = $"MSH|^~\\&|DPI|H|SIL|L|20261123||ACK^R01^ACK|9|P|2.5\rMSA|AE|42\rERR||PID^1^3|207^Application error^messageErrorCondition|E|{code}^^{system}\r";
            var error = Assert.Single(AcknowledgementParser.Parse(Hl7Parser.Parse(Encoding.UTF8.GetBytes(text))).Errors);
            Assert.Equal(expected, error.Consumer);
            if (expected != ConsumerError.Unlisted)
            {
                Assert.Contains(ErrorTables.ConsumerErrors[expected], error.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Error_905_reads_as_an_incomplete_ins()
    {
        const string text = "MSH|^~\\&|PFI|H|SIL|L|20261123||ACK^R01^ACK|9|P|2.5\rMSA|AE|42\rERR||PID^1^3|207^Application error^messageErrorCondition|E|905^L'INS transmis n'est pas complet^applicationErrorCondition\r";
        var ack = AcknowledgementParser.Parse(Hl7Parser.Parse(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(ConsumerError.InsIncomplete, ack.Errors[0].Consumer);
        Assert.Equal("AE; 207 Application error at PID^1^3: 905 L'INS transmis n'est pas complet (E)", ack.Describe());
    }

    [Fact]
    public void The_official_dmp_reception_zam_is_a_failure_for_message_015()
    {
        var zam = BusinessAcknowledgementParser.Parse(RenderedOru.Official("oru-v2.1-init/Message metier reception DMP"));
        Assert.Equal((BusinessAckKind.DmpReception, "017", "015", false), (zam.Kind, zam.ControlId, zam.CorrelationId, zam.Success));
        Assert.Equal(("207", "DMPClosed", "DMP fermé", "DMPERRORCODE"), (zam.Error!.Condition, zam.Error.ApplicationCode, zam.Error.ApplicationText, zam.Error.ApplicationSystem));
        Assert.Null(zam.ConsumerError);
        Assert.Equal("20211005152908", zam.EventTime);
    }

    [Fact]
    public void The_official_mss_read_zam_names_its_reader()
    {
        var zam = BusinessAcknowledgementParser.Parse(RenderedOru.Official("oru-v2.1-init/Message metier lecture MSS"));
        Assert.Equal((BusinessAckKind.MssRead, "015", true), (zam.Kind, zam.CorrelationId, zam.Success));
        Assert.Equal("adam.hoda@test-ci-sis.mssante.fr", zam.Recipient);
        Assert.Null(zam.Error);
    }

    [Fact]
    public void A_z03_relaying_a_consumer_905_is_typed()
    {
        const string text = "MSH|^~\\&|PFI|O|SIL|L|20261123||ZAM^Z03^ZAM_Z01|77|P|2.6|||||FRA|UNICODE UTF-8|||2.1^CISIS_CDA_HL7_V2\rEVN||20261123\r"
            + "OBX|1|CWE|ACK_LECTURE_MSS^Accusé de lecture^AckMetierZAM|4242|N^^expandedYes-NoIndicator||||||F\r"
            + "OBX|2|XTN|LECTEUR_MSS^Lecteur du courriel MSSanté^AckMetierZAM||^^X.400^dpi@ch.mssante.fr||||||F\r"
            + "ERR|||207^Application error^messageErrorCondition|E|905^L'INS transmis n'est pas complet^applicationErrorCondition\r";
        var zam = BusinessAcknowledgementParser.Parse(Hl7Parser.Parse(Encoding.UTF8.GetBytes(text)));
        Assert.Equal((BusinessAckKind.MssRead, "4242", false, ConsumerError.InsIncomplete), (zam.Kind, zam.CorrelationId, zam.Success, zam.ConsumerError));
        Assert.Equal("dpi@ch.mssante.fr", zam.Recipient);
    }

    [Fact]
    public void Our_ack_of_a_zam_swaps_the_parties_and_keeps_version_26()
    {
        var zam = RenderedOru.Official("oru-v2.1-init/Message metier reception DMP");
        var ack = Hl7Parser.Parse(Hl7Encoder.Encode(AcknowledgementBuilder.Build(zam, AckCode.Accepted, "A1", FixedTime.Default.GetLocalNow())));
        var msh = ack.Header;
        Assert.Equal(("SIL-Y", "labo", "PFI-X", "Organisation-X"), (msh.Value(3), msh.Value(4), msh.Value(5), msh.Value(6)));
        Assert.Equal(("ACK^Z01^ACK", "2.6", "P", ""), (ack.MessageType, ack.Version, msh.Value(11), msh.Value(21)));
        Assert.Equal(("AA", "017"), (ack.First("MSA")!.Value(1), ack.First("MSA")!.Value(2)));
    }
}
