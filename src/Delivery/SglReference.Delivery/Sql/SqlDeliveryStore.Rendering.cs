using System.Globalization;
using SglReference.Domain.Documents;

namespace SglReference.Delivery.Sql;

/// <summary>Render jobs: claimed per report in order, committed with their artifacts, outbox messages and lineage.</summary>
public abstract partial class SqlDeliveryStore
{
    /// <inheritdoc />
    public async Task<RenderJob?> ClaimJobAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var txScope = tx.ConfigureAwait(false);
        var claimed = await QueryAsync(connection, tx, $"""
            UPDATE sgl_jobs SET lease_owner = @o, lease_until = @until, attempts = attempts + 1
            WHERE id = (SELECT j.id FROM sgl_jobs j
                        WHERE j.state = 'pending' AND (j.lease_until IS NULL OR j.lease_until < @now)
                          AND NOT EXISTS (SELECT 1 FROM sgl_jobs e WHERE e.report_id = j.report_id AND e.state = 'pending' AND e.id < j.id)
                        ORDER BY j.id LIMIT 1 {Dialect.SkipLocked})
            RETURNING id, report_id, revision, action, attempts
            """, r => (Id: Long(r, 0), ReportId: Str(r, 1), Revision: Int(r, 2), Action: Str(r, 3), Attempts: Int(r, 4)), cancellationToken,
            ("@o", owner), ("@until", Ms(leaseUntil)), ("@now", Ms(now))).ConfigureAwait(false);
        if (claimed.Count == 0)
        {
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        var job = claimed[0];
        var body = await QueryAsync(connection, tx, "SELECT format, body FROM sgl_revisions WHERE report_id = @r AND revision = @v",
            r => (Format: Str(r, 0), Body: Bytes(r, 1)), cancellationToken, ("@r", job.ReportId), ("@v", job.Revision)).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RenderJob(job.Id, job.ReportId, job.Revision, job.Action == "withdraw" ? RenderJobAction.Withdraw : RenderJobAction.Publish, job.Attempts,
            body[0].Format, body[0].Body);
    }

    /// <inheritdoc />
    public async Task<bool> CommitRenderAsync(RenderCommit commit, string owner, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var job = commit.Job;
        var at = Ms(now);
        var action = job.Action == RenderJobAction.Withdraw ? "withdraw" : "publish";
        var compositions = Compositions(commit);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var txScope = tx.ConfigureAwait(false);
        if (await ExecuteAsync(connection, tx, "UPDATE sgl_jobs SET state = 'done', lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @o AND state = 'pending'",
                cancellationToken, ("@id", job.Id), ("@o", owner)).ConfigureAwait(false) != 1)
        {
            await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        var ids = new long[commit.Artifacts.Count];
        for (var i = 0; i < commit.Artifacts.Count; i++)
        {
            var a = commit.Artifacts[i];
            var composition = compositions[i];
            var content = composition is null ? a.Content : composition.Literal;
            var recipe = composition is null ? null : ArtifactComposition.Recipe(composition.Segments, [.. composition.Sources.Select(s => ids[s])]);
            ids[i] = Convert.ToInt64(await ScalarAsync(connection, tx, """
                INSERT INTO sgl_artifacts (report_id, revision, action, kind, audience, channel, document_id, set_id, version, media_type, file_name, size, content, composition)
                VALUES (@r, @v, @act, @k, @aud, @ch, @doc, @set, @ver, @mt, @fn, @size, @c, @comp) RETURNING id
                """, cancellationToken, ("@r", job.ReportId), ("@v", job.Revision), ("@act", action), ("@k", a.Kind), ("@aud", a.Audience), ("@ch", a.Channel),
                ("@doc", a.DocumentId), ("@set", a.SetId), ("@ver", a.Version), ("@mt", a.MediaType), ("@fn", a.FileName), ("@size", (long)a.Content.Length),
                ("@c", content), ("@comp", recipe)).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        var entered = 0;
        foreach (var m in commit.Messages)
        {
            entered += await ExecuteAsync(connection, tx, """
                INSERT INTO sgl_outbox (report_id, revision, channel, kind, destination, idempotency_key, chain_key, sequence, document_id, version,
                                        correlation_id, artifact_id, status, attempts, next_attempt_at, created_at)
                VALUES (@r, @v, @ch, @k, @dest, @key, @chain, @seq, @doc, @ver, @corr, @art, 'pending', 0, @at, @at)
                ON CONFLICT (idempotency_key) DO NOTHING
                """, cancellationToken, ("@r", job.ReportId), ("@v", job.Revision), ("@ch", m.Channel), ("@k", m.Kind), ("@dest", m.Destination),
                ("@key", m.IdempotencyKey), ("@chain", m.ChainKey), ("@seq", m.Sequence), ("@doc", m.DocumentId), ("@ver", m.Version),
                ("@corr", m.CorrelationId), ("@art", ids[m.ArtifactIndex]), ("@at", at)).ConfigureAwait(false);
        }

        foreach (var d in commit.Issued)
        {
            await ExecuteAsync(connection, tx, """
                INSERT INTO sgl_lineage (report_id, format, audience, version, document_id, set_id, revision, replaces_id, replaces_set_id, replaces_version, issued_at)
                VALUES (@r, @f, @aud, @ver, @id, @set, @rev, @rid, @rset, @rver, @at) ON CONFLICT (report_id, format, audience, version) DO NOTHING
                """, cancellationToken, ("@r", job.ReportId), ("@f", d.Format.ToString()), ("@aud", d.Audience.ToString()), ("@ver", d.Identity.Version),
                ("@id", d.Identity.Id), ("@set", d.Identity.SetId), ("@rev", d.Revision), ("@rid", d.Identity.Replaces?.Id), ("@rset", d.Identity.Replaces?.SetId),
                ("@rver", d.Identity.Replaces?.Version), ("@at", at)).ConfigureAwait(false);
        }

        var status = job.Action == RenderJobAction.Withdraw ? ReportStatuses.Withdrawn : ReportStatuses.Rendered;
        await ExecuteAsync(connection, tx, "UPDATE sgl_reports SET status = @s, error = NULL, updated_at = @at WHERE report_id = @r AND revision = @v AND status <> @w",
            cancellationToken, ("@s", status), ("@at", at), ("@r", job.ReportId), ("@v", job.Revision),
            ("@w", job.Action == RenderJobAction.Withdraw ? "-" : ReportStatuses.Withdrawing)).ConfigureAwait(false);
        await AuditAsync(connection, tx, job.ReportId, job.Revision, now, job.Action == RenderJobAction.Withdraw ? "withdrawn" : "rendered", owner,
            string.Create(CultureInfo.InvariantCulture, $"{commit.Summary}; {entered} message(s) entered the outbox"), cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// How each message of the package is stored (<see cref="ArtifactComposition"/>): without the files of the package
    /// it carries, found before the transaction so that the writer lock is not held while searching. Null for the files
    /// themselves and for a message that carries none of them.
    /// </summary>
    private static StoredComposition?[] Compositions(RenderCommit commit)
    {
        var compositions = new StoredComposition?[commit.Artifacts.Count];
        var messages = commit.Messages.Select(m => m.ArtifactIndex).ToHashSet();
        var sources = Enumerable.Range(0, commit.Artifacts.Count).Where(i => !messages.Contains(i) && commit.Artifacts[i].Content.Length >= ArtifactComposition.MinimumSource).ToList();
        foreach (var index in messages)
        {
            // A message takes only files stored before it (their ids are known when it is inserted).
            var earlier = sources.Where(s => s < index).ToList();
            var content = commit.Artifacts[index].Content;
            if (earlier.Count > 0 && ArtifactComposition.Find(content.Span, [.. earlier.Select(s => commit.Artifacts[s].Content)]) is { } segments)
            {
                compositions[index] = new StoredComposition(ArtifactComposition.Literal(content.Span, segments), segments, earlier);
            }
        }

        return compositions;
    }

    /// <summary>A message as stored: its literal bytes, its segments, and the package indices of the sources they name.</summary>
    private sealed record StoredComposition(byte[] Literal, IReadOnlyList<ArtifactComposition.Segment> Segments, IReadOnlyList<int> Sources);

    /// <inheritdoc />
    public async Task<bool> FailRenderAsync(RenderJob job, string owner, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var safe = ErrorText.Safe(reason);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var txScope = tx.ConfigureAwait(false);
        if (await ExecuteAsync(connection, tx, "UPDATE sgl_jobs SET state = 'failed', error = @e, lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @o AND state = 'pending'",
                cancellationToken, ("@id", job.Id), ("@o", owner), ("@e", safe)).ConfigureAwait(false) != 1)
        {
            await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        await ExecuteAsync(connection, tx, "UPDATE sgl_reports SET status = @s, error = @e, updated_at = @at WHERE report_id = @r AND revision = @v", cancellationToken,
            ("@s", ReportStatuses.Failed), ("@e", safe), ("@at", Ms(now)), ("@r", job.ReportId), ("@v", job.Revision)).ConfigureAwait(false);
        await AuditAsync(connection, tx, job.ReportId, job.Revision, now, "refused", owner, safe, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task<int> ReleaseJobsAsync(string owner, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        return await ExecuteAsync(connection, null,
            "UPDATE sgl_jobs SET lease_owner = NULL, lease_until = NULL, attempts = attempts - 1 WHERE lease_owner = @o AND state = 'pending'",
            cancellationToken, ("@o", owner)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IssuedDocument>> LastIssuedAsync(string reportId, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        return await QueryAsync(connection, null, """
            SELECT format, audience, version, document_id, set_id, revision, replaces_id, replaces_set_id, replaces_version FROM sgl_lineage l
            WHERE report_id = @r AND version = (SELECT MAX(version) FROM sgl_lineage m WHERE m.report_id = l.report_id AND m.format = l.format AND m.audience = l.audience)
            ORDER BY format, audience
            """, ReadIssued, cancellationToken, ("@r", reportId)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IssuedDocument>> HistoryAsync(string reportId, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        return await QueryAsync(connection, null, """
            SELECT format, audience, version, document_id, set_id, revision, replaces_id, replaces_set_id, replaces_version FROM sgl_lineage
            WHERE report_id = @r ORDER BY version, format, audience
            """, ReadIssued, cancellationToken, ("@r", reportId)).ConfigureAwait(false);
    }

    private static IssuedDocument ReadIssued(System.Data.Common.DbDataReader r) => new(
        Enum.Parse<DocumentFormat>(Str(r, 0)), Enum.Parse<Audience>(Str(r, 1)),
        new DocumentIdentity(Str(r, 3), Str(r, 4), Int(r, 2), NStr(r, 6) is { } replaced ? new DocumentIdentity(replaced, Str(r, 7), Int(r, 8)) : null),
        Int(r, 5));
}
