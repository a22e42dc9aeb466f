using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SglReference.Delivery.Sql;

/// <summary>
/// The delivery store on an ADO.NET database: reports, revisions, render jobs, artifacts, lineage, outbox and audit in
/// seven tables, the same SQL on SQLite and PostgreSQL but for <see cref="SqlDialect"/>. Every change that belongs
/// together is one transaction: a submission with its render job; a render with its artifacts, outbox messages and
/// lineage; an attempt's result with its audit entry.
/// </summary>
[Experimental(Experimental.Stores)]
public abstract partial class SqlDeliveryStore : IReportStore, IOutboxStore, ILineageStore
{
    /// <summary>Creates the store.</summary>
    protected SqlDeliveryStore(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        Dialect = dialect;
    }

    /// <summary>The database's dialect.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>An open connection (pooled by the provider).</summary>
    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Serializes schema creation between instances starting together (PostgreSQL: an advisory lock).</summary>
    protected virtual Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        // DDL on tables in use takes locks that deadlock with running instances: skip it when the schema is there.
        if (Convert.ToInt64(await ScalarAsync(connection, null, Dialect.SchemaProbe, cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0)
        {
            foreach (var (probe, statement) in SqlSchema.Migrations(Dialect))
            {
                if (Convert.ToInt64(await ScalarAsync(connection, null, probe, cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
                {
                    await ExecuteAsync(connection, null, statement, cancellationToken).ConfigureAwait(false);
                }
            }

            return;
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        await LockSchemaAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        foreach (var statement in SqlSchema.Statements(Dialect))
        {
            await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
            return await ScalarAsync(connection, null, "SELECT 1", cancellationToken).ConfigureAwait(false) is not null;
        }
        catch (DbException)
        {
            return false;
        }
    }

    // ---- helpers shared by the parts of the store

    internal static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    internal static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value switch
            {
                null => DBNull.Value,
                ReadOnlyMemory<byte> bytes => WholeArray(bytes) ?? bytes.ToArray(),
                int i => (long)i,
                _ => value,
            };
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>The array <paramref name="bytes"/> is all of, when it is one: passed as it is instead of copied.</summary>
    private static byte[]? WholeArray(ReadOnlyMemory<byte> bytes) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : null;

    internal static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        var command = Command(connection, transaction, sql, parameters);
        await using var commandScope = command.ConfigureAwait(false);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        var command = Command(connection, transaction, sql, parameters);
        await using var commandScope = command.ConfigureAwait(false);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    internal static async Task<List<T>> QueryAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        var command = Command(connection, transaction, sql, parameters);
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    internal static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    internal static int Int(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    internal static long? NLong(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Long(reader, ordinal);

    internal static string Str(DbDataReader reader, int ordinal) => reader.GetString(ordinal);

    internal static string? NStr(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    internal static byte[] Bytes(DbDataReader reader, int ordinal) => (byte[])reader.GetValue(ordinal);

    internal static Task AuditAsync(DbConnection connection, DbTransaction transaction, string reportId, long? revision, DateTimeOffset at, string @event, string actor, string? detail, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "INSERT INTO sgl_audit (report_id, revision, at, event, actor, detail) VALUES (@r, @v, @at, @e, @a, @d)", cancellationToken,
            ("@r", reportId), ("@v", revision), ("@at", Ms(at)), ("@e", @event), ("@a", actor), ("@d", detail is null ? null : ErrorText.Safe(detail)));

    /// <summary>"@p0, @p1..." and the parameters for an IN list.</summary>
    internal static (string List, (string, object?)[] Parameters) InList<T>(string prefix, IReadOnlyList<T> values)
    {
        var names = new string[values.Count];
        var parameters = new (string, object?)[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = string.Create(CultureInfo.InvariantCulture, $"@{prefix}{i}");
            parameters[i] = (names[i], values[i]);
        }

        return (string.Join(", ", names), parameters);
    }
}
