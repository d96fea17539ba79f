using Parley.Core.Storage;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task ReadsInOneSnapshotAgreeWhileAnotherProcessCommits()
    {
        var a = await ThreadAsync("/a");
        await AddAsync(a);
        using var other = OpenStore();

        var (counted, listed) = await Store.ReadSnapshotAsync(async () =>
        {
            var counts = await Store.CountRepliesAsync("/a");
            // Another server (or request) commits a comment between the count and the list.
            await other.InsertCommentAsync(Sample.Comment(a.Id, null, Sample.T0 + 1));
            var list = await Store.ListAsync(new CommentQuery("/a", null));
            return (counts.Total, list.Count);
        });

        Assert.Equal((1, 1), (counted, listed));
        Assert.Equal(2, (await Store.ListAsync(new CommentQuery("/a", null))).Count);
        Assert.Equal(2, (await Store.CountRepliesAsync("/a")).Total);
    }

    [SkippableFact]
    public async Task ASnapshotThatFailsLeavesNothingOpen()
    {
        var a = await ThreadAsync("/a");
        await AddAsync(a);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.ReadSnapshotAsync<int>(async () =>
        {
            await Store.CountRepliesAsync("/a");
            throw new InvalidOperationException("the handler failed");
        }));

        // Every pooled connection reads the present again, and writes still commit.
        await AddAsync(a, created: Sample.T0 + 1);
        var reads = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Store.CountRepliesAsync("/a")));
        Assert.All(reads, counts => Assert.Equal(2, counts.Total));
    }
}
