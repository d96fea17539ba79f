using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Core.Email;
using Parley.Core.Events;
using Parley.Core.Storage;

namespace Parley.Storage.Sqlite;

/// <summary>
/// <see cref="ICommentStore"/> on an Isso database file. Reads open a pooled connection each (or share the one of
/// <see cref="ReadSnapshotAsync"/>); writes go through one writer connection that commits waiting writes together
/// (<see cref="SqliteWriter"/>).
/// </summary>
public sealed partial class SqliteCommentStore : ICommentStore, IStoreConnections
{
    private readonly string _connectionString;
    private readonly SqliteWriter _writer;
    private readonly KnownRows _knownRows = new();
    private readonly long _defaultPageLimit;
    private long _pageLimit;
    private bool _disposed;

    // SQLite's primary result codes for a path that cannot be the database.
    private const int ReadOnly = 8;
    private const int CannotOpen = 14;
    private const int NotADatabase = 26;

    private SqliteCommentStore(string connectionString, string sessionKey, long sqlitePageLimit)
    {
        _connectionString = connectionString;
        SessionKey = sessionKey;
        _defaultPageLimit = sqlitePageLimit;
        _writer = new SqliteWriter(connectionString, () => PageLimit ?? _defaultPageLimit);
        Events = new SqliteEventLog(this);
        Destinations = new DestinationLog(this);
        Outbox = new SqliteMailOutbox(this);
    }

    public string SessionKey { get; }

    public IEventLog Events { get; }

    public IDestinationLog Destinations { get; }

    public IMailOutbox Outbox { get; }

    /// <summary>
    /// The most pages the database file may grow to (SQLite's <c>max_page_count</c>), or null for SQLite's own
    /// limit. A write that needs more fails with SQLITE_FULL, exactly as on a full disk: a quota for a small disk,
    /// and how the tests make the disk full.
    /// </summary>
    public long? PageLimit
    {
        get => Interlocked.Read(ref _pageLimit) is var limit and > 0 ? limit : null;
        set => Interlocked.Exchange(ref _pageLimit, value is > 0 ? value.Value : 0);
    }

    /// <summary>
    /// Opens (creating if missing) the database at <paramref name="path"/>, migrating it to Isso's schema
    /// version 5. <paramref name="legacySessionKey"/> is <c>[general] session-key</c> of old configurations.
    /// </summary>
    public static SqliteCommentStore Open(string path, string? legacySessionKey = null)
    {
        var fullPath = Path.GetFullPath(path);
        if (DatabasePathException.Problem(fullPath) is { } problem)
        {
            throw new DatabasePathException(fullPath, problem);
        }
        var directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            try
            {
                Directory.CreateDirectory(directory);
            }
            catch (UnauthorizedAccessException)
            {
                throw new DatabasePathException(fullPath, $"no permission to create the folder {directory}");
            }
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
            return new SqliteCommentStore(connectionString, sessionKey, connection.ExecuteScalar<long>("PRAGMA max_page_count"));
        }
        catch (SqliteException e) when (e.SqliteErrorCode is NotADatabase or CannotOpen or ReadOnly)
        {
            SqliteConnection.ClearPool(connection);
            throw new DatabasePathException(fullPath, e.SqliteErrorCode switch
            {
                NotADatabase => "the file is not a SQLite database",
                CannotOpen => "it cannot be opened; check that the file and its folder exist and are writable by this user",
                _ => "it is read-only for this user; the file and its folder must be writable (SQLite writes a -wal file beside it)",
            });
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
        _writer.Dispose();
        CloseVersionConnection();
        using (var connection = new SqliteConnection(_connectionString))
        {
            // Closes the pooled handles so the file can be moved or deleted after the store is gone.
            SqliteConnection.ClearPool(connection);
        }
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

    public Task<T> WriteAsync<T>(Func<IWriteScope, Task<T>> write, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        return _writer.WriteAsync(write, ct);
    }

    /// <summary>Runs <paramref name="write"/> in a write transaction on the writer connection (see <see cref="SqliteWriter"/>).</summary>
    internal Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken ct) => _writer.WriteAsync(scope => write(scope.Connection), ct);

    internal async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken ct)
    {
        if (_snapshot.Value is { } snapshot)
        {
            return await read(snapshot);
        }
        await using var connection = await OpenAsync(ct);
        return await read(connection);
    }

    Task<T> IStoreConnections.ReadAsync<T>(Func<System.Data.Common.DbConnection, Task<T>> read, CancellationToken ct) => ReadAsync((SqliteConnection c) => read(c), ct);

    Task<T> IStoreConnections.WriteAsync<T>(Func<System.Data.Common.DbConnection, Task<T>> write, CancellationToken ct) => WriteAsync((SqliteConnection c) => write(c), ct);
}
