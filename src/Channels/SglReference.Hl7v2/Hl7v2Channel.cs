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
/// <para>
/// Charset: with <c>hl7.charset</c> "8859/15" an ORU can only carry Latin-9 text. A report whose ORU would hold a
/// character outside it (Ł, Ę, Ő, Greek, Cyrillic...) is not sent over HL7 — the channel is not planned, and the reason
/// names the character and the field (sgl check and render print it as a warning) — rather than have the character
/// replaced: nothing is ever transliterated or turned into "?" silently. "UNICODE UTF-8", the default, carries any text.
/// </para>
/// <para>
/// Size: an ORU larger than what an MLLP peer and <c>sgl send-hl7</c> accept (<see cref="Hl7Parser.MaxBytes"/>) is
/// refused at build time (SGL-HL7-SIZE); the contract's limits keep real and hostile reports far below it.
/// </para>
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
        if (Hl7Charset.IsUnicode(_options.Charset))
        {
            return ChannelReadiness.Ready;
        }

        IReadOnlyList<Hl7Message> messages;
        try
        {
            messages = Messages(context).Select(m => m.Message).ToList();
        }
        catch (OruRuleException)
        {
            return ChannelReadiness.Ready; // Build reports the rule, with its code
        }

        foreach (var message in messages)
        {
            var text = Hl7Encoder.EncodeText(message);
            var at = Hl7Charset.FirstUnencodable(text, _options.Charset);
            if (at >= 0)
            {
                var character = char.IsSurrogatePair(text, at) ? char.ConvertToUtf32(text, at) : text[at];
                var shown = System.Text.Rune.TryCreate(character, out var rune) && System.Text.Rune.IsLetterOrDigit(rune) ? $" ('{rune}')" : string.Empty;
                return ChannelReadiness.NotPlanned(string.Create(CultureInfo.InvariantCulture,
                    $"hl7.charset {_options.Charset} cannot carry the character U+{character:X4}{shown} of {FieldAt(text, at)}; nothing is replaced silently: set hl7.charset to \"{Hl7Charset.Utf8}\" if the PFI accepts it, or correct the text"));
            }
        }

        return ChannelReadiness.Ready;
    }

    /// <summary>"PID-5 (patient name)": the segment and field holding <paramref name="index"/> of the message text.</summary>
    private static string FieldAt(string text, int index)
    {
        var start = text.LastIndexOf('\r', Math.Max(0, index - 1)) + 1;
        var segment = text.Substring(start, Math.Min(3, text.Length - start));
        var field = 0;
        for (var i = start; i < index; i++)
        {
            field += text[i] == '|' ? 1 : 0;
        }

        if (segment == "MSH")
        {
            field++;
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{segment}-{field}");
        return FieldNames.TryGetValue(name, out var label) ? $"{name} ({label})" : name;
    }

    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["PID-5"] = "patient name",
        ["PID-11"] = "patient address",
        ["PV1-3"] = "care unit",
        ["ORC-2"] = "prescription id",
        ["OBR-2"] = "prescription id",
        ["ORC-12"] = "prescriber",
        ["OBR-16"] = "prescriber",
        ["OBR-32"] = "biologist",
        ["PRT-5"] = "participant",
        ["PRT-8"] = "organization",
    };

    /// <inheritdoc />
    public IReadOnlyList<OutboundMessage> Build(ChannelContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = context.Report;
        var built = Messages(context);
        var messages = new List<OutboundMessage>(built.Count);
        for (var i = 0; i < built.Count; i++)
        {
            var (request, message) = built[i];
            var bytes = Hl7Encoder.Encode(message);
            if (bytes.Length > Hl7Parser.MaxBytes)
            {
                throw new OruRuleException("SGL-HL7-SIZE", string.Create(CultureInfo.InvariantCulture,
                    $"the ORU would have {bytes.Length} bytes, more than the {Hl7Parser.MaxBytes} an MLLP peer accepts"));
            }

            var n3 = request.Documents[0].Identity;
            var suffix = built.Count == 1 ? "oru.hl7" : string.Create(CultureInfo.InvariantCulture, $"oru-{i + 1}.hl7");
            messages.Add(new OutboundMessage(
                ChannelName, MessageKind, request.Audience, "pfi", [],
                IdempotencyKey(n3, context.Action, i), n3.SetId, ChainSequence.Of(n3, context.Action), n3,
                ChannelFileNames.For(report.ReportId, request.Audience, suffix), MediaType, bytes, [])
            {
                CorrelationId = request.ControlId,
            });
        }

        return messages;
    }

    private List<(OruRequest Request, Hl7Message Message)> Messages(ChannelContext context) =>
        OruMessages.For(context.Report, context.Plan, audience => context.Documents.Cda(audience, _options.IncludeN1)
                .Select(d => new OruDocument(d.Format!.Value, d.Identity, d.Content)).ToList(), context.Action, context.Now)
            .Select(request => (request, CrBioOruBuilder.Build(request, _options))).ToList();

    private static string IdempotencyKey(DocumentIdentity document, Domain.Delivery.DocumentAction action, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{ChannelName}|pfi|{document.Id}|{action}|{index}");
}
