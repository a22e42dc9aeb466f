using System.Globalization;

namespace SglReference.Delivery.Sql;

/// <summary>Intake and withdrawal: a submission and its render job, committed together.</summary>
public abstract partial class SqlDeliveryStore
{
    /// <inheritdoc />
    public async Task<AcceptOutcome> AcceptAsync(ReportSubmission submission, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var at = Ms(now);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var txScope = tx.ConfigureAwait(false);
        await ExecuteAsync(connection, tx,
            "INSERT INTO sgl_reports (report_id, laboratory, revision, status, received_at, updated_at) VALUES (@r, @lab, 0, @s, @at, @at) ON CONFLICT (report_id) DO NOTHING",
            cancellationToken, ("@r", submission.ReportId), ("@lab", submission.Laboratory), ("@s", ReportStatuses.Accepted), ("@at", at)).ConfigureAwait(false);
        var current = (await QueryAsync(connection, tx, $"SELECT laboratory, revision, status FROM sgl_reports WHERE report_id = @r {Dialect.RowLock}",
            r => (Lab: Str(r, 0), Revision: Int(r, 1), Status: Str(r, 2)), cancellationToken, ("@r", submission.ReportId)).ConfigureAwait(false))[0];
        if (!string.Equals(current.Lab, submission.Laboratory, StringComparison.Ordinal))
        {
            return new AcceptOutcome(AcceptKind.Conflict, current.Revision, current.Status, $"report {submission.ReportId} belongs to another laboratory");
        }

        var existing = await ScalarAsync(connection, tx, "SELECT content_hash FROM sgl_revisions WHERE report_id = @r AND revision = @v", cancellationToken,
            ("@r", submission.ReportId), ("@v", submission.Revision)).ConfigureAwait(false) as string;
        if (existing is not null)
        {
            return string.Equals(existing, submission.ContentHash, StringComparison.Ordinal)
                ? new AcceptOutcome(AcceptKind.Duplicate, current.Revision, current.Status)
                : new AcceptOutcome(AcceptKind.Conflict, current.Revision, current.Status,
                    string.Create(CultureInfo.InvariantCulture, $"revision {submission.Revision} of report {submission.ReportId} was accepted with other content: a change is a new revision ({current.Revision + 1})"));
        }

        if (submission.Revision < current.Revision)
        {
            return new AcceptOutcome(AcceptKind.Conflict, current.Revision, current.Status,
                string.Create(CultureInfo.InvariantCulture, $"revision {submission.Revision} of report {submission.ReportId} is older than revision {current.Revision}, already accepted"));
        }

        var kind = current.Revision == 0 ? AcceptKind.New : AcceptKind.Replacement;
        await ExecuteAsync(connection, tx,
            "INSERT INTO sgl_revisions (report_id, revision, format, content_hash, body, received_at, received_by) VALUES (@r, @v, @f, @h, @b, @at, @by)",
            cancellationToken, ("@r", submission.ReportId), ("@v", submission.Revision), ("@f", submission.Format), ("@h", submission.ContentHash),
            ("@b", submission.Body), ("@at", at), ("@by", submission.ReceivedBy)).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, "UPDATE sgl_reports SET revision = @v, status = @s, error = NULL, updated_at = @at WHERE report_id = @r", cancellationToken,
            ("@r", submission.ReportId), ("@v", submission.Revision), ("@s", ReportStatuses.Accepted), ("@at", at)).ConfigureAwait(false);
        await InsertJobAsync(connection, tx, submission.ReportId, submission.Revision, RenderJobAction.Publish, at, cancellationToken).ConfigureAwait(false);
        await AuditAsync(connection, tx, submission.ReportId, submission.Revision, now, "received", submission.ReceivedBy,
            string.Create(CultureInfo.InvariantCulture, $"revision {submission.Revision} received ({submission.Format}, {submission.Body.Length} bytes, sha-256 {submission.ContentHash[..Math.Min(16, submission.ContentHash.Length)]}…)"), cancellationToken).ConfigureAwait(false);
        if (kind == AcceptKind.Replacement)
        {
            await AuditAsync(connection, tx, submission.ReportId, submission.Revision, now, "replaced", submission.ReceivedBy,
                string.Create(CultureInfo.InvariantCulture, $"revision {submission.Revision} replaces revision {current.Revision} (kept in the history)"), cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new AcceptOutcome(kind, submission.Revision, ReportStatuses.Accepted);
    }

    /// <inheritdoc />
    public async Task<AcceptOutcome?> WithdrawAsync(string reportId, string actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reportId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var txScope = tx.ConfigureAwait(false);
        var rows = await QueryAsync(connection, tx, $"SELECT revision, status FROM sgl_reports WHERE report_id = @r {Dialect.RowLock}",
            r => (Revision: Int(r, 0), Status: Str(r, 1)), cancellationToken, ("@r", reportId)).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return null;
        }

        var (revision, status) = rows[0];
        if (status is ReportStatuses.Withdrawing or ReportStatuses.Withdrawn)
        {
            return new AcceptOutcome(AcceptKind.Duplicate, revision, status);
        }

        var at = Ms(now);
        await InsertJobAsync(connection, tx, reportId, revision, RenderJobAction.Withdraw, at, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, "UPDATE sgl_reports SET status = @s, updated_at = @at WHERE report_id = @r", cancellationToken,
            ("@r", reportId), ("@s", ReportStatuses.Withdrawing), ("@at", at)).ConfigureAwait(false);
        await AuditAsync(connection, tx, reportId, revision, now, "withdrawal-requested", actor, "withdrawal of the last issued version asked (the revisions stay in the history)", cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new AcceptOutcome(AcceptKind.New, revision, ReportStatuses.Withdrawing);
    }

    private static Task<int> InsertJobAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, string reportId, int revision, RenderJobAction action, long at, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, tx, "INSERT INTO sgl_jobs (report_id, revision, action, state, attempts, created_at) VALUES (@r, @v, @a, 'pending', 0, @at)", cancellationToken,
            ("@r", reportId), ("@v", revision), ("@a", action == RenderJobAction.Publish ? "publish" : "withdraw"), ("@at", at));
}
