using Parley.Core.Events;

namespace Parley.Storage.Tests;

/// <summary>The event history the admin reads (spec/events.md §4): newest first, filtered, paged by sequence number.</summary>
public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task TheHistoryListsEventsNewestFirstByTypeThreadAndTimeAndPagesWithoutGapsOrRepeats()
    {
        var service = Service();
        var first = await service.CreateAsync("/a/", Input("one"), "192.0.2.0", Site);
        await service.CreateAsync("/b/", Input("two"), "192.0.2.1", Site);
        await service.VoteAsync(first.Id, upvote: true, "198.51.100.0");
        await service.CreateAsync("/a/", Input("three"), "192.0.2.2", Site);
        var all = await EventsAfterAsync(0);

        var newestFirst = await Store.Events.HistoryAsync(new EventQuery { Limit = 100 });
        Assert.Equal(all.Reverse().Select(e => e.Seq), newestFirst.Select(e => e.Seq));

        var created = await Store.Events.HistoryAsync(new EventQuery { Type = EventTypes.CommentCreated });
        Assert.Equal(["three", "two", "one"], created.Select(e => e.Comment!.Text));

        var onA = await Store.Events.HistoryAsync(new EventQuery { Uri = "/a/" });
        Assert.Equal([EventTypes.CommentCreated, EventTypes.CommentVoted, EventTypes.CommentCreated, EventTypes.ThreadCreated],
            onA.Select(e => e.Type));
        Assert.All(onA, e => Assert.Equal("/a/", e.Thread.Uri));

        var createdOnA = await Store.Events.HistoryAsync(new EventQuery { Type = EventTypes.CommentCreated, Uri = "/a/" });
        Assert.Equal(["three", "one"], createdOnA.Select(e => e.Comment!.Text));

        // Since is inclusive, until exclusive.
        var middle = all[2];
        var window = await Store.Events.HistoryAsync(new EventQuery { Since = middle.Created, Until = all[^1].Created });
        Assert.All(window, e => Assert.InRange(e.Created, middle.Created, all[^1].Created));
        Assert.Contains(window, e => e.Seq == middle.Seq);
        Assert.DoesNotContain(window, e => e.Created >= all[^1].Created);

        // Pages of two, each asking for what is older than the last one seen.
        var paged = new List<long>();
        long? before = null;
        while (true)
        {
            var page = await Store.Events.HistoryAsync(new EventQuery { Limit = 2, Before = before });
            if (page.Count == 0)
            {
                break;
            }
            Assert.True(page.Count <= 2);
            paged.AddRange(page.Select(e => e.Seq));
            before = page[^1].Seq;
        }
        Assert.Equal(newestFirst.Select(e => e.Seq), paged);
    }
}
