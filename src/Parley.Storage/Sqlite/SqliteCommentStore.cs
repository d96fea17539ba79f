using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Core.Storage;

namespace Parley.Storage.Sqlite;

/// <summary>
/// <see cref="ICommentStore"/> on an Isso database file. Reads open a pooled connection each (or share the one of
/// <see cref="ReadSnapshotAsync"/>); writes are serialised in-process (as Isso does with its lock) so concurrent
/// requests never meet SQLITE_BUSY.
/// </summary>
public sealed partial class SqliteCommentStore : ICommentStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private bool _disposed;

    private SqliteCommentStore(string connectionString, string sessionKey)
    {
        _connectionString = connectionString;
        SessionKey = sessionKey;
    }

    public string SessionKey { get; }

    /// <summary>
    /// Opens (creating if missing) the database at <paramref name="path"/>, migrating it to Isso's schema
    /// version 5. <paramref name="legacySessionKey"/> is <c>[general] session-key</c> of old configurations.
    /// </summary>
    public static SqliteCommentStore Open(string path, string? legacySessionKey = null)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Seconds the driver keeps retrying a busy database (e.g. another process holding the lock).
            DefaultTimeout = 5,
        }.ToString();

        using var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            // WAL is a property of the file: set once, every later connection uses it.
            connection.ExecuteScalar<string>("PRAGMA journal_mode = WAL");
            var sessionKey = IssoSchema.Initialise(connection, legacySessionKey);
            return new SqliteCommentStore(connectionString, sessionKey);
        }
        catch
        {
            // A refused start-up must not keep the file open in the pool.
            SqliteConnection.ClearPool(connection);
            throw;
        }
    }

    public void Dispose()
    {
        CloseVersionConnection();
        using (var connection = new SqliteConnection(_connectionString))
        {
            // Closes the pooled handles so the file can be moved or deleted after the store is gone.
            SqliteConnection.ClearPool(connection);
        }
        _writeLock.Dispose();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="write"/> on its own connection while holding the write lock.</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            // Per connection, not stored in the file, and only writes care. With WAL, NORMAL never corrupts the
            // database: a power cut may lose the last commits, never a committed checkpoint.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA synchronous = NORMAL", cancellationToken: ct));
            return await write(connection);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken ct)
    {
        if (_snapshot.Value is { } snapshot)
        {
            return await read(snapshot);
        }
        await using var connection = await OpenAsync(ct);
        return await read(connection);
    }
}
