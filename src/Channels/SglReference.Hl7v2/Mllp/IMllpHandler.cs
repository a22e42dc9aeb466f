namespace SglReference.Hl7v2.Mllp;

/// <summary>Answers each message the listener receives (the answer is written back on the same connection).</summary>
public interface IMllpHandler
{
    /// <summary>The acknowledgement bytes for <paramref name="message"/>.</summary>
    ValueTask<byte[]> HandleAsync(byte[] message, CancellationToken cancellationToken);
}
