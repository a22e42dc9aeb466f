namespace SglReference.Delivery.Sql;

/// <summary>What differs between the databases <see cref="SqlDeliveryStore"/> runs on (the SQL is otherwise shared).</summary>
/// <param name="Name">"sqlite" or "postgresql".</param>
/// <param name="IdColumn">The DDL of an auto-incremented 64-bit primary key.</param>
/// <param name="Blob">The binary column type.</param>
/// <param name="SkipLocked">Appended to the claim sub-selects: "FOR UPDATE SKIP LOCKED" where several writers claim at once, empty where writers are serialized.</param>
/// <param name="RowLock">Appended to the select of a report row being changed: "FOR UPDATE", or empty.</param>
/// <param name="SchemaProbe">Counts the schema's last index: the schema is created in one transaction, so 1 means it is all there.</param>
public sealed record SqlDialect(string Name, string IdColumn, string Blob, string SkipLocked, string RowLock, string SchemaProbe)
{
    /// <summary>SQLite (one writer at a time: BEGIN IMMEDIATE serializes claims).</summary>
    public static SqlDialect Sqlite { get; } = new("sqlite", "INTEGER PRIMARY KEY AUTOINCREMENT", "BLOB", string.Empty, string.Empty,
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'sgl_audit_report'");

    /// <summary>PostgreSQL (several instances claim with FOR UPDATE SKIP LOCKED).</summary>
    public static SqlDialect PostgreSql { get; } = new("postgresql", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BYTEA", "FOR UPDATE SKIP LOCKED", "FOR UPDATE",
        "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'sgl_audit_report' AND schemaname = current_schema()");
}
