using Parley.Core.Events;
using Parley.Core.Storage;
using Parley.Storage.Tests.Support;
using Parley.Storage.Postgres;
using Parley.Tests.Shared;

namespace Parley.Storage.Tests.Postgres;

/// <summary>The store contract on a real PostgreSQL server, a database of its own per test.</summary>
public sealed class PostgresStoreTests : StoreContract
{
    private TestDatabase? _database;

    protected override ICommentStore OpenStore()
    {
        TestPostgres.Require();
        _database ??= TestPostgres.CreateDatabase();
        return PostgresCommentStore.OpenAsync(_database.Url).GetAwaiter().GetResult();
    }

    [SkippableFact]
    public async Task ACommentRowRefusedWhereverItIsSentFailsItsWriteAndStoresNothingOfIt()
    {
        // New comment rows go out with a later command or the commit; PostgreSQL's text cannot hold a NUL (the edge
        // refuses one long before), which makes a row fail wherever it lands: with its own write's next command,
        // with another write's, or with the commit. Whatever write it takes down, what was answered is what is stored.
        var thread = await ThreadAsync();
        var before = (await Store.Events.ReadAsync(0, 1000)).Count;
        var writes = Enumerable.Range(0, 30).Select(i => Store.WriteAsync<long>(async tx =>
        {
            var comment = await tx.InsertCommentAsync(Sample.Comment(thread.Id) with { Text = i % 3 == 0 ? $"bad\0{i}" : $"good {i}" });
            await tx.RecordAsync(new ChangeEvent(EventTypes.CommentCreated, EventBy.Reader, Sample.T0 + i, thread, comment));
            if (i % 3 == 1)
            {
                await tx.GetThreadByIdAsync(thread.Id);
            }
            return comment.Id;
        })).ToList();

        var answered = new List<string>();
        for (var i = 0; i < writes.Count; i++)
        {
            try
            {
                await writes[i];
                Assert.NotEqual(0, i % 3);
                answered.Add($"good {i}");
            }
            catch (Exception e) when (e is System.Data.Common.DbException)
            {
            }
        }

        Assert.NotEmpty(answered);
        var stored = (await Store.ListAsync(new CommentQuery(thread.Uri, null))).Select(c => c.Text).Order().ToList();
        Assert.Equal(answered.Order(), stored);
        var events = (await Store.Events.ReadAsync(0, 1000)).Skip(before).Select(e => e.Comment!.Text).Order();
        Assert.Equal(stored, events);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database?.Dispose();
        }
    }
}
