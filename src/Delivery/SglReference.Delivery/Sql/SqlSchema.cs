namespace SglReference.Delivery.Sql;

/// <summary>The tables of the delivery store, for either dialect. Times are Unix milliseconds (UTC).</summary>
internal static class SqlSchema
{
    public static IReadOnlyList<string> Statements(SqlDialect d) => d == SqlDialect.PostgreSql ? [.. Tables(d), .. PostgreSqlStorage] : Tables(d);

    /// <summary>
    /// Artifacts are stored out of line and not compressed: PostgreSQL's default TOAST compression (pglz) of every
    /// artifact, most of them PDFs, zips or base64 of them, took a fifth of the machine's CPU in a burst
    /// (perf/results/burst.md). The reports' JSON (sgl_revisions) keeps it: small, and it compresses well.
    /// </summary>
    private static readonly string[] PostgreSqlStorage =
    [
        "ALTER TABLE sgl_artifacts ALTER COLUMN content SET STORAGE EXTERNAL",
    ];

    /// <summary>
    /// What a schema created by an earlier version lacks, as (probe counting it, statement adding it): the statements
    /// run where the probe counts 0. <c>sgl_artifacts.composition</c>: messages stored without the files they carry.
    /// </summary>
    public static IReadOnlyList<(string Probe, string Statement)> Migrations(SqlDialect d) =>
    [
        d == SqlDialect.PostgreSql
            ? ("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'sgl_artifacts' AND column_name = 'composition'",
                "ALTER TABLE sgl_artifacts ADD COLUMN IF NOT EXISTS composition TEXT NULL")
            : ("SELECT COUNT(*) FROM pragma_table_info('sgl_artifacts') WHERE name = 'composition'", "ALTER TABLE sgl_artifacts ADD COLUMN composition TEXT NULL"),
    ];

    private static IReadOnlyList<string> Tables(SqlDialect d) =>
    [
        """
        CREATE TABLE IF NOT EXISTS sgl_reports (
          report_id TEXT PRIMARY KEY, laboratory TEXT NOT NULL, revision BIGINT NOT NULL, status TEXT NOT NULL, error TEXT NULL,
          received_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS sgl_reports_updated ON sgl_reports (updated_at)",
        $"""
        CREATE TABLE IF NOT EXISTS sgl_revisions (
          report_id TEXT NOT NULL, revision BIGINT NOT NULL, format TEXT NOT NULL, content_hash TEXT NOT NULL, body {d.Blob} NOT NULL,
          received_at BIGINT NOT NULL, received_by TEXT NOT NULL, PRIMARY KEY (report_id, revision))
        """,
        $"""
        CREATE TABLE IF NOT EXISTS sgl_jobs (
          id {d.IdColumn}, report_id TEXT NOT NULL, revision BIGINT NOT NULL, action TEXT NOT NULL, state TEXT NOT NULL,
          lease_owner TEXT NULL, lease_until BIGINT NULL, attempts BIGINT NOT NULL, created_at BIGINT NOT NULL, error TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS sgl_jobs_state ON sgl_jobs (state, id)",
        "CREATE INDEX IF NOT EXISTS sgl_jobs_report ON sgl_jobs (report_id, state, id)",
        $"""
        CREATE TABLE IF NOT EXISTS sgl_artifacts (
          id {d.IdColumn}, report_id TEXT NOT NULL, revision BIGINT NOT NULL, action TEXT NOT NULL, kind TEXT NOT NULL, audience TEXT NULL,
          channel TEXT NULL, document_id TEXT NULL, set_id TEXT NULL, version BIGINT NULL, media_type TEXT NOT NULL, file_name TEXT NOT NULL,
          size BIGINT NOT NULL, content {d.Blob} NOT NULL, composition TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS sgl_artifacts_report ON sgl_artifacts (report_id, id)",
        """
        CREATE TABLE IF NOT EXISTS sgl_lineage (
          report_id TEXT NOT NULL, format TEXT NOT NULL, audience TEXT NOT NULL, version BIGINT NOT NULL, document_id TEXT NOT NULL,
          set_id TEXT NOT NULL, revision BIGINT NOT NULL, replaces_id TEXT NULL, replaces_set_id TEXT NULL, replaces_version BIGINT NULL,
          issued_at BIGINT NOT NULL, PRIMARY KEY (report_id, format, audience, version))
        """,
        $"""
        CREATE TABLE IF NOT EXISTS sgl_outbox (
          id {d.IdColumn}, report_id TEXT NOT NULL, revision BIGINT NOT NULL, channel TEXT NOT NULL, kind TEXT NOT NULL, destination TEXT NOT NULL,
          idempotency_key TEXT NOT NULL UNIQUE, chain_key TEXT NOT NULL, sequence BIGINT NOT NULL, document_id TEXT NOT NULL, version BIGINT NOT NULL,
          correlation_id TEXT NULL, artifact_id BIGINT NOT NULL, status TEXT NOT NULL, attempts BIGINT NOT NULL, next_attempt_at BIGINT NOT NULL,
          lease_owner TEXT NULL, lease_until BIGINT NULL, last_code TEXT NULL, last_error TEXT NULL, sent_at BIGINT NULL,
          acknowledgement TEXT NULL, created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS sgl_outbox_due ON sgl_outbox (status, next_attempt_at)",
        "CREATE INDEX IF NOT EXISTS sgl_outbox_chain ON sgl_outbox (channel, destination, chain_key, sequence)",
        "CREATE INDEX IF NOT EXISTS sgl_outbox_report ON sgl_outbox (report_id, id)",
        "CREATE INDEX IF NOT EXISTS sgl_outbox_correlation ON sgl_outbox (correlation_id)",
        $"""
        CREATE TABLE IF NOT EXISTS sgl_audit (
          id {d.IdColumn}, report_id TEXT NOT NULL, revision BIGINT NULL, at BIGINT NOT NULL, event TEXT NOT NULL, actor TEXT NOT NULL, detail TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS sgl_audit_report ON sgl_audit (report_id, id)",
    ];
}
