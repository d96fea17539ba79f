using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Core.Comments;
using Parley.Storage.Sqlite;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests.Sqlite;

/// <summary>
/// A store that brings its kept listings up to date from the changed rows lists exactly what a store reading the thread
/// whole lists: after every kind of write, by this store, by another on the same file, or by plain SQL as Isso writes.
/// </summary>
public sealed class KnownListingsTests : IDisposable
{
    private static readonly string[] Sorts = ["oldest", "newest", "upvotes"];

    private readonly TempDatabase _database = new();
    private readonly SqliteCommentStore _store;

    public KnownListingsTests() => _store = SqliteCommentStore.Open(_database.Path);

    public void Dispose()
    {
        _store.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task EveryKindOfWriteLeavesTheKeptListingsAsAWholeReadFindsThem()
    {
        var random = new Random(1307);
        var thread = await _store.CreateThreadAsync("/a", "A");
        var other = await _store.CreateThreadAsync("/b", "B");
        // A thread without comments goes with the next deletion (Isso's trigger).
        await _store.InsertCommentAsync(Sample.Comment(other.Id));
        var ids = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add((await _store.InsertCommentAsync(Sample.Comment(thread.Id, created: Sample.T0 + random.Next(20)))).Id);
        }
        using var isso = _database.Connect();
        var kinds = new HashSet<string>();
        for (var step = 0; step < 150; step++)
        {
            var kind = await WriteAsync(random, thread, other, ids, isso);
            kinds.Add(kind);
            var afters = new[] { "0", (Sample.T0 + random.Next(20)).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            using var whole = SqliteCommentStore.Open(_database.Path);
            foreach (var sort in Sorts)
            {
                foreach (var after in afters)
                {
                    var expected = await whole.ListThreadAsync("/a", sort, after);
                    var kept = await _store.ListThreadAsync("/a", sort, after);
                    Assert.True(expected.TopLevel.SequenceEqual(kept.TopLevel), $"top level after {kind} at step {step}, {sort}, after {after}");
                    Assert.True(expected.Replies.SequenceEqual(kept.Replies), $"replies after {kind} at step {step}, {sort}, after {after}");
                }
            }
        }
        // Every kind of write came up, so each was compared.
        Assert.Equal(9, kinds.Count);
    }

    [Fact]
    public async Task AListingKeptBeforeTheFileWasReplacedIsNeverPatched()
    {
        var thread = await _store.CreateThreadAsync("/a", "A");
        for (var i = 0; i < 5; i++)
        {
            await _store.InsertCommentAsync(Sample.Comment(thread.Id, created: Sample.T0 + i));
        }
        var older = _database.Path + ".older";
        using (var copy = _database.Connect())
        {
            copy.Execute($"VACUUM INTO '{older}'");
        }
        for (var i = 0; i < 5; i++)
        {
            await _store.InsertCommentAsync(Sample.Comment(thread.Id, created: Sample.T0 + 10 + i));
        }
        Assert.Equal(10, (await _store.ListThreadAsync("/a", "oldest", "0")).TopLevel.Count);

        // The older file copied over the live one, as a hand restore would: its row versions are behind.
        using (var source = new SqliteConnection($"Data Source={older};Pooling=False"))
        using (var target = _database.Connect())
        {
            source.Open();
            source.BackupDatabase(target);
        }
        Assert.Equal(5, (await _store.ListThreadAsync("/a", "oldest", "0")).TopLevel.Count);
        await _store.InsertCommentAsync(Sample.Comment(thread.Id, created: Sample.T0 + 20));
        Assert.Equal(6, (await _store.ListThreadAsync("/a", "oldest", "0")).TopLevel.Count);
        File.Delete(older);
    }

    [Fact]
    public async Task AnIdGivenAgainAfterItsCommentWasDeletedIsListedAsTheNewComment()
    {
        var thread = await _store.CreateThreadAsync("/a", "A");
        await _store.InsertCommentAsync(Sample.Comment(thread.Id, created: Sample.T0));
        var last = await _store.InsertCommentAsync(Sample.Comment(thread.Id, created: Sample.T0 + 1));
        Assert.Equal(2, (await _store.ListThreadAsync("/a", "newest", "0")).TopLevel.Count);

        // SQLite gives the highest id again once its row is gone; the new comment is older than the first.
        await _store.DeleteCommentAsync(last.Id);
        var again = await _store.InsertCommentAsync(Sample.Comment(thread.Id, created: Sample.T0 - 1));
        Assert.Equal(last.Id, again.Id);

        var listed = await _store.ListThreadAsync("/a", "newest", "0");
        using var whole = SqliteCommentStore.Open(_database.Path);
        Assert.Equal((await whole.ListThreadAsync("/a", "newest", "0")).TopLevel, listed.TopLevel);
        Assert.Equal(again.Id, listed.TopLevel[^1].Id);
    }

    [Fact]
    public async Task MoreChangesThanAreWorthApplyingReadTheThreadWhole()
    {
        var thread = await _store.CreateThreadAsync("/a", "A");
        var other = await _store.CreateThreadAsync("/b", "B");
        await _store.InsertCommentAsync(Sample.Comment(thread.Id));
        Assert.Single((await _store.ListThreadAsync("/a", "oldest", "0")).TopLevel);
        using (var isso = _database.Connect())
        using (var transaction = isso.BeginTransaction())
        {
            for (var i = 0; i < 400; i++)
            {
                isso.Execute("INSERT INTO comments (tid, created, mode, text, voters) VALUES (@tid, @created, 1, 'x', x'')",
                    new { tid = i % 2 == 0 ? thread.Id : other.Id, created = Sample.T0 + i }, transaction);
            }
            transaction.Commit();
        }
        Assert.Equal(201, (await _store.ListThreadAsync("/a", "oldest", "0")).TopLevel.Count);
    }

    [Fact]
    public async Task RowsWhoseKeysAreNotPlainNumbersAreOrderedAsSqliteOrdersThem()
    {
        var thread = await _store.CreateThreadAsync("/a", "A");
        var first = await _store.InsertCommentAsync(Sample.Comment(thread.Id, created: Sample.T0 + 5));
        await _store.InsertCommentAsync(Sample.Comment(thread.Id, created: Sample.T0 + 1));
        Assert.Equal(2, (await _store.ListThreadAsync("/a", "oldest", "0")).TopLevel.Count);
        using (var isso = _database.Connect())
        {
            // Text that is no number sorts after every number in SQLite, and NULL likes make no score.
            isso.Execute("UPDATE comments SET created = 'soon', likes = NULL WHERE id = @id", new { id = first.Id });
        }
        await _store.InsertCommentAsync(Sample.Comment(thread.Id, created: Sample.T0 + 9));
        using var whole = SqliteCommentStore.Open(_database.Path);
        foreach (var sort in Sorts)
        {
            var expected = await whole.ListThreadAsync("/a", sort, "0");
            var kept = await _store.ListThreadAsync("/a", sort, "0");
            Assert.Equal(expected.TopLevel, kept.TopLevel);
        }
        Assert.Equal(first.Id, (await _store.ListThreadAsync("/a", "oldest", "0")).TopLevel[^1].Id);
    }

    // One random write; returns its kind.
    private async Task<string> WriteAsync(Random random, CommentThread thread, CommentThread other, List<long> ids, SqliteConnection isso)
    {
        var id = ids[random.Next(ids.Count)];
        switch (random.Next(9))
        {
            case 0:
                ids.Add((await _store.InsertCommentAsync(Sample.Comment(thread.Id, created: Sample.T0 + random.Next(25),
                    mode: random.Next(4) == 0 ? CommentMode.Pending : CommentMode.Published))).Id);
                return "top-level comment";
            case 1:
                var parent = await _store.GetCommentAsync(id);
                if (parent is null)
                {
                    return await WriteAsync(random, thread, other, ids, isso);
                }
                ids.Add((await _store.InsertCommentAsync(Sample.Comment(thread.Id, parent.Parent ?? parent.Id, Sample.T0 + random.Next(25)))).Id);
                return "reply";
            case 2:
                await _store.RecordVoteAsync(id, random.Next(2) == 0, VotersFilter());
                return "vote";
            case 3:
                await _store.DeleteCommentAsync(id);
                return "deletion";
            case 4:
                if (await _store.GetCommentAsync(id) is { } placeholder)
                {
                    await _store.UpdateCommentAsync(placeholder with { Mode = CommentMode.Deleted, Text = "" });
                }
                return "placeholder";
            case 5:
                await _store.ActivateAsync(id);
                return "activation";
            case 6:
                if (await _store.GetCommentAsync(id) is { } edited)
                {
                    await _store.UpdateCommentAsync(edited with { Text = "edited", Mode = random.Next(3) == 0 ? CommentMode.Pending : edited.Mode });
                }
                return "edit";
            case 7:
                await _store.InsertCommentAsync(Sample.Comment(other.Id, created: Sample.T0 + random.Next(25)));
                return "other thread";
            default:
                isso.Execute("UPDATE comments SET likes = likes + @n, created = created + @shift WHERE id = @id",
                    new { id, n = random.Next(1, 4), shift = random.Next(2) * 0.5 });
                return "plain SQL";
        }
    }

    private static byte[] VotersFilter() => Parley.Core.Security.VotersFilter.Create("10.0.0.1");
}
