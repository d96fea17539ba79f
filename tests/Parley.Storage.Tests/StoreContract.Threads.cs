using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task CreateThreadReturnsTheNewThread()
    {
        var thread = await Store.CreateThreadAsync("/post/1", "First post");

        Assert.Equal("/post/1", thread.Uri);
        Assert.Equal("First post", thread.Title);
        Assert.Equal(thread, await Store.GetThreadAsync("/post/1"));
        Assert.Equal(thread, await Store.GetThreadByIdAsync(thread.Id));
    }

    [SkippableFact]
    public async Task CreatingAnExistingThreadReturnsItUnchanged()
    {
        var first = await Store.CreateThreadAsync("/a", "Original");

        var second = await Store.CreateThreadAsync("/a", "Other title");

        Assert.Equal(first, second);
    }

    [SkippableFact]
    public async Task ThreadsWithoutTitleKeepNull()
    {
        var thread = await Store.CreateThreadAsync("/a", null);

        Assert.Null(thread.Title);
        Assert.Null((await Store.GetThreadAsync("/a"))!.Title);
    }

    [SkippableFact]
    public async Task ThreadUrisMatchExactly()
    {
        await Store.CreateThreadAsync("/a", null);

        Assert.Null(await Store.GetThreadAsync("/A"));
        Assert.Null(await Store.GetThreadAsync("/a/"));
        Assert.Null(await Store.GetThreadByIdAsync(999));
    }

    [SkippableFact]
    public async Task ThreadIdsAreAssignedInOrder()
    {
        var a = await Store.CreateThreadAsync("/a", null);
        var b = await Store.CreateThreadAsync("/b", null);

        Assert.Equal(a.Id + 1, b.Id);
    }
}
