using System.Text.Json;
using SglReference.Hl7v2.Acknowledgements;
using SglReference.Hl7v2.Oru;

namespace SglReference.Cli;

/// <summary>
/// A directory remembering the ORU messages sent (sent/CONTROLID.json) and the business acknowledgements received
/// (acks/CONTROLID-KIND-N.json), so that listen-hl7 can tell which document a ZAM is about. Holds ids and codes, no
/// patient data.
/// </summary>
internal sealed class SentMessageJournal
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly string _root;

    public SentMessageJournal(string root)
    {
        _root = root;
        Directory.CreateDirectory(Path.Combine(root, "sent"));
        Directory.CreateDirectory(Path.Combine(root, "acks"));
    }

    public void RecordSent(OruSummary summary, string status, DateTimeOffset at)
    {
        var path = Path.Combine(_root, "sent", Safe(summary.ControlId) + ".json");
        var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["controlId"] = summary.ControlId,
            ["action"] = summary.Action.ToString(),
            ["orderNumber"] = summary.OrderNumber,
            ["documentIds"] = summary.DocumentIds,
            ["status"] = status,
            ["at"] = at.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }, Indented);
        WriteAtomically(path, json);
    }

    public IReadOnlyList<string>? DocumentsOf(string controlId)
    {
        var path = Path.Combine(_root, "sent", Safe(controlId) + ".json");
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("documentIds").EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList();
    }

    public void RecordAcknowledgement(BusinessAcknowledgement ack, DateTimeOffset at)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["kind"] = ack.Kind.ToString(),
            ["zamControlId"] = ack.ControlId,
            ["correlationId"] = ack.CorrelationId,
            ["success"] = ack.Success,
            ["recipient"] = ack.Recipient,
            ["error"] = ack.Error?.ToString(),
            ["consumerError"] = ack.ConsumerError?.ToString(),
            ["documentIds"] = DocumentsOf(ack.CorrelationId),
            ["receivedAt"] = at.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }, Indented);
        var name = $"{Safe(ack.CorrelationId)}-{ack.Kind}-{Safe(ack.ControlId)}.json";
        WriteAtomically(Path.Combine(_root, "acks", name), json);
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    private static string Safe(string id) => string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
