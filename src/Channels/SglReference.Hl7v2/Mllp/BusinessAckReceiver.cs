using SglReference.Hl7v2.Acknowledgements;
using SglReference.Hl7v2.Codec;

namespace SglReference.Hl7v2.Mllp;

/// <summary>
/// Answers the PFI's business acknowledgements ZAM^Z01/Z02/Z03 (HL7 2.6) with ACK^Z0n^ACK: AA once the callback has
/// recorded it, AR when the callback fails (the PFI sends it again later), AE with the 0357 condition when the message
/// cannot be read as a ZAM.
/// </summary>
public sealed class BusinessAckReceiver : IMllpHandler
{
    private readonly Func<BusinessAcknowledgement, CancellationToken, ValueTask> _onReceived;
    private readonly TimeProvider _time;
    private long _sequence;

    /// <summary>Creates the receiver.</summary>
    /// <param name="onReceived">Records the acknowledgement (e.g. against the sent message whose MSH-10 is its <see cref="BusinessAcknowledgement.CorrelationId"/>).</param>
    /// <param name="time">Clock for MSH-7.</param>
    public BusinessAckReceiver(Func<BusinessAcknowledgement, CancellationToken, ValueTask> onReceived, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(onReceived);
        _onReceived = onReceived;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async ValueTask<byte[]> HandleAsync(byte[] message, CancellationToken cancellationToken)
    {
        Hl7Message received;
        try
        {
            received = Hl7Parser.Parse(message);
            _ = received.Header;
        }
        catch (Exception ex) when (ex is Hl7ParseException or InvalidOperationException)
        {
            // Without a readable MSH there is nothing to acknowledge against: answer a minimal AE.
            var fallback = new Hl7Message([new Hl7Segment("MSH").Set(9, Hl7Field.Of("ZAM", "Z01", "ZAM_Z01")).Set(10, string.Empty).Set(12, "2.6")], Hl7Delimiters.Standard);
            return Hl7Encoder.Encode(AcknowledgementBuilder.Build(fallback, AckCode.Error, NextId(), _time.GetLocalNow(), ("100", "Segment sequence error")));
        }

        var now = _time.GetLocalNow();
        if (received.Header.Value(9, 1) != "ZAM")
        {
            return Hl7Encoder.Encode(AcknowledgementBuilder.Build(received, AckCode.Error, NextId(), now, ("200", "Unsupported message type")));
        }

        BusinessAcknowledgement ack;
        try
        {
            ack = BusinessAcknowledgementParser.Parse(received);
        }
        catch (Hl7ParseException)
        {
            var condition = received.Header.Value(9, 2) is "Z01" or "Z02" or "Z03" ? ("101", "Required field missing") : ("201", "Unsupported event code");
            return Hl7Encoder.Encode(AcknowledgementBuilder.Build(received, AckCode.Error, NextId(), now, condition));
        }

        try
        {
            await _onReceived(ack, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Hl7Encoder.Encode(AcknowledgementBuilder.Build(received, AckCode.Rejected, NextId(), now, ("207", "Application error")));
        }

        return Hl7Encoder.Encode(AcknowledgementBuilder.Build(received, AckCode.Accepted, NextId(), now));
    }

    // MSH-10 of our ACKs: A + local time to the second + a 5-digit sequence (20 characters).
    private string NextId() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"A{_time.GetLocalNow():yyyyMMddHHmmss}{Interlocked.Increment(ref _sequence) % 100000:00000}");
}
