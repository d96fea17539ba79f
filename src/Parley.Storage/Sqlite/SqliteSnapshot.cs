using Dapper;
using Microsoft.Data.Sqlite;

namespace Parley.Storage.Sqlite;

/// <summary>What a database file holds, as backup and restore report it.</summary>
public sealed record SnapshotCounts(long Threads, long Comments);

/// <summary>
/// Online copies of a live database: SQLite's backup API copies a consistent state page by page, while the
/// server keeps writing (WAL lets it), and the copy is a single self-contained file.
/// </summary>
public static class SqliteSnapshot
{
    /// <summary>Copies <paramref name="databasePath"/> to <paramref name="targetPath"/> and counts what it holds.</summary>
    public static async Task<SnapshotCounts> TakeAsync(string databasePath, string targetPath, CancellationToken ct)
    {
        await CopyAsync(databasePath, targetPath, ct);
        return Verify(targetPath);
    }

    /// <summary>Copies <paramref name="databasePath"/> to <paramref name="targetPath"/>, whatever schema it has.</summary>
    public static async Task CopyAsync(string databasePath, string targetPath, CancellationToken ct)
    {
        if (!File.Exists(databasePath))
        {
            throw new FileNotFoundException($"the database {databasePath} does not exist", databasePath);
        }
        using var source = Open(databasePath, SqliteOpenMode.ReadOnly);
        using var target = Open(targetPath, SqliteOpenMode.ReadWriteCreate);
        await CopyRetryingWhileBusyAsync(source, target, ct);
        // The copy inherits WAL mode; turn it back into one self-contained file.
        target.Execute("PRAGMA journal_mode = DELETE");
    }

    /// <summary>Checks that the file is an intact Isso/Parley database; throws <see cref="InvalidDataException"/> otherwise.</summary>
    public static SnapshotCounts Verify(string path)
    {
        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadOnly);
            var check = connection.ExecuteScalar<string>("PRAGMA integrity_check");
            if (check != "ok")
            {
                throw new InvalidDataException($"the database fails SQLite's integrity check: {check}");
            }
            var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'").ToHashSet(StringComparer.Ordinal);
            if (!tables.Contains("comments") || !tables.Contains("threads") || !tables.Contains("preferences"))
            {
                throw new InvalidDataException("the database has no comments, threads and preferences tables");
            }
            return new SnapshotCounts(
                connection.ExecuteScalar<long>("SELECT count(*) FROM threads"),
                connection.ExecuteScalar<long>("SELECT count(*) FROM comments"));
        }
        catch (SqliteException e)
        {
            throw new InvalidDataException($"not a readable SQLite database ({e.Message})", e);
        }
    }

    /// <summary>Number of comments in an existing database file; 0 when it has no comments table.</summary>
    public static long CommentCount(string path)
    {
        using var connection = Open(path, SqliteOpenMode.ReadOnly);
        var hasTable = connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'comments'") > 0;
        return hasTable ? connection.ExecuteScalar<long>("SELECT count(*) FROM comments") : 0;
    }

    // The driver retries busy commands itself but not the backup API, which fails at once while a writer holds
    // its lock for a moment: SQLite's own busy handler waits, and a few more tries cover checkpoints.
    private static async Task CopyRetryingWhileBusyAsync(SqliteConnection source, SqliteConnection target, CancellationToken ct)
    {
        source.Execute("PRAGMA busy_timeout = 10000");
        target.Execute("PRAGMA busy_timeout = 10000");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                source.BackupDatabase(target);
                return;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && attempt < 20)
            {
                // SQLITE_BUSY or SQLITE_LOCKED: another connection is mid-write; try again shortly.
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), ct);
            }
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }
}
