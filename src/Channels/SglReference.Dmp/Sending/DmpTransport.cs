using System.Diagnostics.CodeAnalysis;
using SglReference.Channels;
using SglReference.Dmp.Requests;
using SglReference.Dmp.Soap;
using SglReference.Xds;

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

    /// <summary>
    /// The XDSSubmissionSet.uniqueId of a rendered ITI-41: what the DMP registers the submission by, and refuses a
    /// second time (XDSDuplicateUniqueIdInRegistry). Null for an ITI-57 (the client renews its submission set when it
    /// sends it, after finding the targets with ITI-18: the rendered id is never seen by the DMP) and for bytes that
    /// are not a DMP request.
    /// </summary>
    public static string? CorrelationId(ReadOnlySpan<byte> artifact)
    {
        try
        {
            var info = DmpRequestInfo.Read(DmpHttpRequest.Parse(artifact));
            if (!info.IsProvideAndRegister)
            {
                return null;
            }

            var ns = DmpRequestInfo.Namespaces(info.Envelope);
            var id = (info.SubmissionSet.SelectSingleNode($"rim:ExternalIdentifier[@identificationScheme='{XdsCodes.SubmissionSetUniqueId}']", ns) as System.Xml.XmlElement)?.GetAttribute("value");
            return string.IsNullOrEmpty(id) ? null : id;
        }
        catch (FormatException)
        {
            return null;
        }
    }

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
