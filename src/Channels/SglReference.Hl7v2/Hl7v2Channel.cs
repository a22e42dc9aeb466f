using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SglReference.Channels;
using SglReference.Domain.Documents;
using SglReference.Hl7v2.Codec;
using SglReference.Hl7v2.Oru;

namespace SglReference.Hl7v2;

/// <summary>
/// The HL7 v2 channel to the hospital's PFI: one ORU^R01 per message of the delivery plan (two when the patient-only
/// mail must travel apart from the DMP publication), each carrying the version the plan gives it.
/// </summary>
[Experimental(Experimental.Channels)]
public sealed class Hl7v2Channel : IDeliveryChannel
{
    /// <summary>The channel's name.</summary>
    public const string ChannelName = "hl7v2";

    /// <summary>The artifact kind of its messages.</summary>
    public const string MessageKind = "hl7v2-oru";

    /// <summary>Media type of HL7 v2 messages in ER7 (pipe) encoding.</summary>
    public const string MediaType = "application/hl7-v2";

    private readonly Hl7Options _options;

    /// <summary>Creates the channel with validated options.</summary>
    public Hl7v2Channel(Hl7Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>The options in use.</summary>
    public Hl7Options Options => _options;

    /// <inheritdoc />
    public string Name => ChannelName;

    /// <inheritdoc />
    public ChannelReadiness Check(ChannelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ChannelReadiness.Ready;
    }

    /// <inheritdoc />
    public IReadOnlyList<OutboundMessage> Build(ChannelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = context.Report;
        var requests = OruMessages.For(report, context.Plan, audience => context.Documents.Cda(audience, _options.IncludeN1)
            .Select(d => new OruDocument(d.Format!.Value, d.Identity, d.Content)).ToList(), context.Action, context.Now);
        var messages = new List<OutboundMessage>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var bytes = Hl7Encoder.Encode(CrBioOruBuilder.Build(request, _options));
            var n3 = request.Documents[0].Identity;
            var suffix = requests.Count == 1 ? "oru.hl7" : string.Create(CultureInfo.InvariantCulture, $"oru-{i + 1}.hl7");
            messages.Add(new OutboundMessage(
                ChannelName, MessageKind, request.Audience, "pfi", [],
                IdempotencyKey(n3, context.Action, i), n3.SetId, ChainSequence.Of(n3, context.Action), n3,
                ChannelFileNames.For(report.ReportId, request.Audience, suffix), MediaType, bytes, []));
        }

        return messages;
    }

    private static string IdempotencyKey(DocumentIdentity document, Domain.Delivery.DocumentAction action, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{ChannelName}|pfi|{document.Id}|{action}|{index}");
}
