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

    [SkippableFact]
    public async Task AVersionAskedForAfterAWriteShowsItWhileManyAskAtOnce()
    {
        var a = await ThreadAsync("/a");
        using var stop = new CancellationTokenSource();
        using var started = new CountdownEvent(8);
        // Readers keep a version read in flight all the time, so the checks below mostly join one already running.
        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested)
            {
                await Store.ChangeVersionAsync();
                if (reads++ == 0)
                {
                    started.Signal();
                }
            }
            return reads;
        })).ToList();
        // On a busy pool the readers may start late: the writes begin only once every one of them is reading.
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)), "the readers did not start");

        for (var i = 0; i < 40; i++)
        {
            var before = await Store.ChangeVersionAsync();
            await AddAsync(a, created: Sample.T0 + i);
            Assert.NotEqual(before, await Store.ChangeVersionAsync());
        }
        await stop.CancelAsync();
        Assert.All(await Task.WhenAll(readers), reads => Assert.True(reads > 0));
    }
}
