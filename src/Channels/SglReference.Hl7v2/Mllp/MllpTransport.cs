using System.Diagnostics.CodeAnalysis;
using SglReference.Channels;
using SglReference.Hl7v2.Codec;

namespace SglReference.Hl7v2.Mllp;

/// <summary>
/// The HL7 v2 channel's transport for the outbox: one attempt through <see cref="MllpClient"/> (the dispatcher owns
/// retries, backoff and the dead letter), AA delivered, AE permanent, AR/timeouts/connection failures transient, a TLS
/// authentication failure or our certificate unusable permanent (a certificate problem does not heal by waiting: it
/// waits in the dead letter for a fix and a retry), and an answer that is not an original-mode ACK of the message (CA,
/// another message type, another MSA-2) permanent too: the peer may hold the message, so it is not sent again blindly.
/// Connections are kept open across messages to the PFI (each message still waits for its ACK before its connection
/// carries the next: original mode), up to <see cref="KeptConnections"/> idle ones for <see cref="IdleLimit"/>; a kept
/// connection the PFI closed is replaced by a new one for the message.
/// </summary>
[Experimental(Experimental.Transports)]
public sealed class MllpTransport : IMessageTransport, IDisposable
{
    /// <summary>How long an idle connection is kept for the next message (PFIs commonly drop idle clients after a minute or more).</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);

    /// <summary>Idle connections kept at most (one per concurrent send of the dispatcher is enough).</summary>
    public const int KeptConnections = 8;

    private readonly MllpConnectionPool _pool = new(IdleLimit, KeptConnections);
    private readonly MllpClient _client;

    /// <summary>Creates the transport; <paramref name="options"/>' attempt settings are replaced by a single attempt.</summary>
    public MllpTransport(MllpClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = new MllpClient(options with { MaxAttempts = 1 }, _pool);
        Peer = $"{options.Host}:{options.Port}";
    }

    /// <summary>Closes the idle connections.</summary>
    public void Dispose() => _pool.Dispose();

    /// <inheritdoc />
    public string Channel => Hl7v2Channel.ChannelName;

    /// <summary>host:port of the PFI.</summary>
    public string Peer { get; }

    /// <summary>The MSH-10 of an ORU: what the PFI's ACK and business acknowledgements (ZAM OBX-4) name it by.</summary>
    public static string? CorrelationId(ReadOnlySpan<byte> message)
    {
        try
        {
            var id = Hl7Parser.ParseHeader(message).Value(10);
            return id.Length == 0 ? null : id;
        }
        catch (Hl7ParseException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var outcome = await _client.SendAsync(message.Content.ToArray(), cancellationToken).ConfigureAwait(false);
        switch (outcome.Status)
        {
            case SendStatus.Delivered:
                return DeliveryOutcome.Delivered($"accepted by {Peer} (MSH-10 {outcome.ControlId})", "AA");
            case SendStatus.Refused:
                return DeliveryOutcome.Permanent($"refused by {Peer}: {outcome.Acknowledgement!.Describe()}", outcome.Acknowledgement.RawCode);
            default:
                var last = outcome.Attempts.Count > 0 ? outcome.Attempts[^1].Outcome : "no attempt";
                var code = outcome.Acknowledgement?.RawCode;
                return last switch
                {
                    _ when last.StartsWith("tls:", StringComparison.Ordinal) => DeliveryOutcome.Permanent($"{Peer}: {last}", "TLS"),
                    _ when last.StartsWith("certificate:", StringComparison.Ordinal) => DeliveryOutcome.Permanent($"{Peer}: {last}", "CERTIFICATE"),
                    _ when last.StartsWith("ack:", StringComparison.Ordinal) => DeliveryOutcome.Permanent($"{Peer}: {last}", code ?? "ACK"),
                    _ => DeliveryOutcome.Transient($"{Peer}: {last}", code),
                };
        }
    }
}
