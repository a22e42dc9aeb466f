using System.Text.Json;
using System.Text.Json.Serialization;
using MimeKit;

namespace SglReference.Mss.Sending;

/// <summary>
/// A durable outbox in a directory: each message is an .eml with a .json state in pending/, sent/ or failed/. A message
/// enters once (by Message-ID), leaves pending/ only when the server accepted it (sent/) or refused it for good
/// (failed/, with the reply): a server that is down delays messages, it never loses them. Deliveries are serialized by
/// a lock file, so two processes never send the same message. The hosted service keeps the same states in its database.
/// </summary>
public sealed class MssOutbox
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };
    private readonly string _root;
    private readonly OutboxPolicy _policy;

    /// <summary>Opens (and creates) an outbox directory.</summary>
    public MssOutbox(string directory, OutboxPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        _root = directory;
        _policy = policy ?? OutboxPolicy.Default;
        foreach (var state in Enum.GetValues<OutboxState>())
        {
            Directory.CreateDirectory(Folder(state));
        }
    }

    /// <summary>Every message in a state.</summary>
    public IReadOnlyList<OutboxItem> Items(OutboxState state) =>
        Directory.GetFiles(Folder(state), "*.json").Order(StringComparer.Ordinal).Select(Read).ToList();

    /// <summary>Adds a message (its .eml bytes); a message already in the outbox, in any state, is not added twice.</summary>
    public OutboxItem Enqueue(byte[] eml, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(eml);
        var message = MimeMessage.Load(new MemoryStream(eml, writable: false));
        if (string.IsNullOrEmpty(message.MessageId))
        {
            throw new InvalidOperationException("the message has no Message-ID: the outbox could not tell it from another");
        }

        if (message.To.Count == 0 || message.From.Count == 0)
        {
            throw new InvalidOperationException("the message has no sender or no recipient");
        }

        var id = Stem(message.MessageId);
        foreach (var state in Enum.GetValues<OutboxState>())
        {
            var existing = Path.Combine(Folder(state), id + ".json");
            if (File.Exists(existing))
            {
                return Read(existing);
            }
        }

        var item = new OutboxItem(id, message.MessageId, OutboxState.Pending, 0, now, now, null, null);
        WriteAtomically(Path.Combine(Folder(OutboxState.Pending), id + ".eml"), eml);
        WriteState(item);
        return item;
    }

    /// <summary>
    /// Tries every pending message that is due (all of them when <paramref name="ignoreSchedule"/>), one at a time, and
    /// moves each according to the outcome. Returns what happened to each message tried.
    /// </summary>
    public async Task<IReadOnlyList<OutboxItem>> DeliverAsync(
        Func<MimeMessage, CancellationToken, Task<SmtpOutcome>> send,
        DateTimeOffset now,
        bool ignoreSchedule = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(send);
        using var gate = new FileStream(Path.Combine(_root, "outbox.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var results = new List<OutboxItem>();
        foreach (var item in Items(OutboxState.Pending))
        {
            if (!ignoreSchedule && item.NextAttemptAt > now)
            {
                continue;
            }

            var emlPath = Path.Combine(Folder(OutboxState.Pending), item.Id + ".eml");
            if (!File.Exists(emlPath))
            {
                // Interrupted between the commit (the .eml's move) and the state's cleanup: finish the cleanup.
                File.Delete(Path.Combine(Folder(OutboxState.Pending), item.Id + ".json"));
                continue;
            }

            var message = await MimeMessage.LoadAsync(emlPath, cancellationToken).ConfigureAwait(false);
            var outcome = await send(message, cancellationToken).ConfigureAwait(false);
            var attempts = item.Attempts + 1;
            OutboxItem next;
            switch (outcome.Status)
            {
                case SmtpStatus.Delivered:
                    next = item with { State = OutboxState.Sent, Attempts = attempts, LastReplyCode = outcome.ReplyCode, LastResult = outcome.Detail, NextAttemptAt = now };
                    Move(item.Id, OutboxState.Sent, next);
                    break;
                case SmtpStatus.Rejected:
                    next = item with { State = OutboxState.Failed, Attempts = attempts, LastReplyCode = outcome.ReplyCode, LastResult = outcome.Detail, NextAttemptAt = now };
                    Move(item.Id, OutboxState.Failed, next);
                    break;
                default:
                    if (attempts >= _policy.MaxAttempts)
                    {
                        next = item with { State = OutboxState.Failed, Attempts = attempts, LastReplyCode = outcome.ReplyCode, LastResult = $"gave up after {attempts} attempts: {outcome.Detail}", NextAttemptAt = now };
                        Move(item.Id, OutboxState.Failed, next);
                    }
                    else
                    {
                        next = item with { Attempts = attempts, LastReplyCode = outcome.ReplyCode, LastResult = outcome.Detail, NextAttemptAt = now + _policy.BackoffAfter(attempts) };
                        WriteState(next);
                    }

                    break;
            }

            results.Add(next);
        }

        return results;
    }

    private void Move(string id, OutboxState to, OutboxItem state)
    {
        // The .eml's rename is the commit point: once it is in sent/ or failed/, it is never tried again.
        File.Move(Path.Combine(Folder(OutboxState.Pending), id + ".eml"), Path.Combine(Folder(to), id + ".eml"), overwrite: true);
        WriteState(state);
        File.Delete(Path.Combine(Folder(OutboxState.Pending), id + ".json"));
    }

    private void WriteState(OutboxItem item) =>
        WriteAtomically(Path.Combine(Folder(item.State), item.Id + ".json"), JsonSerializer.SerializeToUtf8Bytes(item, Json));

    private static OutboxItem Read(string path) =>
        JsonSerializer.Deserialize<OutboxItem>(File.ReadAllBytes(path), Json) ?? throw new InvalidDataException($"{path} is not an outbox state");

    private string Folder(OutboxState state) => Path.Combine(_root, state.ToString().ToLowerInvariant());

    private static string Stem(string messageId) =>
        string.Concat(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));

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
