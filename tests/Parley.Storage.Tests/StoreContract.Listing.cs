using Parley.Core.Comments;
using Parley.Core.Storage;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

/// <summary>The worked example of behaviour.md §4 at the store level, and the orders of §5.</summary>
public abstract partial class StoreContract
{
    // Thread /a: 1 (top), 2 and 3 (replies to 1), 5 (top), 6 (reply to 1), 7 and 8 (top); id 4 lived elsewhere.
    private async Task WorkedExampleAsync()
    {
        var a = await ThreadAsync("/a");
        var elsewhere = await ThreadAsync("/elsewhere");
        await AddAsync(a, created: 1);
        await AddAsync(a, parent: 1, created: 2);
        await AddAsync(a, parent: 1, created: 3);
        var four = await AddAsync(elsewhere, created: 4);
        await AddAsync(a, created: 5);
        await AddAsync(a, parent: 1, created: 6);
        await AddAsync(a, created: 7);
        await AddAsync(a, created: 8);
        await Store.DeleteCommentAsync(four.Id);
    }

    private async Task<long[]> ListIdsAsync(CommentQuery query) => Ids(await Store.ListAsync(query));

    [SkippableFact]
    public async Task WorkedExampleCountsRepliesPerParent()
    {
        await WorkedExampleAsync();

        var counts = await Store.CountRepliesAsync("/a");

        Assert.Equal(4, counts.TopLevel);
        Assert.Equal(new Dictionary<long, int> { [1] = 3 }, counts.ByParent);
        Assert.Equal(7, counts.Total);
    }

    [SkippableFact]
    public async Task WorkedExampleListsAsSpecified()
    {
        await WorkedExampleAsync();

        Assert.Equal(new long[] { 1, 5, 7, 8 }, await ListIdsAsync(new("/a", null)));
        Assert.Equal(new long[] { 1, 5 }, await ListIdsAsync(new("/a", null, Limit: 2)));
        Assert.Equal(new long[] { 5 }, await ListIdsAsync(new("/a", null, Limit: 1, Offset: 1)));
        Assert.Equal(new long[] { 1, 5, 7, 8 }, await ListIdsAsync(new("/a", null, Limit: -1)));
        Assert.Equal(new long[] { 8, 7 }, await ListIdsAsync(new("/a", null, Sort: "newest", Limit: 2)));
        Assert.Equal(new long[] { 2, 3, 6 }, await ListIdsAsync(new("/a", 1)));
        Assert.Equal(new long[] { 2, 3 }, await ListIdsAsync(new("/a", 1, Limit: 2)));
        Assert.Equal(new long[] { 3 }, await ListIdsAsync(new("/a", 1, Limit: 1, Offset: 1)));
        Assert.Empty(await ListIdsAsync(new("/a", 999)));
        Assert.Empty(await ListIdsAsync(new("/elsewhere", null)));
    }

    [SkippableFact]
    public async Task OffsetWithoutLimitSkipsAfterOrdering()
    {
        await WorkedExampleAsync();

        Assert.Equal(new long[] { 5, 7, 8 }, await ListIdsAsync(new("/a", null, Offset: 1)));
    }

    [SkippableFact]
    public async Task ZeroLimitListsNothing()
    {
        await WorkedExampleAsync();

        Assert.Empty(await ListIdsAsync(new("/a", null, Limit: 0)));
    }

    [SkippableFact]
    public async Task RepliesAreOldestFirstWhateverTheSort()
    {
        await WorkedExampleAsync();

        Assert.Equal(new long[] { 2, 3, 6 }, await ListIdsAsync(new("/a", 1, Sort: "newest")));
        Assert.Equal(new long[] { 2, 3, 6 }, await ListIdsAsync(new("/a", 1, Sort: "upvotes")));
    }

    [SkippableFact]
    public async Task UpvotesSortByLikesMinusDislikesThenId()
    {
        var a = await ThreadAsync();
        var votes = new[] { (1, 0), (5, 4), (3, 0), (2, 1) }; // scores 1, 1, 3, 1
        foreach (var (i, (likes, dislikes)) in votes.Index())
        {
            await Store.InsertCommentAsync(Sample.Comment(a.Id, created: 10 - i) with { Likes = likes, Dislikes = dislikes });
        }

        Assert.Equal(new long[] { 3, 1, 2, 4 }, await ListIdsAsync(new("/a", null, Sort: "upvotes")));
    }

    [SkippableFact]
    public async Task EqualTimesAreOrderedByIdInBothDirections()
    {
        var a = await ThreadAsync();
        await AddAsync(a, created: 5);
        await AddAsync(a, created: 5);
        await AddAsync(a, created: 9);

        Assert.Equal(new long[] { 1, 2, 3 }, await ListIdsAsync(new("/a", null)));
        Assert.Equal(new long[] { 3, 1, 2 }, await ListIdsAsync(new("/a", null, Sort: "newest")));
    }

    [SkippableFact]
    public async Task ListingShowsPlaceholdersButNotPendingComments()
    {
        var a = await ThreadAsync();
        var root = await AddAsync(a, created: 1);
        await AddAsync(a, parent: root.Id, created: 2);
        await AddAsync(a, created: 3, mode: CommentMode.Pending);
        await Store.DeleteCommentAsync(root.Id);

        var listed = await Store.ListAsync(new("/a", null));

        Assert.Equal([root.Id], Ids(listed));
        Assert.Equal(CommentMode.Deleted, listed[0].Mode);
        Assert.Equal(new ReplyCounts(1, new Dictionary<long, int> { [root.Id] = 1 }).ByParent, (await Store.CountRepliesAsync("/a")).ByParent);
        Assert.Equal(1, (await Store.CountRepliesAsync("/a")).TopLevel);
    }

    [SkippableFact]
    public async Task AfterComparesNumericTextAsANumber()
    {
        var a = await ThreadAsync();
        await AddAsync(a, created: 100.5);
        await AddAsync(a, created: 200.25);

        Assert.Equal(new long[] { 2 }, await ListIdsAsync(new("/a", null, After: "100.5")));
        Assert.Equal(new long[] { 1, 2 }, await ListIdsAsync(new("/a", null, After: "100")));
        Assert.Equal(new long[] { 1, 2 }, await ListIdsAsync(new("/a", null, After: "0")));
        Assert.Equal(new long[] { 2 }, await ListIdsAsync(new("/a", null, After: "1.5e2")));
    }

    [SkippableFact]
    public async Task AfterWithNonNumericTextMatchesNothing()
    {
        var a = await ThreadAsync();
        await AddAsync(a, created: 100);

        Assert.Empty(await ListIdsAsync(new("/a", null, After: "yesterday")));
        Assert.Empty(await ListIdsAsync(new("/a", null, After: "")));
    }

    [SkippableFact]
    public async Task CountRepliesIgnoresOtherThreadsAndUnknownUris()
    {
        await WorkedExampleAsync();

        Assert.Equal(0, (await Store.CountRepliesAsync("/missing")).Total);
        Assert.Equal(0, (await Store.CountRepliesAsync("/elsewhere")).Total);
    }
}
