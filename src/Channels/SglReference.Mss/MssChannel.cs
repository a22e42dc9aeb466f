using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SglReference.Channels;
using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;
using SglReference.Mss.Messages;
using SglReference.Mss.Xdm;
using SglReference.Xds;

namespace SglReference.Mss;

/// <summary>
/// The MSSanté channel: from the lab's BAL applicative, one message to the professionals and one to the patient, each
/// with its IHE_XDM.zip and the PDF of the version the delivery plan gives the group.
/// </summary>
[Experimental(Experimental.Channels)]
public sealed class MssChannel : IDeliveryChannel
{
    /// <summary>The channel's name.</summary>
    public const string ChannelName = "mss";

    /// <summary>The artifact kind of its messages.</summary>
    public const string MessageKind = "mss-message";

    /// <summary>The artifact kind of the archives its messages carry.</summary>
    public const string ArchiveKind = "ihe-xdm";

    private readonly MssOptions _options;

    /// <summary>Creates the channel with validated options.</summary>
    public MssChannel(MssOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>The options in use.</summary>
    public MssOptions Options => _options;

    /// <inheritdoc />
    public string Name => ChannelName;

    /// <inheritdoc />
    public ChannelReadiness Check(ChannelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_options.Sender is null && context.Report.Laboratory.MssanteMailbox is null)
        {
            return ChannelReadiness.NotPlanned("MSSanté: the laboratory has no BAL applicative to send from (laboratory.mssanteMailbox or mss.sender)");
        }

        if (context.Plan.Professionals.Count == 0 && context.Plan.Patient is null)
        {
            return ChannelReadiness.NotPlanned("MSSanté: nobody to mail (" + string.Join("; ", context.Plan.Notes.Where(n => n.StartsWith("MSSanté", StringComparison.Ordinal))) + ")");
        }

        return ChannelReadiness.Ready;
    }

    /// <inheritdoc />
    public IReadOnlyList<OutboundMessage> Build(ChannelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = context.Report;
        var requests = MssMessages.For(report, context.Plan, audience =>
        {
            IReadOnlyList<XdsDocument> cda = context.Documents.Cda(audience, _options.IncludeN1)
                .Select(d => new XdsDocument(d.Format!.Value, d.Identity, d.Content)).ToList();
            return (cda, context.Documents.Get(DocumentKind.Pdf, audience).Content);
        }, context.Action, context.Now);
        var messages = new List<OutboundMessage>(requests.Count);
        foreach (var request in requests)
        {
            var message = MssMessageBuilder.Build(request, _options);
            var group = request.Group == RecipientGroup.Patient ? "patient" : "professionals";
            var n3 = message.Document;
            var baseName = $"{report.ReportId}-to-{group}";
            messages.Add(new OutboundMessage(
                ChannelName, MessageKind, request.Audience, group, request.Recipients.Select(r => r.Address).ToList(),
                string.Create(CultureInfo.InvariantCulture, $"{ChannelName}|{group}|{n3.Id}|{context.Action}"), n3.SetId, ChainSequence.Of(n3, context.Action), n3,
                baseName + ".eml", "message/rfc822", message.ToBytes(),
                [new MessageAttachment(ArchiveKind, baseName + ".IHE_XDM.zip", "application/zip", message.Archive)])
            {
                CorrelationId = message.Mime.MessageId,
            });
        }

        return messages;
    }
}
