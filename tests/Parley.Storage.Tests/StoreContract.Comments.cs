using Parley.Core.Comments;
using Parley.Core.Security;
using Parley.Core.Storage;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task InsertReturnsTheStoredRowWithItsNewId()
    {
        var thread = await ThreadAsync();
        var comment = Sample.Comment(thread.Id) with
        {
            Id = 4242,
            Modified = Sample.T0 + 5.5,
            Likes = 3,
            Dislikes = 1,
            Notification = null,
        };

        var stored = await Store.InsertCommentAsync(comment);

        Assert.Equal(1, stored.Id);
        Assert.Equal(comment with { Id = 1, Voters = stored.Voters }, stored);
        Assert.Equal(comment.Voters, stored.Voters);
        Assert.Null(stored.Notification);
        Assert.Equal(stored with { Voters = [] }, (await Store.GetCommentAsync(1))! with { Voters = [] });
    }

    [SkippableFact]
    public async Task InsertedIdsFollowTheLargestId()
    {
        var thread = await ThreadAsync();

        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await AddAsync(thread)).Id);
        }

        Assert.Equal([1, 2, 3], ids);
    }

    [SkippableFact]
    public async Task IdsInABatchFollowTheLargestThroughDeletionsAndUndoneWrites()
    {
        // Engines may number new comments themselves rather than ask the database for each: the ids must still be
        // SQLite's (the largest plus one), which an id freed by deleting the largest or by an undone write takes again.
        var thread = await ThreadAsync();
        for (var i = 0; i < 3; i++)
        {
            await AddAsync(thread);
        }

        var again = await Store.WriteAsync(async tx =>
        {
            await tx.DeleteCommentAsync(3);
            var first = await tx.InsertCommentAsync(Sample.Comment(thread.Id));
            var second = await tx.InsertCommentAsync(Sample.Comment(thread.Id));
            return (first.Id, second.Id);
        });
        Assert.Equal((3L, 4L), again);

        // Queued together, so that they share batches: every third is undone after inserting, and each write reads the
        // comment of the write before it, which a batch must show it although that write sent nothing yet.
        var writes = Enumerable.Range(0, 30).Select(i => Store.WriteAsync<long>(async tx =>
        {
            var comment = await tx.InsertCommentAsync(Sample.Comment(thread.Id) with { Text = $"write {i}" });
            if (i % 3 == 2)
            {
                throw new InvalidOperationException($"undone {i}");
            }
            Assert.NotNull(await tx.GetCommentAsync(comment.Id - 1));
            return comment.Id;
        })).ToList();
        var ids = new List<long>();
        for (var i = 0; i < writes.Count; i++)
        {
            if (i % 3 == 2)
            {
                await Assert.ThrowsAsync<InvalidOperationException>(() => writes[i]);
                continue;
            }
            ids.Add(await writes[i]);
        }

        Assert.Equal(Enumerable.Range(5, 20).Select(i => (long)i), ids);
        Assert.Equal(Enumerable.Range(1, 24).Select(i => (long)i), Ids(await Store.ListAsync(new CommentQuery(thread.Uri, null))).Order());
    }

    [SkippableFact]
    public async Task MissingCommentIsNull()
    {
        Assert.Null(await Store.GetCommentAsync(1));
    }

    [SkippableFact]
    public async Task UpdateWritesTheEditableFieldsOnly()
    {
        var thread = await ThreadAsync();
        var original = await AddAsync(thread);
        var edited = original with
        {
            Mode = CommentMode.Pending,
            Text = "edited",
            Author = "Carol",
            Email = null,
            Website = null,
            Modified = Sample.T0 + 60,
            Notification = 1,
            // Not editable: these must stay as stored.
            Created = 1,
            Likes = 99,
            RemoteAddr = "10.0.0.0",
        };

        await Store.UpdateCommentAsync(edited);

        var stored = await Store.GetCommentAsync(original.Id);
        Assert.Equal(
            original with
            {
                Mode = CommentMode.Pending,
                Text = "edited",
                Author = "Carol",
                Email = null,
                Website = null,
                Modified = Sample.T0 + 60,
                Notification = 1,
                Voters = stored!.Voters,
            },
            stored);
    }

    [SkippableFact]
    public async Task ActivatePublishesPendingCommentsOnly()
    {
        var thread = await ThreadAsync();
        var pending = await AddAsync(thread, mode: CommentMode.Pending);
        var published = await AddAsync(thread);

        Assert.True(await Store.ActivateAsync(pending.Id));
        Assert.Equal(CommentMode.Published, (await Store.GetCommentAsync(pending.Id))!.Mode);
        Assert.False(await Store.ActivateAsync(pending.Id));
        Assert.False(await Store.ActivateAsync(published.Id));
        Assert.False(await Store.ActivateAsync(999));
    }

    [SkippableFact]
    public async Task VotesCountOneAndStoreTheVoters()
    {
        var thread = await ThreadAsync();
        var comment = await AddAsync(thread);
        var voters = VotersFilter.With(comment.Voters, "10.0.0.0");

        await Store.RecordVoteAsync(comment.Id, upvote: true, voters);
        await Store.RecordVoteAsync(comment.Id, upvote: true, voters);
        await Store.RecordVoteAsync(comment.Id, upvote: false, voters);

        var stored = await Store.GetCommentAsync(comment.Id);
        Assert.Equal(2, stored!.Likes);
        Assert.Equal(1, stored.Dislikes);
        Assert.Equal(voters, stored.Voters);
        Assert.True(VotersFilter.Contains(stored.Voters, "10.0.0.0"));
    }

    [SkippableFact]
    public async Task UnsubscribeClearsTheCommentAndItsRepliesWithThatEmail()
    {
        var thread = await ThreadAsync();
        var subscribed = Sample.Comment(thread.Id) with { Notification = 1 };
        var root = await Store.InsertCommentAsync(subscribed);
        var reply = await Store.InsertCommentAsync(subscribed with { Parent = root.Id });
        var otherEmail = await Store.InsertCommentAsync(subscribed with { Parent = root.Id, Email = "eve@example.org" });
        var otherRoot = await Store.InsertCommentAsync(subscribed);

        var changed = await Store.UnsubscribeAsync("alice@example.org", root.Id);

        Assert.Equal(2, changed);
        Assert.Equal(0, (await Store.GetCommentAsync(root.Id))!.Notification);
        Assert.Equal(0, (await Store.GetCommentAsync(reply.Id))!.Notification);
        Assert.Equal(1, (await Store.GetCommentAsync(otherEmail.Id))!.Notification);
        Assert.Equal(1, (await Store.GetCommentAsync(otherRoot.Id))!.Notification);
    }

    [SkippableFact]
    public async Task ConcurrentInsertsAllSucceedWithDistinctIds()
    {
        var thread = await ThreadAsync();

        var inserted = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => AddAsync(thread, created: Sample.T0 + i))));

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), inserted.Select(c => c.Id).Order());
        Assert.Equal(40, (await Store.CountRepliesAsync("/a")).TopLevel);
    }

    [SkippableFact]
    public async Task ConcurrentVotesAndReadsAllCount()
    {
        var thread = await ThreadAsync();
        var comment = await AddAsync(thread);

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            await Store.RecordVoteAsync(comment.Id, upvote: i % 3 != 0, comment.Voters);
            Assert.Single(await Store.ListAsync(new("/a", null)));
        })));

        var stored = await Store.GetCommentAsync(comment.Id);
        Assert.Equal(20, stored!.Likes);
        Assert.Equal(10, stored.Dislikes);
    }
}
