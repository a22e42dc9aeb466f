using System.Diagnostics.CodeAnalysis;
using SglReference.Channels;
using SglReference.Dmp.Soap;

namespace SglReference.Dmp.Sending;

/// <summary>The DMP's <see cref="IMessageTransport"/>: sends the channel's messages with a <see cref="DmpClient"/>.</summary>
[Experimental(Experimental.Transports)]
public sealed class DmpTransport : IMessageTransport, IDisposable
{
    private readonly DmpClient _client;

    /// <summary>Creates the transport.</summary>
    public DmpTransport(DmpOptions options, TimeProvider? time = null) => _client = new DmpClient(options, time);

    /// <inheritdoc />
    public string Channel => DmpChannel.ChannelName;

    /// <inheritdoc />
    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != Channel)
        {
            return DeliveryOutcome.Permanent($"a {message.Channel} message given to the DMP transport", "SGL-DMP-REQUEST");
        }

        DmpHttpRequest request;
        try
        {
            request = DmpHttpRequest.Parse(message.Content.Span);
        }
        catch (FormatException ex)
        {
            return DeliveryOutcome.Permanent(ex.Message, "SGL-DMP-REQUEST");
        }

        return await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
