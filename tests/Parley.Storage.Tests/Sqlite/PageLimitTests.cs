using Microsoft.Data.Sqlite;
using Parley.Storage.Sqlite;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests.Sqlite;

/// <summary>A page limit makes SQLite answer as on a full disk; lifting it lets writes through again.</summary>
public sealed class PageLimitTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task AWriteBeyondThePageLimitFailsWithSqliteFullAndChangesNothing()
    {
        using var store = SqliteCommentStore.Open(_database.Path);
        var thread = await store.CreateThreadAsync("/a", "A");
        var kept = await store.InsertCommentAsync(Sample.Comment(thread.Id));
        store.PageLimit = PageCount();

        var full = await Assert.ThrowsAsync<SqliteException>(() =>
            store.InsertCommentAsync(Sample.Comment(thread.Id) with { Text = new string('x', 64 * 1024) }));

        Assert.Equal(13, full.SqliteErrorCode); // SQLITE_FULL
        Assert.Equal([kept.Id], (await store.ExportAsync()).Single().Comments.Select(c => c.Id));
        store.PageLimit = null;
        var later = await store.InsertCommentAsync(Sample.Comment(thread.Id) with { Text = new string('x', 64 * 1024) });
        Assert.Equal(2, (await store.ExportAsync()).Single().Comments.Count);
        Assert.Equal(new string('x', 64 * 1024), (await store.GetCommentAsync(later.Id))!.Text);
    }

    private long PageCount()
    {
        using var connection = _database.Connect();
        using var command = new SqliteCommand("PRAGMA page_count", connection);
        return (long)command.ExecuteScalar()!;
    }
}
