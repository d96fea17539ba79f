using Parley.Core.Comments;
using Parley.Core.Storage;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

/// <summary>A whole thread in one read, as a fetch needs it: its lists in order and its counts, time filter marked.</summary>
public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task AThreadComesWholeInListOrderVisibleOnlyEachMarkedForTheTimeFilter()
    {
        var thread = await ThreadAsync();
        var other = await ThreadAsync("/other");
        var first = await AddAsync(thread, created: 10);
        var second = await AddAsync(thread, created: 20);
        var third = await AddAsync(thread, created: 30);
        await AddAsync(thread, created: 35, mode: CommentMode.Pending);
        var late = await AddAsync(thread, first.Id, created: 50);
        var early = await AddAsync(thread, first.Id, created: 40);
        await AddAsync(thread, first.Id, created: 45, mode: CommentMode.Pending);
        var only = await AddAsync(thread, second.Id, created: 60);
        var last = await AddAsync(thread, third.Id, created: 70);
        await AddAsync(other, created: 80);

        var oldest = await Store.ListThreadAsync("/a", "oldest", "15");
        Assert.Equal([first.Id, second.Id, third.Id], oldest.TopLevel.Select(c => c.Id));
        Assert.Equal([false, true, true], oldest.TopLevel.Select(c => c.After));
        Assert.Equal([early.Id, late.Id, only.Id, last.Id], oldest.Replies.Select(c => c.Id));
        Assert.All(oldest.Replies, reply => Assert.True(reply.After));

        // Top-level lists follow the sort; reply lists stay oldest first, grouped by parent.
        var newest = await Store.ListThreadAsync("/a", "newest", "45");
        Assert.Equal([third.Id, second.Id, first.Id], newest.TopLevel.Select(c => c.Id));
        Assert.Equal([early.Id, late.Id, only.Id, last.Id], newest.Replies.Select(c => c.Id));
        Assert.Equal([false, true, true, true], newest.Replies.Select(c => c.After));

        // Text that is not a number is after nothing, yet every visible comment still comes, to be counted.
        var none = await Store.ListThreadAsync("/a", "oldest", "not a number");
        Assert.Equal(3, none.TopLevel.Count);
        Assert.Equal(4, none.Replies.Count);
        Assert.DoesNotContain(none.TopLevel.Concat(none.Replies), c => c.After);

        var counts = await Store.CountRepliesAsync("/a");
        Assert.Equal(counts.Total, none.TopLevel.Count + none.Replies.Count);
        Assert.Equal(counts.ByParent, none.Replies.GroupBy(r => r.Parent!.Value).ToDictionary(g => g.Key, g => g.Count()));

        Assert.Equal(thread.Id, oldest.Thread);
        Assert.Equal(ThreadListing.Empty, await Store.ListThreadAsync("/missing", "oldest", "0"));
        var elsewhere = await Store.ListThreadAsync("/other", "oldest", "0");
        Assert.Equal([80.0], (await Store.ReadListedAsync(elsewhere.TopLevel)).Select(c => c.Created));
    }

    [SkippableFact]
    public async Task ACommentDeletedBetweenListingAndReadingIsLeftOut()
    {
        var thread = await ThreadAsync();
        var kept = await AddAsync(thread, created: 10);
        var gone = await AddAsync(thread, created: 20);
        var listing = await Store.ListThreadAsync("/a", "oldest", "0");
        await Store.DeleteCommentAsync(gone.Id);
        Assert.Equal([kept.Id], Ids(await Store.ReadListedAsync(listing.TopLevel)));
    }

    [SkippableFact]
    public async Task AThreadListedByUpvotesOrdersTopLevelByScoreAndBreaksReplyTiesByIt()
    {
        var thread = await ThreadAsync();
        var low = await AddAsync(thread, created: 10);
        var high = await Store.InsertCommentAsync(Sample.Comment(thread.Id, null, 20, CommentMode.Published) with { Likes = 5 });
        var mid = await Store.InsertCommentAsync(Sample.Comment(thread.Id, null, 30, CommentMode.Published) with { Likes = 3, Dislikes = 1 });
        var plain = await AddAsync(thread, low.Id, created: 40);
        var liked = await Store.InsertCommentAsync(Sample.Comment(thread.Id, low.Id, 40, CommentMode.Published) with { Likes = 2 });

        var listing = await Store.ListThreadAsync("/a", "upvotes", "0");
        Assert.Equal([high.Id, mid.Id, low.Id], listing.TopLevel.Select(c => c.Id));
        Assert.Equal([liked.Id, plain.Id], listing.Replies.Select(c => c.Id));
    }

    [SkippableFact]
    public async Task AListedRowChangedSinceTheLastReadComesWithItsNewValues()
    {
        var thread = await ThreadAsync();
        var comment = await AddAsync(thread, created: 10);
        var before = await ReadListedAsync();
        var again = await ReadListedAsync();
        Assert.Equal((before.Id, before.Likes, before.Dislikes, before.Text), (again.Id, again.Likes, again.Dislikes, again.Text));

        await Store.RecordVoteAsync(comment.Id, upvote: false, before.Voters);
        var after = await ReadListedAsync();
        Assert.Equal((before.Likes, before.Dislikes + 1), (after.Likes, after.Dislikes));

        async Task<Comment> ReadListedAsync() => (await Store.ReadListedAsync((await Store.ListThreadAsync("/a", "oldest", "0")).TopLevel)).Single();
    }

    // SQLite gives the next row the id of a deleted last row: the listing must not serve the old one for it.
    [SkippableFact]
    public async Task ARowDeletedAndItsIdTakenAgainComesWithTheNewRowsValues()
    {
        var thread = await ThreadAsync();
        await AddAsync(thread, created: 10);
        var newest = await AddAsync(thread, created: 20);
        Assert.Equal(2, (await Store.ListThreadAsync("/a", "oldest", "0")).TopLevel.Count);

        await Store.DeleteCommentAsync(newest.Id);
        var replacement = await Store.InsertCommentAsync(Sample.Comment(thread.Id, null, 30, CommentMode.Published) with { Text = "another" });
        var listed = await Store.ReadListedAsync((await Store.ListThreadAsync("/a", "oldest", "0")).TopLevel);
        Assert.Equal(replacement.Id, listed[^1].Id);
        Assert.Equal(("another", 30.0), (listed[^1].Text, listed[^1].Created));
    }
}
