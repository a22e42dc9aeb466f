using System.Data.Common;
using System.Globalization;

namespace SglReference.Delivery.Sql;

/// <summary>The outbox: claims under a lease in chain order, attempt results, retries from the dead letter, acknowledgements.</summary>
public abstract partial class SqlDeliveryStore
{
    private const string DeliveryColumns =
        "o.id, o.revision, o.channel, o.destination, o.kind, o.document_id, o.version, o.sequence, o.correlation_id, o.status, o.attempts, o.last_error, o.sent_at, o.next_attempt_at, o.acknowledgement, o.report_id";

    /// <inheritdoc />
    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(string owner, IReadOnlyCollection<string> channels, int max, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0 || max < 1)
        {
            return [];
        }

        var (list, channelParameters) = InList("c", channels.ToList());
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var txScope = tx.ConfigureAwait(false);
        var ids = await QueryAsync(connection, tx, $"""
            UPDATE sgl_outbox SET lease_owner = @o, lease_until = @until
            WHERE id IN (SELECT q.id FROM sgl_outbox q
                         WHERE q.status IN ('pending', 'failed') AND q.next_attempt_at <= @now AND q.channel IN ({list})
                           AND (q.lease_until IS NULL OR q.lease_until < @now)
                           AND NOT EXISTS (SELECT 1 FROM sgl_outbox p WHERE p.channel = q.channel AND p.destination = q.destination
                                           AND p.chain_key = q.chain_key AND p.sequence < q.sequence AND p.status <> 'sent')
                         ORDER BY q.next_attempt_at, q.id LIMIT @max {Dialect.SkipLocked})
            RETURNING id
            """, r => Long(r, 0), cancellationToken, [("@o", owner), ("@until", Ms(leaseUntil)), ("@now", Ms(now)), ("@max", (long)max), .. channelParameters]).ConfigureAwait(false);
        if (ids.Count == 0)
        {
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return [];
        }

        var (idList, idParameters) = InList("i", ids);
        var rows = await QueryAsync(connection, tx, $"""
            SELECT o.id, o.report_id, o.revision, o.channel, o.kind, o.destination, o.idempotency_key, o.chain_key, o.sequence, o.document_id, o.version,
                   o.attempts, a.media_type, a.file_name, a.content, a.audience, a.composition, a.size
            FROM sgl_outbox o JOIN sgl_artifacts a ON a.id = o.artifact_id WHERE o.id IN ({idList}) ORDER BY o.id
            """, r => (Message: new ClaimedMessage(Long(r, 0), Str(r, 1), Int(r, 2), Str(r, 3), Str(r, 4), Str(r, 5), Str(r, 6), Str(r, 7), Int(r, 8), Str(r, 9), Int(r, 10),
                Int(r, 11), Str(r, 12), Str(r, 13), Bytes(r, 14), NStr(r, 15)), Recipe: NStr(r, 16), Size: Long(r, 17)), cancellationToken, idParameters).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);

        // Put together after the claim's commit (artifacts never change), not under the writer lock; one read for all.
        var whole = await ComposeAsync(connection, [.. rows.Select(r => (r.Message.ReportId, r.Message.Content, r.Recipe, r.Size))], cancellationToken).ConfigureAwait(false);
        return [.. rows.Select((r, i) => whole[i] is { } content ? r.Message with { Content = content } : r.Message)];
    }

    /// <inheritdoc />
    public async Task<bool> RecordAsync(ClaimedMessage message, string owner, DeliveryResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(result);
        var detail = ErrorText.Safe(result.Detail);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var txScope = tx.ConfigureAwait(false);
        var updated = await ExecuteAsync(connection, tx, """
            UPDATE sgl_outbox SET status = @s, attempts = @a, next_attempt_at = @next, last_code = @code,
                   last_error = CASE WHEN @sent = 1 THEN last_error ELSE @err END, sent_at = CASE WHEN @sent = 1 THEN @at ELSE sent_at END,
                   lease_owner = NULL, lease_until = NULL
            WHERE id = @id AND lease_owner = @o
            """, cancellationToken, ("@s", DeliveryStates.Name(result.State)), ("@a", result.Attempts), ("@next", Ms(result.NextAttemptAt)), ("@code", result.Code),
            ("@err", detail), ("@sent", result.State == DeliveryState.Sent ? 1L : 0L), ("@at", Ms(result.At)), ("@id", message.Id), ("@o", owner)).ConfigureAwait(false);
        if (updated != 1)
        {
            await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        var what = string.Create(CultureInfo.InvariantCulture,
            $"{message.Channel} to {message.Destination}, document {message.DocumentId} version {message.Version}, attempt {result.Attempts}: {(result.Code is null ? string.Empty : result.Code + " ")}{detail}");
        await AuditAsync(connection, tx, message.ReportId, message.Revision, result.At, DeliveryStates.Name(result.State), owner, what, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task<int> ReleaseAsync(string owner, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        return await ExecuteAsync(connection, null, "UPDATE sgl_outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = @o", cancellationToken, ("@o", owner)).ConfigureAwait(false);
    }

    /// <summary>Gives back every lease, whoever holds it: for a store only one process may open (SQLite), at start.</summary>
    public async Task<int> ReleaseAllAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var txScope = tx.ConfigureAwait(false);
        var released = await ExecuteAsync(connection, tx, "UPDATE sgl_outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL", cancellationToken).ConfigureAwait(false);
        released += await ExecuteAsync(connection, tx, "UPDATE sgl_jobs SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL AND state = 'pending'", cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return released;
    }

    /// <inheritdoc />
    public async Task<bool> RetryAsync(long deliveryId, string actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var txScope = tx.ConfigureAwait(false);
        var rows = await QueryAsync(connection, tx,
            "UPDATE sgl_outbox SET status = 'pending', attempts = 0, next_attempt_at = @now WHERE id = @id AND status = 'dead' RETURNING report_id, revision, channel, destination, document_id, version, attempts",
            r => (ReportId: Str(r, 0), Revision: Long(r, 1), Channel: Str(r, 2), Destination: Str(r, 3), Document: Str(r, 4), Version: Long(r, 5)), cancellationToken,
            ("@now", Ms(now)), ("@id", deliveryId)).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        var m = rows[0];
        await AuditAsync(connection, tx, m.ReportId, m.Revision, now, "retried", actor,
            string.Create(CultureInfo.InvariantCulture, $"dead letter {deliveryId} ({m.Channel} to {m.Destination}, document {m.Document} version {m.Version}) put back in the queue"), cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task<bool> AcknowledgeAsync(string correlationId, string acknowledgement, string actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var text = ErrorText.Safe(acknowledgement);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var txScope = tx.ConfigureAwait(false);
        var rows = await QueryAsync(connection, tx, "UPDATE sgl_outbox SET acknowledgement = @a WHERE correlation_id = @c RETURNING report_id, revision, id",
            r => (ReportId: Str(r, 0), Revision: Long(r, 1), Id: Long(r, 2)), cancellationToken, ("@a", text), ("@c", correlationId)).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await AuditAsync(connection, tx, row.ReportId, row.Revision, now, "acknowledged", actor,
                string.Create(CultureInfo.InvariantCulture, $"message {correlationId} (delivery {row.Id}): {text}"), cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows.Count > 0;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(string ReportId, DeliveryView Delivery)>> DeadLettersAsync(int max, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        return await QueryAsync(connection, null, $"SELECT {DeliveryColumns} FROM sgl_outbox o WHERE o.status = 'dead' ORDER BY o.id DESC LIMIT @max",
            r => (Str(r, 15), ReadDelivery(r)), cancellationToken, ("@max", (long)max)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChannelTally>> TallyAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        return await QueryAsync(connection, null, "SELECT channel, status, COUNT(*) FROM sgl_outbox GROUP BY channel, status ORDER BY channel, status",
            r => new ChannelTally(Str(r, 0), Str(r, 1), Int(r, 2)), cancellationToken).ConfigureAwait(false);
    }

    internal static DeliveryView ReadDelivery(DbDataReader r) => new(
        Long(r, 0), Int(r, 1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5), Int(r, 6), Int(r, 7), NStr(r, 8), Str(r, 9), Int(r, 10), NStr(r, 11),
        NLong(r, 12) is { } sent ? Time(sent) : null, Time(Long(r, 13)), NStr(r, 14));
}
