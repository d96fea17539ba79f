using Parley.Core.Events;

namespace Parley.Storage.Tests;

/// <summary>
/// Each destination's lease, retry state and delivery log (<see cref="IDestinationLog"/>), shared by every instance
/// on the database.
/// </summary>
public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task OneHolderAtATimeUntilItsLeaseRunsOutOrItLetsGo()
    {
        var a = await Store.Destinations.HoldAsync("webhook https://a.example/", "one", now: 100, until: 140);
        Assert.True(a.Held);
        Assert.Equal(DestinationState.New("webhook https://a.example/") with { Held = true }, a);
        // The other instance waits while the lease runs; the holder renews it.
        Assert.False((await Store.Destinations.HoldAsync("webhook https://a.example/", "two", 120, 160)).Held);
        Assert.True((await Store.Destinations.HoldAsync("webhook https://a.example/", "one", 130, 170)).Held);
        Assert.False((await Store.Destinations.HoldAsync("webhook https://a.example/", "two", 150, 190)).Held);
        // Run out: the other takes it, and the first one no longer holds it.
        Assert.True((await Store.Destinations.HoldAsync("webhook https://a.example/", "two", 171, 211)).Held);
        Assert.False((await Store.Destinations.HoldAsync("webhook https://a.example/", "one", 172, 212)).Held);
        // Let go: taken at once.
        await Store.Destinations.ReleaseAsync("webhook https://a.example/", "two", 172.5);
        Assert.True((await Store.Destinations.HoldAsync("webhook https://a.example/", "one", 173, 213)).Held);
        // Another destination is a lease of its own.
        Assert.True((await Store.Destinations.HoldAsync("mail", "two", 173, 213)).Held);
    }

    [SkippableFact]
    public async Task RetryStateAndStoppingAreKeptAndAHolderReadsThem()
    {
        await Store.Destinations.SetAsync("webhook https://a.example/", 3, 500.5, null, null);
        var held = await Store.Destinations.HoldAsync("webhook https://a.example/", "one", 100, 140);
        Assert.Equal(new DestinationState("webhook https://a.example/", true, 3, 500.5, null, null), held);

        await Store.Destinations.SetAsync("webhook https://a.example/", 0, null, 600, "answered 410 Gone");
        var stopped = Assert.Single(await Store.Destinations.ListAsync());
        Assert.Equal(new DestinationState("webhook https://a.example/", false, 0, null, 600, "answered 410 Gone"), stopped);
        // Starting it again clears it; the lease is untouched.
        await Store.Destinations.SetAsync("webhook https://a.example/", 0, null, null, null);
        Assert.Equal(DestinationState.New("webhook https://a.example/") with { Held = true },
            await Store.Destinations.HoldAsync("webhook https://a.example/", "one", 110, 150));
    }

    [SkippableFact]
    public async Task AStoppedDestinationAndOneNobodyHeldInTheRetentionTimeDoNotHoldTheLogBack()
    {
        var service = Service();
        foreach (var name in new[] { "mail", "webhook https://gone.example/", "webhook https://removed.example/" })
        {
            await Store.Events.CursorAsync(name);
        }
        for (var i = 0; i < 3; i++)
        {
            await service.CreateAsync("/post/", Input($"c{i}"), $"192.0.2.{i}", Site);
        }
        var all = await EventsAfterAsync(0);
        var future = all[^1].Created + 1;
        // All three held lately: the webhooks have handled nothing, so nothing goes.
        await Store.Destinations.HoldAsync("mail", "one", future, future + 40);
        await Store.Destinations.HoldAsync("webhook https://gone.example/", "one", future, future + 40);
        await Store.Destinations.HoldAsync("webhook https://removed.example/", "one", future, future + 40);
        await Store.Events.AdvanceAsync("mail", all[^1].Seq);
        Assert.Equal(0, await Store.Events.TrimAsync(future));

        // One stopped, the other last held before the cut-off (taken out of the configuration long ago).
        await Store.Destinations.SetAsync("webhook https://gone.example/", 0, null, 1, "answered 410 Gone");
        await Store.Destinations.ReleaseAsync("webhook https://removed.example/", "one", future - 1);
        Assert.Equal(["mail", "webhook https://gone.example/", "webhook https://removed.example/"], CursorRows(await Store.Events.CursorsAsync()));
        Assert.Equal(all.Count - 1, await Store.Events.TrimAsync(future));
    }

    private static List<string> CursorRows(IReadOnlyDictionary<string, long> cursors) => [.. cursors.Keys.Order(StringComparer.Ordinal)];

    [SkippableFact]
    public async Task TheDeliveryLogKeepsTheNewestFiftyOfEachDestinationNewestFirst()
    {
        for (var i = 1; i <= 60; i++)
        {
            await Store.Destinations.RecordAsync(new Delivery("webhook https://a.example/", i, $"evt_{i}", "comment.created", 1000 + i,
                i % 3 != 0, i % 3 != 0 ? "200 OK" : "503 Service Unavailable", i % 4));
        }
        await Store.Destinations.RecordAsync(new Delivery("webhook https://b.example/", 7, "evt_7", "comment.voted", 2000, false,
            new string('x', 2000), 2));

        var a = await Store.Destinations.DeliveriesAsync("webhook https://a.example/");
        Assert.Equal(IDestinationLog.Kept, a.Count);
        Assert.Equal(Enumerable.Range(11, 50).Reverse().Select(i => (long)i), a.Select(d => d.Seq));
        Assert.Equal(new Delivery("webhook https://a.example/", 60, "evt_60", "comment.created", 1060, false, "503 Service Unavailable", 0), a[0]);
        Assert.Equal(new Delivery("webhook https://a.example/", 59, "evt_59", "comment.created", 1059, true, "200 OK", 3), a[1]);
        var b = Assert.Single(await Store.Destinations.DeliveriesAsync("webhook https://b.example/"));
        Assert.Equal(500, b.Result.Length);
        Assert.Empty(await Store.Destinations.DeliveriesAsync("webhook https://c.example/"));
    }
}
