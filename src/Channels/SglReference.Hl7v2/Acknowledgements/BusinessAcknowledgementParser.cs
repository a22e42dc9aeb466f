using SglReference.Hl7v2.Codec;

namespace SglReference.Hl7v2.Acknowledgements;

/// <summary>Reads ZAM^Z01/Z02/Z03^ZAM_Z01 (volet trans-cda-r2, accusés métier): MSH, EVN, OBX status, OBX address, ERR.</summary>
public static class BusinessAcknowledgementParser
{
    /// <summary>Decodes a ZAM; anything else is an <see cref="Hl7ParseException"/> naming what is missing.</summary>
    public static BusinessAcknowledgement Parse(Hl7Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var msh = message.Header;
        if (msh.Value(9, 1) != "ZAM")
        {
            throw new Hl7ParseException($"MSH-9 \"{message.MessageType}\" is not a ZAM business acknowledgement");
        }

        var kind = msh.Value(9, 2) switch
        {
            "Z01" => BusinessAckKind.DmpReception,
            "Z02" => BusinessAckKind.MssReception,
            "Z03" => BusinessAckKind.MssRead,
            var other => throw new Hl7ParseException($"MSH-9.2 \"{other}\" is not Z01, Z02 or Z03"),
        };
        var observations = message.All("OBX").ToList();
        var status = observations.FirstOrDefault(o => o.Value(3, 1).StartsWith("ACK_", StringComparison.Ordinal))
            ?? throw new Hl7ParseException("the ZAM has no status OBX (ACK_RECEPTION_DMP, ACK_RECEPTION_MSS or ACK_LECTURE_MSS)");
        var correlation = status.Value(4).Trim();
        if (correlation.Length == 0)
        {
            throw new Hl7ParseException("the ZAM status OBX-4 (MSH-10 of the acknowledged message) is empty");
        }

        var success = status.Value(5, 1).Trim() switch
        {
            "Y" => true,
            "N" => false,
            var other => throw new Hl7ParseException($"the ZAM status OBX-5 \"{other}\" is not Y or N"),
        };
        var address = observations.FirstOrDefault(o => o.Value(2) == "XTN")?.Value(5, 4);
        var err = message.First("ERR");
        return new BusinessAcknowledgement(kind, message.ControlId, correlation, success, message.First("EVN")?.Value(2) ?? string.Empty,
            string.IsNullOrEmpty(address) ? null : address, err is null ? null : AcknowledgementParser.ReadError(err));
    }
}
