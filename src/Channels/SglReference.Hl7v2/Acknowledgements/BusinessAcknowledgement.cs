namespace SglReference.Hl7v2.Acknowledgements;

/// <summary>A business acknowledgement ZAM^Z01/Z02/Z03 from the PFI, decoded.</summary>
/// <param name="Kind">Z01, Z02 or Z03.</param>
/// <param name="ControlId">MSH-10 of the ZAM itself (echoed in our ACK's MSA-2).</param>
/// <param name="CorrelationId">OBX-4 of the status OBX: the MSH-10 of our ORU that carried the document.</param>
/// <param name="Success">OBX-5 Y (success) or N.</param>
/// <param name="EventTime">EVN-2 as sent (yyyyMMddHHmmss...), empty when absent.</param>
/// <param name="Recipient">The MSSanté address of the second OBX (Z02 recipient, Z03 reader), when given.</param>
/// <param name="Error">The ERR segment, required when <paramref name="Success"/> is false.</param>
public sealed record BusinessAcknowledgement(
    BusinessAckKind Kind,
    string ControlId,
    string CorrelationId,
    bool Success,
    string EventTime,
    string? Recipient,
    Hl7Error? Error)
{
    /// <summary>The consumer error (900-906) relayed in a Z03, when there is one.</summary>
    public ConsumerError? ConsumerError => Error?.Consumer;
}
