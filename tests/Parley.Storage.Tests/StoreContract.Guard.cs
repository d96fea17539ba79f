using Parley.Core.Comments;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task RecentIdsCoverEveryThreadAndModeFromThatAddressOnly()
    {
        var a = await ThreadAsync("/a");
        var b = await ThreadAsync("/b");
        await AddAsync(a, created: 100);
        await AddAsync(a, created: 150, mode: CommentMode.Pending);
        await AddAsync(b, created: 160);
        await Store.InsertCommentAsync(Sample.Comment(b.Id, created: 170) with { RemoteAddr = "10.0.0.0" });

        Assert.Equal(new long[] { 2, 3 }, await Store.RecentIdsByAddressAsync("192.168.1.0", createdAfter: 140));
        Assert.Equal(new long[] { 4 }, await Store.RecentIdsByAddressAsync("10.0.0.0", createdAfter: 140));
        Assert.Empty(await Store.RecentIdsByAddressAsync("192.168.1.0", createdAfter: 160));
    }

    [SkippableFact]
    public async Task TopLevelCountByAddressIsPerThreadAndIgnoresReplies()
    {
        var a = await ThreadAsync("/a");
        var b = await ThreadAsync("/b");
        var root = await AddAsync(a);
        await AddAsync(a, mode: CommentMode.Pending);
        await AddAsync(a, parent: root.Id);
        await AddAsync(b);
        await Store.InsertCommentAsync(Sample.Comment(a.Id) with { RemoteAddr = "10.0.0.0" });

        Assert.Equal(2, await Store.CountTopLevelByAddressAsync("/a", "192.168.1.0"));
        Assert.Equal(1, await Store.CountTopLevelByAddressAsync("/b", "192.168.1.0"));
        Assert.Equal(0, await Store.CountTopLevelByAddressAsync("/missing", "192.168.1.0"));
    }

    [SkippableFact]
    public async Task PublishedByEmailNeedsAPublishedCommentInTheWindow()
    {
        var a = await ThreadAsync();
        await AddAsync(a, created: 100);
        await Store.InsertCommentAsync(Sample.Comment(a.Id, created: 500, mode: CommentMode.Pending) with { Email = "bob@example.org" });

        Assert.True(await Store.HasPublishedByEmailSinceAsync("alice@example.org", createdAfter: 50));
        Assert.False(await Store.HasPublishedByEmailSinceAsync("alice@example.org", createdAfter: 100));
        Assert.False(await Store.HasPublishedByEmailSinceAsync("bob@example.org", createdAfter: 50));
        Assert.False(await Store.HasPublishedByEmailSinceAsync("ALICE@example.org", createdAfter: 50));
    }
}
