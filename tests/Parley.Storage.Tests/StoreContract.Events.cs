using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Events;
using Parley.Core.Spam;
using Parley.Core.Storage;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

/// <summary>
/// The event log (spec/events.md §4): every change the rules layer makes writes exactly one event row, in the same
/// transaction, so a failed write leaves neither.
/// </summary>
public abstract partial class StoreContract
{
    private static readonly SiteAddress Site = new("https://blog.example", "https://comments.example");

    private CommentService Service(ParleyConfig? config = null) =>
        new(new LiveConfig(config ?? new ParleyConfig { Guard = new GuardConfig { Enabled = false } }), Store,
            new PageTitle(new HttpClient()), new EventSignal(), TimeProvider.System, new ProofOfWork(Store.SessionKey, TimeProvider.System));

    private async Task<IReadOnlyList<ChangeEvent>> EventsAfterAsync(long after) => await Store.Events.ReadAsync(after, 1000);

    private async Task<long> LastSeqAsync() => (await EventsAfterAsync(0)) is { Count: > 0 } all ? all[^1].Seq : 0;

    private static CommentInput Input(string text, long? parent = null) => new() { Text = text, Title = "A post", Parent = parent, Author = "Ann" };

    [SkippableFact]
    public async Task TheFirstCommentOfAThreadRecordsTheThreadThenTheComment()
    {
        var comment = await Service().CreateAsync("/post/", Input("Hello *there*"), "192.0.2.0", Site);

        var events = await EventsAfterAsync(0);
        Assert.Equal([EventTypes.ThreadCreated, EventTypes.CommentCreated], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(EventBy.Reader, e.By));
        Assert.Equal(new CommentThread(comment.Tid, "/post/", "A post"), events[0].Thread);
        Assert.Null(events[0].Comment);
        var created = events[1];
        Assert.Equal(comment.Id, created.Comment!.Id);
        Assert.Equal("Hello *there*", created.Comment.Text);
        Assert.Equal("Ann", created.Comment.Author);
        Assert.Equal(comment.Created, created.Comment.Created);
        Assert.Equal(Site, created.Site);
        // The log keeps no private field.
        Assert.Null(created.Comment.Email);
        Assert.Null(created.Comment.RemoteAddr);
        Assert.True(events[0].Seq < created.Seq);
        Assert.True(string.CompareOrdinal(events[0].Id, created.Id) < 0);
        Assert.True(EventId.TryParseSeq(created.Id, out var seq) && seq == created.Seq);
    }

    [SkippableFact]
    public async Task EachChangeTypeRecordsExactlyOneEvent()
    {
        var moderated = new ParleyConfig { Guard = new GuardConfig { Enabled = false }, Moderation = new ModerationConfig { Enabled = true } };
        var root = await Service().CreateAsync("/post/", Input("root"), "192.0.2.0", Site);
        var pending = await Service(moderated).CreateAsync("/post/", Input("reply", root.Id), "192.0.2.1", Site);

        async Task<ChangeEvent> OnlyEventOf(Func<Task> change)
        {
            var before = await LastSeqAsync();
            await change();
            return Assert.Single(await EventsAfterAsync(before));
        }

        var service = Service();
        var activated = await OnlyEventOf(() => service.ActivateAsync(pending.Id, EventBy.Admin, Site));
        Assert.Equal((EventTypes.CommentActivated, EventBy.Admin, pending.Id, CommentMode.Published),
            (activated.Type, activated.By, activated.Comment!.Id, activated.Comment.Mode));

        var edited = await OnlyEventOf(() => service.EditAsync(root.Id, Input("root, edited"), stampModified: true, EventBy.Owner, Site));
        Assert.Equal((EventTypes.CommentEdited, EventBy.Owner, "root, edited"), (edited.Type, edited.By, edited.Comment!.Text));
        Assert.NotNull(edited.Comment.Modified);

        var voted = await OnlyEventOf(() => service.VoteAsync(root.Id, upvote: true, "198.51.100.0"));
        Assert.Equal((EventTypes.CommentVoted, EventBy.Reader, true, 1L), (voted.Type, voted.By, voted.Upvote, voted.Comment!.Likes));

        // A refused vote changes nothing and records nothing.
        var before = await LastSeqAsync();
        Assert.NotNull((await service.VoteAsync(root.Id, upvote: true, "198.51.100.0"))!.Message);
        Assert.Empty(await EventsAfterAsync(before));

        var placeholder = await OnlyEventOf(() => service.DeleteAsync(root.Id, EventBy.Owner, Site));
        Assert.Equal((EventTypes.CommentDeleted, true, "root, edited", "/post/"),
            (placeholder.Type, placeholder.Placeholder, placeholder.Comment!.Text, placeholder.Thread.Uri));

        // Deleting the last reply also removes the placeholder and the thread: still one event, naming the thread.
        var gone = await OnlyEventOf(() => service.DeleteAsync(pending.Id, EventBy.Admin, Site));
        Assert.Equal((EventTypes.CommentDeleted, false, EventBy.Admin, "/post/"), (gone.Type, gone.Placeholder, gone.By, gone.Thread.Uri));
        Assert.Null(await Store.GetThreadAsync("/post/"));
    }

    [SkippableFact]
    public async Task APurgeRecordsEachPendingCommentItDeletes()
    {
        var moderated = new ParleyConfig
        {
            Guard = new GuardConfig { Enabled = false },
            Moderation = new ModerationConfig { Enabled = true, PurgeAfter = 1 },
        };
        var service = Service(moderated);
        var first = await service.CreateAsync("/post/", Input("one"), "192.0.2.0", Site);
        var second = await service.CreateAsync("/post/", Input("two"), "192.0.2.1", Site);
        var before = await LastSeqAsync();
        await Task.Delay(1100);

        Assert.Equal(2, await service.PurgeAsync());

        var events = await EventsAfterAsync(before);
        Assert.Equal([first.Id, second.Id], events.Select(e => e.Comment!.Id));
        Assert.All(events, e => Assert.Equal((EventTypes.CommentDeleted, EventBy.Purge), (e.Type, e.By)));
    }

    [SkippableFact]
    public async Task AWriteThatFailsLeavesNeitherItsChangeNorItsEvent()
    {
        var thread = await ThreadAsync();
        var before = await LastSeqAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.WriteAsync<int>(async tx =>
        {
            var comment = await tx.InsertCommentAsync(Sample.Comment(thread.Id));
            await tx.RecordAsync(new ChangeEvent(EventTypes.CommentCreated, EventBy.Reader, Sample.T0, thread, comment));
            throw new InvalidOperationException("the rules refused it");
        }));

        Assert.Empty(await EventsAfterAsync(before));
        Assert.Empty(await Store.ListAsync(new CommentQuery(thread.Uri, null)));
    }

    [SkippableFact]
    public async Task ConcurrentWritesCommitOnTheirOwnEvenWhenOneOfThemFails()
    {
        var thread = await ThreadAsync();
        var writes = Enumerable.Range(0, 40).Select(i => Store.WriteAsync(async tx =>
        {
            var comment = await tx.InsertCommentAsync(Sample.Comment(thread.Id) with { Text = $"comment {i}" });
            await tx.RecordAsync(new ChangeEvent(EventTypes.CommentCreated, EventBy.Reader, Sample.T0, thread, comment));
            return i % 7 == 3 ? throw new InvalidOperationException($"refused {i}") : comment;
        })).ToList();

        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            if (i % 7 == 3)
            {
                await Assert.ThrowsAsync<InvalidOperationException>(() => write);
            }
            else
            {
                Assert.Equal($"comment {i}", (await write).Text);
            }
        }
        var expected = Enumerable.Range(0, 40).Where(i => i % 7 != 3).Select(i => $"comment {i}").Order().ToList();
        Assert.Equal(expected, (await Store.ListAsync(new CommentQuery(thread.Uri, null))).Select(c => c.Text).Order());
        Assert.Equal(expected, (await EventsAfterAsync(0)).Select(e => e.Comment!.Text).Order());
    }

    [SkippableFact]
    public async Task InABatchAWriteOfAnyShapeThatFailsTakesOnlyItselfAway()
    {
        // Engines may hold back what needs no answer (a savepoint, an event row) to send it with a later command; the
        // shapes below are those that could make such a held-back part land on the wrong write.
        var thread = await ThreadAsync();
        var before = await LastSeqAsync();
        var writes = Enumerable.Range(0, 50).Select(i => Store.WriteAsync<string>(async tx =>
        {
            var created = Sample.T0 + i;
            switch (i % 5)
            {
                case 0:
                    var comment = await tx.InsertCommentAsync(Sample.Comment(thread.Id) with { Text = $"comment {i}" });
                    await tx.RecordAsync(new ChangeEvent(EventTypes.CommentCreated, EventBy.Reader, created, thread, comment));
                    return comment.Text;
                case 1:
                    // The database refuses its first command.
                    await tx.InsertThreadAsync(thread.Uri, "again");
                    return "kept";
                case 2:
                    // Refused before anything reached the database, with an event already kept.
                    await tx.RecordAsync(new ChangeEvent(EventTypes.ThreadCreated, EventBy.Reader, created, thread, null));
                    throw new InvalidOperationException($"refused {i}");
                case 3:
                    // An event and nothing else.
                    await tx.RecordAsync(new ChangeEvent(EventTypes.ThreadCreated, EventBy.Import, created, thread, null));
                    return "event only";
                default:
                    // Changes, then a refusal by the database.
                    var undone = await tx.InsertCommentAsync(Sample.Comment(thread.Id) with { Text = $"undone {i}" });
                    await tx.RecordAsync(new ChangeEvent(EventTypes.CommentCreated, EventBy.Reader, created, thread, undone));
                    await tx.InsertThreadAsync(thread.Uri, "again");
                    return "kept";
            }
        })).ToList();

        for (var i = 0; i < writes.Count; i++)
        {
            switch (i % 5)
            {
                case 0:
                    Assert.Equal($"comment {i}", await writes[i]);
                    break;
                case 3:
                    Assert.Equal("event only", await writes[i]);
                    break;
                case 2:
                    await Assert.ThrowsAsync<InvalidOperationException>(() => writes[i]);
                    break;
                default:
                    await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => writes[i]);
                    break;
            }
        }
        var comments = Enumerable.Range(0, 50).Where(i => i % 5 == 0).Select(i => $"comment {i}").Order().ToList();
        Assert.Equal(comments, (await Store.ListAsync(new CommentQuery(thread.Uri, null))).Select(c => c.Text).Order());
        var events = await EventsAfterAsync(before);
        Assert.Equal(
            Enumerable.Range(0, 50).Where(i => i % 5 is 0 or 3).Select(i => Sample.T0 + i),
            events.Select(e => e.Created).Order());
        Assert.Equal(comments, events.Where(e => e.Comment is not null).Select(e => e.Comment!.Text).Order());
    }

    [SkippableFact]
    public async Task ADestinationMetForTheFirstTimeStartsAtTheEndAndKeepsItsPlace()
    {
        var service = Service();
        await service.CreateAsync("/post/", Input("before"), "192.0.2.0", Site);
        var end = await LastSeqAsync();

        Assert.Equal(end, await Store.Events.CursorAsync("webhook"));
        await service.CreateAsync("/post/", Input("after"), "192.0.2.1", Site);
        var next = Assert.Single(await Store.Events.ReadAsync(await Store.Events.CursorAsync("webhook"), 10));
        Assert.Equal("after", next.Comment!.Text);

        await Store.Events.AdvanceAsync("webhook", next.Seq);
        Assert.Equal(next.Seq, await Store.Events.CursorAsync("webhook"));
        Assert.Empty(await Store.Events.ReadAsync(next.Seq, 10));
    }

    [SkippableFact]
    public async Task TrimmingKeepsWhatADestinationHasNotHandledAndTheNewestEvent()
    {
        var service = Service();
        await Store.Events.CursorAsync("slow");
        for (var i = 0; i < 3; i++)
        {
            await service.CreateAsync("/post/", Input($"c{i}"), $"192.0.2.{i}", Site);
        }
        var all = await EventsAfterAsync(0);
        var future = all[^1].Created + 1;
        await Store.Destinations.HoldAsync("slow", "one", future, future + 40);

        // "slow" has handled nothing: nothing goes.
        Assert.Equal(0, await Store.Events.TrimAsync(future));
        await Store.Events.AdvanceAsync("slow", all[1].Seq);
        Assert.Equal(2, await Store.Events.TrimAsync(future));
        await Store.Events.AdvanceAsync("slow", all[^1].Seq);
        // The newest row stays, so its number is never handed out again.
        Assert.Equal(1, await Store.Events.TrimAsync(future));
        Assert.Equal([all[^1].Seq], (await EventsAfterAsync(0)).Select(e => e.Seq));
        await service.CreateAsync("/post/", Input("next"), "192.0.2.9", Site);
        Assert.True((await EventsAfterAsync(0))[^1].Seq > all[^1].Seq);
    }

    [SkippableFact]
    public async Task ThreadChangesNameOnlyTheThreadsAWriteTouched()
    {
        var a = await ThreadAsync("/a");
        var b = await ThreadAsync("/b");
        var start = (await Store.ThreadChangesAsync(0)).Last;

        var comment = await AddAsync(a);
        var afterInsert = await Store.ThreadChangesAsync(start);
        Assert.Equal([a.Id], afterInsert.Threads);
        Assert.False(afterInsert.Everything);

        await Store.RecordVoteAsync(comment.Id, upvote: true, comment.Voters);
        await Store.DeleteCommentAsync(comment.Id);
        var later = await Store.ThreadChangesAsync(afterInsert.Last);
        Assert.Equal([a.Id], later.Threads);
        Assert.DoesNotContain(b.Id, later.Threads);

        // A new thread moves the entry of "threads not yet created" (0).
        await ThreadAsync("/c");
        Assert.Equal([0L], (await Store.ThreadChangesAsync(later.Last)).Threads);
        Assert.Empty((await Store.ThreadChangesAsync((await Store.ThreadChangesAsync(later.Last)).Last)).Threads);
    }
}
