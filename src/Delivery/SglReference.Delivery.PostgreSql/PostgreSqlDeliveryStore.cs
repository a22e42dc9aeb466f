using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Npgsql;
using SglReference.Delivery.Sql;

namespace SglReference.Delivery.PostgreSql;

/// <summary>
/// The delivery store on PostgreSQL: the tables of <see cref="SqlDeliveryStore"/>, claims with FOR UPDATE SKIP LOCKED so
/// that several instances share the queue without waiting on each other, schema creation under an advisory lock.
/// Transactions are short (one claim, one commit): no long transaction holds the queue's dead tuples.
/// </summary>
[Experimental(SglReference.Channels.Experimental.Stores)]
public sealed class PostgreSqlDeliveryStore : SqlDeliveryStore, IAsyncDisposable, IDisposable
{
    private const long SchemaLockKey = 0x5347_4C52_4546; // "SGLREF"
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the store on the database of <paramref name="connectionString"/>.</summary>
    public PostgreSqlDeliveryStore(string connectionString)
        : base(SqlDialect.PostgreSql)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc />
    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@k)", cancellationToken, ("@k", SchemaLockKey)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();
}
