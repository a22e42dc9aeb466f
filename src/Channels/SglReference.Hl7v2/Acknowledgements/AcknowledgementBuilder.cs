using SglReference.Domain.Presentation;
using SglReference.Hl7v2.Codec;

namespace SglReference.Hl7v2.Acknowledgements;

/// <summary>
/// Builds the technical ACK of a received message (volet trans-cda-r2 § Le message d'acquittement): MSH with sender and
/// receiver swapped, MSH-9 ACK^trigger^ACK, the received version and processing id, no MSH-21; MSA; ERR when not AA.
/// </summary>
public static class AcknowledgementBuilder
{
    /// <summary>The ACK of <paramref name="received"/>.</summary>
    /// <param name="received">The received message.</param>
    /// <param name="code">AA, AE or AR.</param>
    /// <param name="controlId">MSH-10 of the ACK.</param>
    /// <param name="now">MSH-7.</param>
    /// <param name="error">ERR-3 code and text, when <paramref name="code"/> is not AA.</param>
    public static Hl7Message Build(Hl7Message received, AckCode code, string controlId, DateTimeOffset now, (string Code, string Text)? error = null)
    {
        ArgumentNullException.ThrowIfNull(received);
        var msh = received.Header;
        var header = new Hl7Segment("MSH")
            .Set(3, msh[5])
            .Set(4, msh[6])
            .Set(5, msh[3])
            .Set(6, msh[4])
            .Set(7, Hl7Time.Instant(now))
            .Set(9, Hl7Field.Of("ACK", msh.Value(9, 2), "ACK"))
            .Set(10, controlId)
            .Set(11, msh[11])
            .Set(12, msh[12])
            .Set(17, "FRA")
            .Set(18, msh.Value(18).Length > 0 ? msh.Value(18) : Hl7Charset.Utf8);
        var msa = new Hl7Segment("MSA")
            .Set(1, code switch { AckCode.Accepted => "AA", AckCode.Error => "AE", _ => "AR" })
            .Set(2, received.ControlId);
        var segments = new List<Hl7Segment> { header, msa };
        if (code != AckCode.Accepted && error is { } e)
        {
            segments.Add(new Hl7Segment("ERR")
                .Set(3, Hl7Field.Of(e.Code, e.Text, "messageErrorCondition"))
                .Set(4, "E"));
        }

        return new Hl7Message(segments, received.Delimiters);
    }
}
