using System.Data.Common;

namespace SglReference.Delivery.Sql;

/// <summary>What the API and the page read: reports, artifacts, audit, revisions, recent reports, backlog.</summary>
public abstract partial class SqlDeliveryStore
{
    private const string ArtifactColumns = "id, revision, action, kind, audience, channel, document_id, set_id, version, media_type, file_name, size";

    /// <inheritdoc />
    public async Task<ReportView?> FindAsync(string reportId, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var reports = await QueryAsync(connection, null, "SELECT laboratory, revision, status, error, received_at, updated_at FROM sgl_reports WHERE report_id = @r AND revision > 0",
            r => (Lab: Str(r, 0), Revision: Int(r, 1), Status: Str(r, 2), Error: NStr(r, 3), Received: Long(r, 4), Updated: Long(r, 5)), cancellationToken, ("@r", reportId)).ConfigureAwait(false);
        if (reports.Count == 0)
        {
            return null;
        }

        var report = reports[0];
        var artifacts = await QueryAsync(connection, null, $"SELECT {ArtifactColumns} FROM sgl_artifacts WHERE report_id = @r ORDER BY id", ReadArtifact, cancellationToken, ("@r", reportId)).ConfigureAwait(false);
        var deliveries = await QueryAsync(connection, null, $"SELECT {DeliveryColumns} FROM sgl_outbox o WHERE o.report_id = @r ORDER BY o.id", ReadDelivery, cancellationToken, ("@r", reportId)).ConfigureAwait(false);
        return new ReportView(reportId, report.Lab, report.Revision, report.Status, report.Error, Time(report.Received), Time(report.Updated), artifacts, deliveries);
    }

    /// <inheritdoc />
    public async Task<(ArtifactView Artifact, byte[] Content)?> ArtifactAsync(string reportId, long artifactId, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var rows = await QueryAsync(connection, null, $"SELECT {ArtifactColumns}, content, composition FROM sgl_artifacts WHERE report_id = @r AND id = @id",
            r => (Artifact: ReadArtifact(r), Content: Bytes(r, 12), Recipe: NStr(r, 13)), cancellationToken, ("@r", reportId), ("@id", artifactId)).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return null;
        }

        var (artifact, content, recipe) = rows[0];
        return (artifact, recipe is null ? content : (await ComposeAsync(connection, [(reportId, content, recipe, artifact.Size)], cancellationToken).ConfigureAwait(false))[0]!);
    }

    /// <summary>
    /// The messages stored with a recipe made whole again from their reports' files (<see cref="ArtifactComposition"/>),
    /// the files of all of them read in one query; null for an artifact stored whole (no recipe).
    /// </summary>
    private static async Task<byte[]?[]> ComposeAsync(DbConnection connection, IReadOnlyList<(string ReportId, ReadOnlyMemory<byte> Stored, string? Recipe, long Size)> artifacts,
        CancellationToken cancellationToken)
    {
        var ids = artifacts.Where(a => a.Recipe is not null).SelectMany(a => ArtifactComposition.Sources(a.Recipe!)).Distinct().ToList();
        var files = new Dictionary<long, (string ReportId, byte[] Content)>();
        if (ids.Count > 0)
        {
            var (list, parameters) = InList("s", ids);
            foreach (var f in await QueryAsync(connection, null, $"SELECT id, report_id, content FROM sgl_artifacts WHERE id IN ({list})",
                         r => (Id: Long(r, 0), ReportId: Str(r, 1), Content: Bytes(r, 2)), cancellationToken, parameters).ConfigureAwait(false))
            {
                files[f.Id] = (f.ReportId, f.Content);
            }
        }

        // A recipe takes files of its own report only: another report's file under the same id is missing to it.
        return [.. artifacts.Select(a => a.Recipe is null ? null : ArtifactComposition.Expand(a.Stored.Span, a.Recipe, a.Size,
            files.Where(f => f.Value.ReportId == a.ReportId).ToDictionary(f => f.Key, f => (ReadOnlyMemory<byte>)f.Value.Content)))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string reportId, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        return await QueryAsync(connection, null, "SELECT at, revision, event, actor, detail FROM sgl_audit WHERE report_id = @r ORDER BY id",
            r => new AuditEntry(Time(Long(r, 0)), NLong(r, 1) is { } v ? (int)v : null, Str(r, 2), Str(r, 3), NStr(r, 4)), cancellationToken, ("@r", reportId)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RevisionView>> RevisionsAsync(string reportId, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        return await QueryAsync(connection, null, "SELECT revision, format, content_hash, received_at, received_by FROM sgl_revisions WHERE report_id = @r ORDER BY revision",
            ReadRevision, cancellationToken, ("@r", reportId)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<(RevisionView Revision, byte[] Body)?> RevisionBodyAsync(string reportId, int revision, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var rows = await QueryAsync(connection, null, "SELECT revision, format, content_hash, received_at, received_by, body FROM sgl_revisions WHERE report_id = @r AND revision = @v",
            r => (ReadRevision(r), Bytes(r, 5)), cancellationToken, ("@r", reportId), ("@v", revision)).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReportSummary>> RecentAsync(int max, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var reports = await QueryAsync(connection, null, "SELECT report_id, revision, status, updated_at FROM sgl_reports WHERE revision > 0 ORDER BY updated_at DESC, report_id LIMIT @max",
            r => (Id: Str(r, 0), Revision: Int(r, 1), Status: Str(r, 2), Updated: Long(r, 3)), cancellationToken, ("@max", (long)max)).ConfigureAwait(false);
        if (reports.Count == 0)
        {
            return [];
        }

        var (list, parameters) = InList("r", reports.Select(r => r.Id).ToList());
        var tallies = await QueryAsync(connection, null, $"SELECT report_id, channel, status, COUNT(*) FROM sgl_outbox WHERE report_id IN ({list}) GROUP BY report_id, channel, status ORDER BY channel, status",
            r => (Report: Str(r, 0), Tally: new ChannelTally(Str(r, 1), Str(r, 2), Int(r, 3))), cancellationToken, parameters).ConfigureAwait(false);
        var byReport = tallies.ToLookup(t => t.Report, t => t.Tally, StringComparer.Ordinal);
        return reports.Select(r => new ReportSummary(r.Id, r.Revision, r.Status, Time(r.Updated), byReport[r.Id].ToList())).ToList();
    }

    /// <inheritdoc />
    public async Task<int> BacklogAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        return Convert.ToInt32(await ScalarAsync(connection, null, "SELECT COUNT(*) FROM sgl_jobs WHERE state = 'pending'", cancellationToken).ConfigureAwait(false),
            System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ArtifactView ReadArtifact(System.Data.Common.DbDataReader r) => new(
        Long(r, 0), Int(r, 1), Str(r, 2), Str(r, 3), NStr(r, 4), NStr(r, 5), NStr(r, 6), NStr(r, 7), NLong(r, 8) is { } v ? (int)v : null, Str(r, 9), Str(r, 10), Long(r, 11));

    private static RevisionView ReadRevision(System.Data.Common.DbDataReader r) => new(Int(r, 0), Str(r, 1), Str(r, 2), Time(Long(r, 3)), Str(r, 4));
}
