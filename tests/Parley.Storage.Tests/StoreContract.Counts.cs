using Parley.Core.Comments;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task ThreadIdsKeepTheRequestedOrderWithZeroForUnknownUris()
    {
        var a = await ThreadAsync("/a");
        var b = await ThreadAsync("/b");

        Assert.Equal([b.Id, 0, a.Id, b.Id], await Store.ThreadIdsAsync(["/b", "/none", "/a", "/b"]));
        Assert.Empty(await Store.ThreadIdsAsync([]));
    }

    [SkippableFact]
    public async Task CountPublishedKeepsTheRequestedOrder()
    {
        var a = await ThreadAsync("/a");
        var b = await ThreadAsync("/b");
        var root = await AddAsync(a);
        await AddAsync(a, parent: root.Id);
        await AddAsync(a, mode: CommentMode.Pending);
        await AddAsync(b);

        var counts = await Store.CountPublishedAsync(["/b", "/missing", "/a", "/a", "/b"]);

        Assert.Equal([1, 0, 2, 2, 1], counts);
    }

    [SkippableFact]
    public async Task CountPublishedSkipsPlaceholders()
    {
        var a = await ThreadAsync("/a");
        var root = await AddAsync(a);
        await AddAsync(a, parent: root.Id);
        await Store.DeleteCommentAsync(root.Id);

        Assert.Equal(new[] { 1 }, await Store.CountPublishedAsync(["/a"]));
    }

    [SkippableFact]
    public async Task CountPublishedOfNothingIsEmpty()
    {
        Assert.Empty(await Store.CountPublishedAsync([]));
    }

    [SkippableFact]
    public async Task CountPublishedTreatsUrisAsPlainText()
    {
        var odd = await ThreadAsync("/\"quoted\"/ü/'x'");
        await AddAsync(odd);

        Assert.Equal(new[] { 1, 0 }, await Store.CountPublishedAsync(["/\"quoted\"/ü/'x'", "%"]));
    }
}
