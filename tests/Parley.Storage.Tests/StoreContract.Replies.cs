using Parley.Core.Comments;

namespace Parley.Storage.Tests;

/// <summary>The replies of several parents in one read, as the fetch of a whole thread needs them.</summary>
public abstract partial class StoreContract
{
    [Fact]
    public async Task RepliesOfSeveralParentsComeGroupedInReplyOrderVisibleOnlyAndAfterTheTime()
    {
        var thread = await ThreadAsync();
        var other = await ThreadAsync("/other");
        var first = await AddAsync(thread, created: 10);
        var second = await AddAsync(thread, created: 20);
        var unlisted = await AddAsync(thread, created: 30);
        var late = await AddAsync(thread, first.Id, created: 50);
        var early = await AddAsync(thread, first.Id, created: 40);
        await AddAsync(thread, first.Id, created: 45, mode: CommentMode.Pending);
        var only = await AddAsync(thread, second.Id, created: 60);
        await AddAsync(thread, unlisted.Id, created: 70);
        await AddAsync(other, created: 80);

        var replies = await Store.ListRepliesAsync("/a", [second.Id, first.Id], "oldest", "0");
        Assert.Equal([early.Id, late.Id, only.Id], Ids(replies));

        Assert.Equal([late.Id, only.Id], Ids(await Store.ListRepliesAsync("/a", [first.Id, second.Id], "newest", "45")));
        Assert.Empty(await Store.ListRepliesAsync("/a", [first.Id], "oldest", "not a number"));
        Assert.Empty(await Store.ListRepliesAsync("/a", [], "oldest", "0"));
        Assert.Empty(await Store.ListRepliesAsync("/other", [first.Id], "oldest", "0"));
    }
}
