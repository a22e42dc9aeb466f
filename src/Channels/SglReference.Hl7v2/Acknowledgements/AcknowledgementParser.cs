using SglReference.Hl7v2.Codec;

namespace SglReference.Hl7v2.Acknowledgements;

/// <summary>Reads ACK messages (MSH, MSA, ERR*).</summary>
public static class AcknowledgementParser
{
    /// <summary>Decodes an ACK; a message without MSA or with an unknown MSA-1 is an <see cref="Hl7ParseException"/>.</summary>
    public static Acknowledgement Parse(Hl7Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var msa = message.First("MSA") ?? throw new Hl7ParseException("the acknowledgement has no MSA segment");
        var raw = msa.Value(1);
        var code = raw switch
        {
            "AA" or "CA" => AckCode.Accepted,
            "AE" or "CE" => AckCode.Error,
            "AR" or "CR" => AckCode.Rejected,
            _ => throw new Hl7ParseException($"MSA-1 \"{raw}\" is not AA, AE, AR, CA, CE or CR"),
        };
        return new Acknowledgement(code, raw, msa.Value(2), msa.Value(3), message.All("ERR").Select(ReadError).ToList());
    }

    /// <summary>Decodes one ERR segment (HL7 2.5 layout; the 2.4 ERR-1 form is read too).</summary>
    public static Hl7Error ReadError(Hl7Segment err)
    {
        ArgumentNullException.ThrowIfNull(err);
        if (err[3].IsEmpty && !err[1].IsEmpty)
        {
            // HL7 2.4 and earlier: ERR-1 ELD = segment ^ sequence ^ field ^ code&text&system.
            var location = string.Join('^', new[] { err.Value(1, 1), err.Value(1, 2), err.Value(1, 3) }.Where(v => v.Length > 0));
            return new Hl7Error(location, err.Value(1, 4, 1), err.Value(1, 4, 2), string.Empty, string.Empty, string.Empty, string.Empty);
        }

        var where = string.Join('^', new[] { err.Value(2, 1), err.Value(2, 2), err.Value(2, 3) }.Where(v => v.Length > 0));
        return new Hl7Error(where, err.Value(3, 1).Trim(), err.Value(3, 2).Trim(), err.Value(4).Trim(), err.Value(5, 1).Trim(), err.Value(5, 2).Trim(), err.Value(5, 3).Trim());
    }
}
