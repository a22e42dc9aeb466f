using System.Text.Json;
using SglReference.Domain.Identifiers;
using SglReference.Hl7v2.Acknowledgements;
using SglReference.Hl7v2.Oru;

namespace SglReference.Cli;

/// <summary>
/// A directory remembering the ORU messages sent (sent/CONTROLID.json) and the business acknowledgements received
/// (acks/CONTROLID+KIND+ZAMID.json), so that listen-hl7 can tell which document a ZAM is about. Holds ids and codes,
/// no patient data: a patient mailbox a ZAM names reads [patient]@patient.mssante.fr unless asked otherwise. File names
/// are collision-free (A/1 and A_1 are two files) and short whatever the ids (a 300-character id is a valid name).
/// </summary>
internal sealed class SentMessageJournal
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly string _root;
    private readonly bool _showPatientData;

    public SentMessageJournal(string root, bool showPatientData = false)
    {
        _root = root;
        _showPatientData = showPatientData;
        Directory.CreateDirectory(Path.Combine(root, "sent"));
        Directory.CreateDirectory(Path.Combine(root, "acks"));
    }

    /// <summary>Records a message about to be sent (status "sending"): written before any byte leaves.</summary>
    public void RecordSending(OruSummary summary, DateTimeOffset at) => RecordSent(summary, "Sending", at);

    /// <summary>Records the outcome of a send.</summary>
    public void RecordSent(OruSummary summary, string status, DateTimeOffset at)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["controlId"] = summary.ControlId,
            ["action"] = summary.Action.ToString(),
            ["orderNumber"] = summary.OrderNumber,
            ["documentIds"] = summary.DocumentIds,
            ["status"] = status,
            ["at"] = at.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }, Indented);
        WriteAtomically(SentPath(summary.ControlId), json);
    }

    /// <summary>The documents the message <paramref name="controlId"/> carried, or null when the journal does not know it.</summary>
    public IReadOnlyList<string>? DocumentsOf(string controlId)
    {
        foreach (var path in new[] { SentPath(controlId), Path.Combine(_root, "sent", LegacyName(controlId) + ".json") })
        {
            try
            {
                if (!File.Exists(path))
                {
                    continue;
                }

                using var document = JsonDocument.Parse(File.ReadAllBytes(path));
                var root = document.RootElement;
                if (root.TryGetProperty("controlId", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == controlId
                    && root.TryGetProperty("documentIds", out var ids) && ids.ValueKind == JsonValueKind.Array)
                {
                    return ids.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? string.Empty : string.Empty).ToList();
                }
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                // An unreadable entry is an unknown message: the acknowledgement is still recorded.
            }
        }

        return null;
    }

    public void RecordAcknowledgement(BusinessAcknowledgement ack, DateTimeOffset at)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["kind"] = ack.Kind.ToString(),
            ["zamControlId"] = ack.ControlId,
            ["correlationId"] = ack.CorrelationId,
            ["success"] = ack.Success,
            ["recipient"] = Redact(ack.Recipient),
            ["error"] = Redact(ack.Error?.ToString()),
            ["consumerError"] = ack.ConsumerError?.ToString(),
            ["documentIds"] = DocumentsOf(ack.CorrelationId),
            ["receivedAt"] = at.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }, Indented);
        // '+' never appears in a SafeFileName: the three parts cannot run into each other.
        var name = $"{SafeFileName.For(ack.CorrelationId, 60)}+{ack.Kind}+{SafeFileName.For(ack.ControlId, 60)}.json";
        WriteAtomically(Path.Combine(_root, "acks", name), json);
    }

    private string? Redact(string? text) => text is null || _showPatientData ? text : MssanteAddress.RedactPatientMailboxes(text);

    private string SentPath(string controlId) => Path.Combine(_root, "sent", SafeFileName.For(controlId) + ".json");

    // How earlier versions named sent/ files (read only, to correlate with journals they wrote).
    private static string LegacyName(string id) => string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
