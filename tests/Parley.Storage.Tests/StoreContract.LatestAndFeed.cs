using Parley.Core.Comments;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

/// <summary>The mixed orders of behaviour.md §12 and §13.</summary>
public abstract partial class StoreContract
{
    // /a: 1 (top, t=10), 2 (reply to 1, t=40), 3 (top, t=30); /b: 4 (top, t=20), 5 (reply to 4, t=35),
    // 6 (pending top, t=50), 7 (placeholder, t=5) with reply 8 (t=60).
    private async Task TwoThreadsAsync()
    {
        var a = await ThreadAsync("/a");
        var b = await ThreadAsync("/b");
        await AddAsync(a, created: 10);
        await AddAsync(a, parent: 1, created: 40);
        await AddAsync(a, created: 30);
        await AddAsync(b, created: 20);
        await AddAsync(b, parent: 4, created: 35);
        await AddAsync(b, created: 50, mode: CommentMode.Pending);
        await AddAsync(b, created: 5);
        await AddAsync(b, parent: 7, created: 60);
        await Store.DeleteCommentAsync(7);
    }

    [SkippableFact]
    public async Task LatestIsTheTailOfTopLevelThenReplies()
    {
        await TwoThreadsAsync();

        var all = await Store.LatestAsync(10);
        var tail = await Store.LatestAsync(4);

        Assert.Equal([1, 4, 3, 5, 2, 8], all.Select(c => c.Comment.Id));
        Assert.Equal(["/a", "/b", "/a", "/b", "/a", "/b"], all.Select(c => c.Uri));
        Assert.Equal([3, 5, 2, 8], tail.Select(c => c.Comment.Id));
    }

    [SkippableFact]
    public async Task LatestWithFewerSlotsThanRepliesShowsRepliesOnly()
    {
        await TwoThreadsAsync();

        var latest = await Store.LatestAsync(2);

        Assert.Equal([2, 8], latest.Select(c => c.Comment.Id));
        Assert.All(latest, c => Assert.NotNull(c.Comment.Parent));
    }

    [SkippableFact]
    public async Task LatestCarriesTheWholeComment()
    {
        await TwoThreadsAsync();

        var first = (await Store.LatestAsync(10))[0];

        var stored = await Store.GetCommentAsync(1);
        Assert.Equal(stored, first.Comment with { Voters = stored!.Voters });
        Assert.Equal(stored.Voters, first.Comment.Voters);
    }

    [SkippableFact]
    public async Task FeedListsTopLevelNewestIdFirstThenRepliesOldestFirst()
    {
        await TwoThreadsAsync();

        Assert.Equal(new long[] { 3, 1, 2 }, Ids(await Store.FeedAsync("/a", 100)));
        Assert.Equal(new long[] { 7, 4, 5, 8 }, Ids(await Store.FeedAsync("/b", 100)));
        Assert.Equal(new long[] { 7, 4, 5 }, Ids(await Store.FeedAsync("/b", 3)));
        Assert.Empty(await Store.FeedAsync("/missing", 100));
    }
}
