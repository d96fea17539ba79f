using Parley.Core.Comments;
using Parley.Core.Import;
using Parley.Core.Security;
using Parley.Core.Storage;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

public abstract partial class StoreContract
{
    private static ImportedComment Imported(string key, string? parent = null, double created = Sample.T0) => new()
    {
        Key = key,
        ParentKey = parent,
        Created = created,
        RemoteAddr = "198.51.100.0",
        Text = "text " + key,
        Author = "Ann",
    };

    // Records compare arrays by reference; the blob is compared on its own where it matters.
    private static Comment WithoutVoters(Comment comment) => comment with { Voters = Array.Empty<byte>() };

    [SkippableFact]
    public async Task ImportLinksRepliesToTheNewIdsOfTheirParents()
    {
        var existing = await ThreadAsync("/other");
        await AddAsync(existing);

        var counts = await Store.ImportAsync([new ImportedThread("/a", "A", [Imported("r1", "p"), Imported("p"), Imported("r2", "p"), Imported("x", "missing")])]);

        Assert.Equal(new ImportCounts(1, 0, 4), counts);
        var rows = await Store.ListAsync(new CommentQuery("/a", null));
        var parent = Assert.Single(rows, c => c.Text == "text p");
        Assert.Equal(["text p", "text x"], rows.Select(c => c.Text).Order());
        var replies = await Store.ListAsync(new CommentQuery("/a", parent.Id));
        Assert.Equal(["text r1", "text r2"], replies.Select(c => c.Text));
    }

    [SkippableFact]
    public async Task ImportReusesAThreadWithTheSameUriAndKeepsItsTitle()
    {
        var thread = await ThreadAsync("/a", "Original");

        var counts = await Store.ImportAsync([new ImportedThread("/a", "Imported", [Imported("1")]), new ImportedThread("/b", "B", [Imported("1")])]);

        Assert.Equal(new ImportCounts(1, 1, 2), counts);
        Assert.Equal(thread, await Store.GetThreadAsync("/a"));
        Assert.Equal("B", (await Store.GetThreadAsync("/b"))!.Title);
        Assert.Equal(thread.Id, Assert.Single(await Store.ListAsync(new CommentQuery("/a", null))).Tid);
    }

    [SkippableFact]
    public async Task ImportStoresEveryFieldAsGivenAndFillsInVoters()
    {
        var full = new ImportedComment
        {
            Key = "k", Created = 1_600_000_000.5, Modified = 1_600_000_100.25, Mode = CommentMode.Pending, RemoteAddr = "203.0.113.0",
            Text = "t", Author = "A &amp; B", Email = "e@example.org", Website = "http://w/", Likes = 3, Dislikes = 1,
            Voters = [9, 8, 7], Notification = 1,
        };

        await Store.ImportAsync([new ImportedThread("/a", null, [full, Imported("plain")])]);

        var stored = (await Store.ExportAsync()).Single().Comments;
        var expected = new Comment
        {
            Tid = stored[0].Tid, Id = stored[0].Id, Created = full.Created, Modified = full.Modified, Mode = full.Mode,
            RemoteAddr = full.RemoteAddr, Text = "t", Author = full.Author, Email = full.Email, Website = full.Website,
            Likes = 3, Dislikes = 1, Voters = stored[0].Voters, Notification = 1,
        };
        Assert.Equal(expected, stored[0]);
        Assert.Equal(full.Voters, stored[0].Voters);
        Assert.Equal(VotersFilter.Create("198.51.100.0"), stored[1].Voters);
        Assert.Null(stored[1].Notification);
    }

    [SkippableFact]
    public async Task AFailedImportLeavesTheDatabaseUnchanged()
    {
        var thread = await ThreadAsync("/a", "A");
        var before = await AddAsync(thread);
        var comments = Enumerable.Range(0, 20).Select(i => Imported(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Store.ImportAsync([new ImportedThread("/a", "A", comments), new ImportedThread("/new", "New", comments)], new ThrowingProgress(after: 30)));

        var export = await Store.ExportAsync();
        var only = Assert.Single(export);
        Assert.Equal(thread, only.Thread);
        Assert.Equal([WithoutVoters(before)], only.Comments.Select(WithoutVoters));
    }

    [SkippableFact]
    public async Task ExportHoldsEveryThreadAndEveryModeInIdOrder()
    {
        var a = await ThreadAsync("/a", "A");
        var b = await ThreadAsync("/b", null);
        var first = await AddAsync(a);
        var pending = await AddAsync(b, mode: CommentMode.Pending);
        var reply = await AddAsync(a, parent: first.Id, mode: CommentMode.Deleted);

        var export = await Store.ExportAsync();

        Assert.Equal([a, b], export.Select(t => t.Thread));
        Assert.Equal(new[] { first, reply }.Select(WithoutVoters), export[0].Comments.Select(WithoutVoters));
        Assert.Equal([pending.Voters], export[1].Comments.Select(c => c.Voters));
        Assert.Equal([WithoutVoters(pending)], export[1].Comments.Select(WithoutVoters));
    }
}
