using Parley.Core.Comments;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task DeletingAnUnrepliedCommentRemovesTheRow()
    {
        var thread = await ThreadAsync();
        var keep = await AddAsync(thread);
        var gone = await AddAsync(thread);

        Assert.Null(await Store.DeleteCommentAsync(gone.Id));

        Assert.Null(await Store.GetCommentAsync(gone.Id));
        Assert.NotNull(await Store.GetCommentAsync(keep.Id));
    }

    [SkippableFact]
    public async Task DeletingARepliedCommentLeavesAPlaceholder()
    {
        var thread = await ThreadAsync();
        var root = await Store.InsertCommentAsync(Sample.Comment(thread.Id) with { Likes = 2, Notification = 1 });
        await AddAsync(thread, parent: root.Id);

        var placeholder = await Store.DeleteCommentAsync(root.Id);

        var expected = root with
        {
            Mode = CommentMode.Deleted,
            Text = "",
            Author = null,
            Website = null,
            Voters = placeholder!.Voters,
        };
        Assert.Equal(expected, placeholder);
        Assert.Equal(root.Voters, placeholder.Voters);
        Assert.Equal(expected, (await Store.GetCommentAsync(root.Id))! with { Voters = placeholder.Voters });
    }

    [SkippableFact]
    public async Task APendingReplyAlsoKeepsItsParentAsPlaceholder()
    {
        var thread = await ThreadAsync();
        var root = await AddAsync(thread);
        await AddAsync(thread, parent: root.Id, mode: CommentMode.Pending);

        var placeholder = await Store.DeleteCommentAsync(root.Id);

        Assert.Equal(CommentMode.Deleted, placeholder!.Mode);
    }

    [SkippableFact]
    public async Task DeletingTheLastReplyRemovesThePlaceholderAndTheEmptyThread()
    {
        var thread = await ThreadAsync();
        var root = await AddAsync(thread);
        var reply = await AddAsync(thread, parent: root.Id);
        await Store.DeleteCommentAsync(root.Id);

        Assert.Null(await Store.DeleteCommentAsync(reply.Id));

        Assert.Null(await Store.GetCommentAsync(root.Id));
        Assert.Null(await Store.GetThreadAsync("/a"));
    }

    [SkippableFact]
    public async Task ThreadsLeftWithCommentsSurviveADelete()
    {
        var thread = await ThreadAsync();
        await AddAsync(thread);
        var gone = await AddAsync(thread);

        await Store.DeleteCommentAsync(gone.Id);

        Assert.NotNull(await Store.GetThreadAsync("/a"));
    }

    [SkippableFact]
    public async Task AnyDeleteRemovesEveryThreadWithoutComments()
    {
        var emptyThread = await ThreadAsync("/empty");
        var busy = await ThreadAsync("/busy");
        await AddAsync(busy);
        var gone = await AddAsync(busy);

        await Store.DeleteCommentAsync(gone.Id);

        Assert.Null(await Store.GetThreadByIdAsync(emptyThread.Id));
        Assert.NotNull(await Store.GetThreadByIdAsync(busy.Id));
    }

    [SkippableFact]
    public async Task DeletingAMissingCommentStillCleansUpOrphanedPlaceholders()
    {
        var thread = await ThreadAsync();
        // A placeholder nobody replies to, as an interrupted older server could leave behind.
        var orphan = await AddAsync(thread, mode: CommentMode.Deleted);
        var other = await AddAsync(thread);

        Assert.Null(await Store.DeleteCommentAsync(999));

        Assert.Null(await Store.GetCommentAsync(orphan.Id));
        Assert.NotNull(await Store.GetCommentAsync(other.Id));
    }

    [SkippableFact]
    public async Task TheNewestIdIsReusedAfterItsDeletion()
    {
        var thread = await ThreadAsync();
        await AddAsync(thread);
        var newest = await AddAsync(thread);
        await Store.DeleteCommentAsync(newest.Id);

        var next = await AddAsync(thread);

        Assert.Equal(newest.Id, next.Id);
    }

    [SkippableFact]
    public async Task PurgeRemovesOldPendingCommentsAndTheirOrphanedPlaceholders()
    {
        var thread = await ThreadAsync();
        var root = await AddAsync(thread, created: 100);
        await AddAsync(thread, parent: root.Id, created: 200, mode: CommentMode.Pending);
        var recentPending = await AddAsync(thread, created: 900, mode: CommentMode.Pending);
        var oldPublished = await AddAsync(thread, created: 50);
        await Store.DeleteCommentAsync(root.Id);

        var purged = await Store.PurgePendingAsync(createdBefore: 500);

        Assert.Equal(1, purged);
        Assert.Null(await Store.GetCommentAsync(root.Id));
        Assert.NotNull(await Store.GetCommentAsync(recentPending.Id));
        Assert.NotNull(await Store.GetCommentAsync(oldPublished.Id));
    }
}
