using Parley.Core.Comments;
using Parley.Core.Storage;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task TheChangeVersionStaysWhileOnlyReadsHappen()
    {
        var a = await ThreadAsync("/a");
        await AddAsync(a);
        var version = await Store.ChangeVersionAsync();

        await Store.ListAsync(new CommentQuery("/a", null, "oldest", null, 0, "0"));
        await Store.CountPublishedAsync(["/a"]);
        await Store.GetThreadAsync("/a");

        Assert.Equal(version, await Store.ChangeVersionAsync());
    }

    [SkippableFact]
    public async Task EveryKindOfWriteMovesTheChangeVersionOn()
    {
        var a = await ThreadAsync("/a");
        var seen = new List<long> { await Store.ChangeVersionAsync() };
        async Task Step(Func<Task> write)
        {
            await write();
            var now = await Store.ChangeVersionAsync();
            Assert.DoesNotContain(now, seen);
            seen.Add(now);
        }

        var root = await AddAsync(a, mode: CommentMode.Pending);
        seen.Add(await Store.ChangeVersionAsync());
        await Step(() => Store.ActivateAsync(root.Id));
        await Step(() => Store.RecordVoteAsync(root.Id, upvote: true, [0]));
        await Step(() => Store.UpdateCommentAsync(root with { Text = "edited", Notification = 1 }));
        await Step(() => Store.UnsubscribeAsync(root.Email!, root.Id));
        await Step(async () => await Store.DeleteCommentAsync(root.Id));
        await Step(() => Store.CreateThreadAsync("/b", "B"));
    }
}
