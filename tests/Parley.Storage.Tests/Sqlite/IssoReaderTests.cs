using Microsoft.Data.Sqlite;
using Parley.Core.Comments;
using Parley.Storage.Sqlite;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests.Sqlite;

/// <summary>Isso reads rows with <c>SELECT *</c> by position: Parley's writes must land where it looks.</summary>
public sealed class IssoReaderTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task SelectStarSeesParleysCommentColumnByColumn()
    {
        Comment written;
        using (var store = SqliteCommentStore.Open(_database.Path))
        {
            var thread = await store.CreateThreadAsync("/post/", "Post");
            var root = await store.InsertCommentAsync(Sample.Comment(thread.Id));
            written = await store.InsertCommentAsync(Sample.Comment(thread.Id, root.Id, created: 1_700_000_123.456) with
            {
                Modified = 1_700_000_200.5,
                Likes = 2,
                Dislikes = 1,
                Notification = 1,
            });
        }

        using var connection = _database.Connect();
        using var command = new SqliteCommand("SELECT * FROM comments WHERE id = 2", connection);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(written.Tid, reader.GetInt64(0));
        Assert.Equal(2, reader.GetInt64(1));
        Assert.Equal(1, reader.GetInt64(2));
        Assert.Equal(1_700_000_123.456, reader.GetDouble(3));
        Assert.Equal(1_700_000_200.5, reader.GetDouble(4));
        Assert.Equal(CommentMode.Published, reader.GetInt64(5));
        Assert.Equal("192.168.1.0", reader.GetString(6));
        Assert.Equal("Hello, *world*", reader.GetString(7));
        Assert.Equal("Alice &amp; Bob", reader.GetString(8));
        Assert.Equal("alice@example.org", reader.GetString(9));
        Assert.Equal("http://example.org", reader.GetString(10));
        Assert.Equal(2, reader.GetInt64(11));
        Assert.Equal(1, reader.GetInt64(12));
        Assert.Equal(written.Voters, (byte[])reader.GetValue(13));
        Assert.Equal(1, reader.GetInt64(14));
        Assert.Equal(15, reader.FieldCount);
    }

    [Fact]
    public async Task ValuesAreStoredWithIssoStorageClasses()
    {
        using (var store = SqliteCommentStore.Open(_database.Path))
        {
            var thread = await store.CreateThreadAsync("/post/", null);
            await store.InsertCommentAsync(Sample.Comment(thread.Id) with { Created = 1_700_000_000, Notification = null });
        }

        using var connection = _database.Connect();
        using var command = new SqliteCommand(
            """
            SELECT typeof(tid), typeof(created), typeof(modified), typeof(mode), typeof(text),
                   typeof(voters), typeof(notification), typeof(parent)
            FROM comments
            """,
            connection);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        string[] types = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)];
        Assert.Equal(["integer", "real", "null", "integer", "text", "blob", "null", "null"], types);
    }

    [Fact]
    public async Task OddValuesOfOldDatabasesAreReadRobustly()
    {
        using (var store = SqliteCommentStore.Open(_database.Path))
        {
            await store.CreateThreadAsync("/a", null);
        }
        using (var connection = _database.Connect())
        {
            using var insert = new SqliteCommand(
                """
                INSERT INTO comments (tid, id, parent, created, modified, mode, text, likes, dislikes, voters, notification)
                VALUES (1, 1, NULL, 1000, NULL, 1, 'a', NULL, NULL, x'', '1'),
                       (1, 2, NULL, '1000.5', 1001, 1, 'b', 1, 0, x'0102', 1.0),
                       (1, 3, NULL, 1002.5, NULL, 1, 'c', 0, 0, x'', 'yes')
                """,
                connection);
            insert.ExecuteNonQuery();
        }

        using var reopened = SqliteCommentStore.Open(_database.Path);
        var listed = await reopened.ListAsync(new("/a", null));

        Assert.Equal(new long[] { 1, 2, 3 }, listed.Select(c => c.Id));
        Assert.Equal([1000, 1000.5, 1002.5], listed.Select(c => c.Created));
        Assert.Equal([null, 1001, null], listed.Select(c => c.Modified));
        // '1' became an integer on insert (column affinity); 'yes' stays text and reads as no flag.
        Assert.Equal([1, 1, null], listed.Select(c => c.Notification));
        Assert.Equal([0, 1, 0], listed.Select(c => c.Likes));
        Assert.Equal([[], [1, 2], []], listed.Select(c => c.Voters));
    }
}
