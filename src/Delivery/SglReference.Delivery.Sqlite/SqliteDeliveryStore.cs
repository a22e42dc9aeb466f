using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using SglReference.Delivery.Sql;

namespace SglReference.Delivery.Sqlite;

/// <summary>
/// The delivery store in <c>{data}/sgl.db</c>: SQLite in WAL mode with synchronous=FULL (a commit survives a crash of the
/// process and of the machine), writers serialized by BEGIN IMMEDIATE. One process owns the directory at a time
/// (<c>{data}/sgl.lock</c>, held while the store is open): a second instance on the same data is refused at start, so
/// the owner may take back every lease left by a killed predecessor (<see cref="SqlDeliveryStore.ReleaseAllAsync"/>).
/// </summary>
[Experimental(SglReference.Channels.Experimental.Stores)]
public sealed class SqliteDeliveryStore : SqlDeliveryStore, IDisposable
{
    private readonly string _connectionString;
    private readonly FileStream _lock;

    /// <summary>Opens (and creates) the store in <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="InvalidOperationException">Another process has the directory open.</exception>
    public SqliteDeliveryStore(string dataDirectory)
        : base(SqlDialect.Sqlite)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var lockPath = Path.Combine(dataDirectory, "sgl.lock");
        try
        {
            _lock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"{dataDirectory} is in use by another sgl serve (the embedded SQLite store takes one process; use server.database for several instances)", ex);
        }

        DatabasePath = Path.Combine(dataDirectory, "sgl.db");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL";
        wal.ExecuteNonQuery();
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=60000";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the pooled connections and gives the directory back.</summary>
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _lock.Dispose();
    }
}
