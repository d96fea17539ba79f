using Dapper;
using Parley.Storage.Sqlite;
using Parley.Storage.Tests.Support;
using static Parley.Storage.Tests.Sqlite.SqliteSchema;

namespace Parley.Storage.Tests.Sqlite;

/// <summary>A database Parley creates is exactly the one Isso creates (spec/storage.md §1).</summary>
public sealed class FreshSchemaTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static Column Col(long cid, string name, string type, bool notNull = false, string? dflt = null, long pk = 0) =>
        new() { Cid = cid, Name = name, Type = type, NotNull = notNull, Default = dflt, Pk = pk };

    public static readonly Column[] CommentColumns =
    [
        Col(0, "tid", ""),
        Col(1, "id", "INTEGER", pk: 1),
        Col(2, "parent", "INTEGER"),
        Col(3, "created", "FLOAT", notNull: true),
        Col(4, "modified", "FLOAT"),
        Col(5, "mode", "INTEGER"),
        Col(6, "remote_addr", "VARCHAR"),
        Col(7, "text", "VARCHAR", notNull: true),
        Col(8, "author", "VARCHAR"),
        Col(9, "email", "VARCHAR"),
        Col(10, "website", "VARCHAR"),
        Col(11, "likes", "INTEGER", dflt: "0"),
        Col(12, "dislikes", "INTEGER", dflt: "0"),
        Col(13, "voters", "BLOB", notNull: true),
        Col(14, "notification", "INTEGER", dflt: "0"),
    ];

    [Fact]
    public void CommentsTableHasIssoColumnsInOrder()
    {
        SqliteCommentStore.Open(_database.Path).Dispose();

        using var connection = _database.Connect();
        Assert.Equal(CommentColumns, Columns(connection, "comments"));
    }

    [Fact]
    public void ThreadsAndPreferencesHaveIssoColumns()
    {
        SqliteCommentStore.Open(_database.Path).Dispose();

        using var connection = _database.Connect();
        Assert.Equal(
            [Col(0, "id", "INTEGER", pk: 1), Col(1, "uri", "VARCHAR(256)"), Col(2, "title", "VARCHAR(256)")],
            Columns(connection, "threads"));
        Assert.Equal(
            [Col(0, "key", "VARCHAR", pk: 1), Col(1, "value", "VARCHAR")],
            Columns(connection, "preferences"));
        Assert.Equal(1, connection.ExecuteScalar<long>(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'threads' AND sql IS NULL"));
    }

    [Fact]
    public void TablesAreCreatedInIssoOrderWithTheTriggerAndVersion5()
    {
        SqliteCommentStore.Open(_database.Path).Dispose();

        using var connection = _database.Connect();
        // Parley's own tables (parley_*) come after Isso's and leave them untouched.
        Assert.Equal(["preferences", "threads", "comments"], Tables(connection).Where(t => !t.StartsWith("parley_", StringComparison.Ordinal)));
        Assert.Equal(5, UserVersion(connection));
        Assert.Contains("DELETE FROM threads WHERE id NOT IN (SELECT tid FROM comments);", TriggerSql(connection));
    }

    [Fact]
    public void TheFileIsInWriteAheadLogMode()
    {
        SqliteCommentStore.Open(_database.Path).Dispose();

        using var connection = _database.Connect();
        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public void SessionKeyIsCreatedOnceAndKept()
    {
        string first;
        using (var store = SqliteCommentStore.Open(_database.Path))
        {
            first = store.SessionKey;
        }
        using var reopened = SqliteCommentStore.Open(_database.Path, legacySessionKey: "ignored-on-a-new-database");

        Assert.Matches("^[0-9a-f]{48}$", first);
        Assert.Equal(first, reopened.SessionKey);
        using var connection = _database.Connect();
        Assert.Equal(first, connection.ExecuteScalar<string>("SELECT value FROM preferences WHERE key = 'session-key'"));
    }

    [Fact]
    public void EveryDatabaseGetsItsOwnSessionKey()
    {
        using var other = new TempDatabase();
        using var a = SqliteCommentStore.Open(_database.Path);
        using var b = SqliteCommentStore.Open(other.Path);

        Assert.NotEqual(a.SessionKey, b.SessionKey);
    }

    [Fact]
    public void MissingDirectoriesAreCreated()
    {
        var directory = Path.Combine(Path.GetTempPath(), "parley-storage-tests", Guid.NewGuid().ToString("N"));
        try
        {
            SqliteCommentStore.Open(Path.Combine(directory, "sub", "comments.db")).Dispose();

            Assert.True(File.Exists(Path.Combine(directory, "sub", "comments.db")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void ReopeningAFreshDatabaseChangesNothing()
    {
        SqliteCommentStore.Open(_database.Path).Dispose();
        string before;
        using (var connection = _database.Connect())
        {
            before = string.Join('\n', connection.Query<string>("SELECT sql FROM sqlite_master ORDER BY rowid"));
        }

        SqliteCommentStore.Open(_database.Path).Dispose();

        using var again = _database.Connect();
        Assert.Equal(before, string.Join('\n', again.Query<string>("SELECT sql FROM sqlite_master ORDER BY rowid")));
    }
}
