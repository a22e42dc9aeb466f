using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MimeKit;

namespace SglReference.Mss.Sending;

/// <summary>
/// A durable outbox in a directory: each message is an .eml with a .json state in pending/, sent/ or failed/. A message
/// enters once (by Message-ID) and leaves pending/ only when the server accepted it (sent/) or refused it for good
/// (failed/, with the reply): a server that is down delays messages, it never loses them.
/// <para>
/// Crash safety (kill -9 at any instant): the attempt is recorded (durably) before the message is handed to the server
/// and the outcome is committed by one atomic rename (the state file in sent/ or failed/; the .eml follows). A message a
/// 250 accepted is never sent again, except in the one window no SMTP client can close — killed after the server took
/// the message and before its reply was recorded —: the next run sends it again and counts it
/// (<see cref="OutboxItem.InterruptedAttempts"/>, <see cref="OutboxItem.MayBeDuplicate"/>); the Message-ID is the same,
/// so receivers can tell.
/// </para>
/// <para>
/// Order: messages are sent in the order they were queued, and within a document chain
/// (<see cref="OutboxItem.ChainKey"/>) in sequence order: a replacement or a deletion waits until what it follows has
/// been sent (or has failed for good). Deliveries are serialized by a lock file, so two processes never send the same
/// message. The hosted service keeps the same states in its database.
/// </para>
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

    /// <summary>Every message in a state, in the order they were queued.</summary>
    public IReadOnlyList<OutboxItem> Items(OutboxState state) =>
        Directory.GetFiles(Folder(state), "*.json").Select(TryRead).OfType<OutboxItem>()
            .OrderBy(i => i.EnqueuedAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();

    /// <summary>Adds a message (its .eml bytes); a message already in the outbox, in any state, is not added twice.</summary>
    public OutboxItem Enqueue(byte[] eml, DateTimeOffset now) => Enqueue(eml, now, null, null);

    /// <summary>
    /// Adds a message with its place in its document chain (<c>OutboundMessage.ChainKey</c> and <c>Sequence</c>, or
    /// what the render manifest says of the .eml); a message already in the outbox, in any state, is not added twice.
    /// </summary>
    public OutboxItem Enqueue(byte[] eml, DateTimeOffset now, string? chainKey, int? sequence)
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

        if (Find(message.MessageId) is { } existing)
        {
            return existing;
        }

        var id = FreeStem(message.MessageId);
        var item = new OutboxItem(id, message.MessageId, OutboxState.Pending, 0, now, now, null, null, chainKey, sequence);
        // The .eml first: a state never names a message that is not there. A crash between the two leaves an .eml the
        // next delivery adopts.
        WriteAtomically(PathOf(OutboxState.Pending, id, ".eml"), eml);
        WriteState(item);
        return item;
    }

    /// <summary>
    /// Tries every pending message that is due (all of them when <paramref name="ignoreSchedule"/>), one at a time, in
    /// queue and chain order, and moves each according to the outcome. Returns what happened to each message tried.
    /// A <see cref="SmtpStatus.Blocked"/> outcome ends the run, the message left pending and its attempt not counted.
    /// </summary>
    public async Task<IReadOnlyList<OutboxItem>> DeliverAsync(
        Func<MimeMessage, CancellationToken, Task<SmtpOutcome>> send,
        DateTimeOffset now,
        bool ignoreSchedule = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(send);
        using var gate = Lock();
        Recover(now);
        var results = new List<OutboxItem>();
        var pending = Items(OutboxState.Pending).Where(i => File.Exists(PathOf(OutboxState.Pending, i.Id, ".eml"))).ToList();
        var chains = new Dictionary<string, Queue<OutboxItem>>(StringComparer.Ordinal);
        foreach (var group in pending.Where(i => i.ChainKey is not null).GroupBy(i => i.ChainKey!, StringComparer.Ordinal))
        {
            chains[group.Key] = new Queue<OutboxItem>(group.Order(ChainOrder.Instance));
        }

        var waiting = new HashSet<string>(StringComparer.Ordinal); // chains whose head stays pending this run
        var done = new HashSet<string>(StringComparer.Ordinal);
        bool progress;
        do
        {
            progress = false;
            foreach (var item in pending)
            {
                if (done.Contains(item.Id))
                {
                    continue;
                }

                var chain = item.ChainKey;
                if (chain is not null && (waiting.Contains(chain) || !ReferenceEquals(chains[chain].Peek(), item)))
                {
                    continue;
                }

                done.Add(item.Id);
                if (!ignoreSchedule && item.NextAttemptAt > now)
                {
                    if (chain is not null)
                    {
                        waiting.Add(chain);
                    }

                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var (next, blocked) = await AttemptAsync(item, send, now, cancellationToken).ConfigureAwait(false);
                results.Add(next);
                if (blocked)
                {
                    return results;
                }

                progress = true;
                if (chain is not null)
                {
                    if (next.State == OutboxState.Pending)
                    {
                        waiting.Add(chain);
                    }
                    else
                    {
                        chains[chain].Dequeue();
                    }
                }
            }
        }
        while (progress);

        return results;
    }

    /// <summary>One attempt: marked before the message leaves, its outcome committed after; true when the run must stop.</summary>
    private async Task<(OutboxItem Next, bool Blocked)> AttemptAsync(OutboxItem item, Func<MimeMessage, CancellationToken, Task<SmtpOutcome>> send, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var emlPath = PathOf(OutboxState.Pending, item.Id, ".eml");
        var message = await MimeMessage.LoadAsync(emlPath, cancellationToken).ConfigureAwait(false);

        // Recorded before the message leaves: if this process dies before the outcome is written, the next run knows
        // the server may have the message.
        var started = item with { AttemptStartedAt = now };
        WriteState(started);
        SmtpOutcome outcome;
        try
        {
            outcome = await send(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Nothing is known of the server's side: the mark stays, the next run counts the attempt as interrupted.
            throw;
        }
#pragma warning disable CA1031 // a sender failing unexpectedly must neither stop the run nor lose the message: it stays pending, the failure recorded
        catch (Exception ex)
#pragma warning restore CA1031
        {
            outcome = new SmtpOutcome(SmtpStatus.Retry, null, $"unexpected {ex.GetType().Name}: {OneLine(ex.Message)}");
        }

        var attempts = item.Attempts + 1;
        OutboxItem next;
        switch (outcome.Status)
        {
            case SmtpStatus.Delivered:
                next = started with { State = OutboxState.Sent, Attempts = attempts, LastReplyCode = outcome.ReplyCode, LastResult = outcome.Detail, NextAttemptAt = now, AttemptStartedAt = null };
                Commit(next);
                return (next, false);
            case SmtpStatus.Rejected:
                next = started with { State = OutboxState.Failed, Attempts = attempts, LastReplyCode = outcome.ReplyCode, LastResult = outcome.Detail, NextAttemptAt = now, AttemptStartedAt = null };
                Commit(next);
                return (next, false);
            case SmtpStatus.Blocked:
                // Nothing was handed over: not an attempt of this message.
                next = item with { LastReplyCode = outcome.ReplyCode, LastResult = outcome.Detail, AttemptStartedAt = null };
                WriteState(next);
                return (next, true);
            default:
                if (attempts >= _policy.MaxAttempts)
                {
                    next = started with { State = OutboxState.Failed, Attempts = attempts, LastReplyCode = outcome.ReplyCode, LastResult = $"gave up after {attempts} attempts: {outcome.Detail}", NextAttemptAt = now, AttemptStartedAt = null };
                    Commit(next);
                }
                else
                {
                    next = started with { Attempts = attempts, LastReplyCode = outcome.ReplyCode, LastResult = outcome.Detail, NextAttemptAt = now + _policy.BackoffAfter(attempts), AttemptStartedAt = null };
                    WriteState(next);
                }

                return (next, false);
        }
    }

    private FileStream Lock()
    {
        try
        {
            return new FileStream(Path.Combine(_root, "outbox.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"another process is delivering the outbox {_root}: try again when it is done", ex);
        }
    }

    /// <summary>Within a chain: by sequence, then in queue order.</summary>
    private sealed class ChainOrder : IComparer<OutboxItem>
    {
        public static readonly ChainOrder Instance = new();

        public int Compare(OutboxItem? x, OutboxItem? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var bySequence = (x.Sequence ?? int.MaxValue).CompareTo(y.Sequence ?? int.MaxValue);
            if (bySequence != 0)
            {
                return bySequence;
            }

            var byTime = x.EnqueuedAt.CompareTo(y.EnqueuedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.Id, y.Id);
        }
    }

    /// <summary>
    /// Makes the folders consistent after an interrupted run: a committed outcome (its state in sent/ or failed/) wins
    /// over what is left in pending/; an .eml in sent/ or failed/ without its state (left by an earlier version) stays
    /// there and gets one; an .eml left in pending/ without its state is adopted; an attempt found still marked was
    /// interrupted, and counted.
    /// </summary>
    private void Recover(DateTimeOffset now)
    {
        foreach (var final in new[] { OutboxState.Sent, OutboxState.Failed })
        {
            foreach (var eml in Directory.GetFiles(Folder(final), "*.eml"))
            {
                var id = Path.GetFileNameWithoutExtension(eml);
                if (!File.Exists(PathOf(final, id, ".json")))
                {
                    var messageId = MessageIdOf(eml) ?? id;
                    WriteState(new OutboxItem(id, messageId, final, 1, File.GetLastWriteTimeUtc(eml), now, null,
                        "recovered: an interrupted run had moved the message here without recording its state"));
                }
            }

            foreach (var state in Directory.GetFiles(Folder(final), "*.json"))
            {
                var id = Path.GetFileNameWithoutExtension(state);
                var pendingEml = PathOf(OutboxState.Pending, id, ".eml");
                if (File.Exists(pendingEml))
                {
                    File.Move(pendingEml, PathOf(final, id, ".eml"), overwrite: true);
                }

                File.Delete(PathOf(OutboxState.Pending, id, ".json"));
            }
        }

        foreach (var eml in Directory.GetFiles(Folder(OutboxState.Pending), "*.eml"))
        {
            var id = Path.GetFileNameWithoutExtension(eml);
            // Left by an Enqueue that died before writing the state (not one running now: give it a minute).
            if (!File.Exists(PathOf(OutboxState.Pending, id, ".json")) && File.GetLastWriteTimeUtc(eml) < now.UtcDateTime.AddMinutes(-1))
            {
                WriteState(new OutboxItem(id, MessageIdOf(eml) ?? id, OutboxState.Pending, 0, File.GetLastWriteTimeUtc(eml), now, null, null));
            }
        }

        foreach (var state in Directory.GetFiles(Folder(OutboxState.Pending), "*.json"))
        {
            var id = Path.GetFileNameWithoutExtension(state);
            if (!File.Exists(PathOf(OutboxState.Pending, id, ".eml")))
            {
                continue; // an Enqueue in progress, or an .eml removed by hand: nothing to send
            }

            if (TryRead(state) is { AttemptStartedAt: not null } interrupted)
            {
                WriteState(interrupted with
                {
                    Attempts = interrupted.Attempts + 1,
                    InterruptedAttempts = interrupted.InterruptedAttempts + 1,
                    AttemptStartedAt = null,
                    NextAttemptAt = now,
                    LastResult = "interrupted while sending: the server may have accepted it, so sending it again may deliver it twice",
                });
            }
        }
    }

    /// <summary>The commit: the state file's atomic rename into sent/ or failed/; the .eml follows, pending/ is cleaned.</summary>
    private void Commit(OutboxItem outcome)
    {
        WriteState(outcome);
        File.Move(PathOf(OutboxState.Pending, outcome.Id, ".eml"), PathOf(outcome.State, outcome.Id, ".eml"), overwrite: true);
        File.Delete(PathOf(OutboxState.Pending, outcome.Id, ".json"));
    }

    /// <summary>The message with this Message-ID, in any state (an .eml without its state counts too).</summary>
    private OutboxItem? Find(string messageId)
    {
        foreach (var stem in Stems(messageId))
        {
            foreach (var state in new[] { OutboxState.Sent, OutboxState.Failed, OutboxState.Pending })
            {
                if (TryRead(PathOf(state, stem, ".json")) is { } item && item.MessageId == messageId)
                {
                    return item;
                }

                var eml = PathOf(state, stem, ".eml");
                if (File.Exists(eml) && !File.Exists(PathOf(state, stem, ".json")) && MessageIdOf(eml) == messageId)
                {
                    return new OutboxItem(stem, messageId, state, 0, File.GetLastWriteTimeUtc(eml), File.GetLastWriteTimeUtc(eml), null, null);
                }
            }
        }

        return null;
    }

    /// <summary>The stem for a new message: the readable one, or its hashed form when another Message-ID has it.</summary>
    private string FreeStem(string messageId)
    {
        foreach (var stem in Stems(messageId))
        {
            var taken = Enum.GetValues<OutboxState>().Any(s => File.Exists(PathOf(s, stem, ".json")) || File.Exists(PathOf(s, stem, ".eml")));
            if (!taken)
            {
                return stem;
            }
        }

        throw new InvalidOperationException($"the outbox already holds another message under the names of {messageId}");
    }

    /// <summary>The readable stem (as earlier versions named files), then one that cannot collide (a hash of the exact id).</summary>
    private static string[] Stems(string messageId)
    {
        var readable = string.Concat(messageId.Take(96).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        var hashed = readable[..Math.Min(readable.Length, 64)] + "~" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)))[..16];
        return readable.Length == 0 || readable[0] == '.' ? [hashed] : [readable, hashed];
    }

    private static string? MessageIdOf(string emlPath)
    {
        try
        {
            using var stream = File.OpenRead(emlPath);
            var headers = HeaderList.Load(stream);
            return MimeKit.Utils.MimeUtils.EnumerateReferences(headers[HeaderId.MessageId] ?? string.Empty).FirstOrDefault();
        }
        catch (Exception ex) when (ex is FormatException or IOException or ParseException)
        {
            return null;
        }
    }

    private void WriteState(OutboxItem item) =>
        WriteAtomically(PathOf(item.State, item.Id, ".json"), JsonSerializer.SerializeToUtf8Bytes(item, Json));

    private static OutboxItem? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<OutboxItem>(File.ReadAllBytes(path), Json) : null;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not an outbox state: {ex.Message}", ex);
        }
    }

    private string Folder(OutboxState state) => Path.Combine(_root, state.ToString().ToLowerInvariant());

    private string PathOf(OutboxState state, string id, string extension) => Path.Combine(Folder(state), id + extension);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

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
