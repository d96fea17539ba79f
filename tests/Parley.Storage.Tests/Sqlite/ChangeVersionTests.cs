using Dapper;
using Parley.Storage.Sqlite;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests.Sqlite;

/// <summary>What only SQLite can show: a change committed by another connection (Isso, a CLI import) is seen too.</summary>
public sealed class ChangeVersionTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task AWriteByAnotherConnectionMovesTheChangeVersionOn()
    {
        using var store = SqliteCommentStore.Open(_database.Path);
        var thread = await store.CreateThreadAsync("/a", "A");
        var before = await store.ChangeVersionAsync();

        using (var other = _database.Connect())
        {
            await other.ExecuteAsync("UPDATE threads SET title = 'elsewhere' WHERE id = @id", new { id = thread.Id });
        }

        Assert.NotEqual(before, await store.ChangeVersionAsync());
    }

    [Fact]
    public async Task AStoreThatIsGoneRefusesToAnswer()
    {
        var store = SqliteCommentStore.Open(_database.Path);
        await store.ChangeVersionAsync();
        store.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await store.ChangeVersionAsync());
    }
}
