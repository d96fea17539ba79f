using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Events;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests;

/// <summary>Whole-thread subscriptions (<c>notification = 2</c>): who is mailed, how they leave, and double opt-in keeping the level.</summary>
public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task ThreadSubscribersAreThePublishedCommentsOfThatThreadAskingForEveryComment()
    {
        var thread = await ThreadAsync("/a");
        var other = await ThreadAsync("/b");
        var alice = await Store.InsertCommentAsync(Sample.Comment(thread.Id) with { Notification = Subscription.Thread });
        await Store.InsertCommentAsync(Sample.Comment(thread.Id) with { Email = "bob@example.org", Notification = Subscription.Replies });
        await Store.InsertCommentAsync(Sample.Comment(thread.Id) with { Email = "held@example.org", Notification = Subscription.Thread, Mode = CommentMode.Pending });
        var reply = await Store.InsertCommentAsync(Sample.Comment(thread.Id) with
        {
            Parent = alice.Id, Email = "carol@example.org", Notification = Subscription.Thread,
        });
        await Store.InsertCommentAsync(Sample.Comment(other.Id) with { Email = "dave@example.org", Notification = Subscription.Thread });

        var subscribers = await Store.ThreadSubscribersAsync(thread.Id);

        Assert.Equal([(alice.Id, "alice@example.org"), (reply.Id, "carol@example.org")], subscribers.Select(c => (c.Id, c.Email)));
        Assert.Empty(await Store.ThreadSubscribersAsync(9999));
    }

    [SkippableFact]
    public async Task LeavingAThreadClearsEveryCommentOfThatAddressInItAndNothingElse()
    {
        var thread = await ThreadAsync("/a");
        var other = await ThreadAsync("/b");
        var subscribed = Sample.Comment(thread.Id) with { Notification = Subscription.Thread };
        var first = await Store.InsertCommentAsync(subscribed);
        var second = await Store.InsertCommentAsync(subscribed with { Notification = Subscription.Replies });
        var deep = await Store.InsertCommentAsync(subscribed with { Parent = first.Id });
        var someoneElse = await Store.InsertCommentAsync(subscribed with { Email = "eve@example.org" });
        var elsewhere = await Store.InsertCommentAsync(Sample.Comment(other.Id) with { Notification = Subscription.Thread });

        var changed = await Store.WriteAsync(tx => tx.UnsubscribeThreadAsync("alice@example.org", second.Id));

        Assert.Equal(3, changed);
        foreach (var id in (long[])[first.Id, second.Id, deep.Id])
        {
            Assert.Equal(Subscription.None, (await Store.GetCommentAsync(id))!.Notification);
        }
        Assert.Equal(Subscription.Thread, (await Store.GetCommentAsync(someoneElse.Id))!.Notification);
        Assert.Equal(Subscription.Thread, (await Store.GetCommentAsync(elsewhere.Id))!.Notification);
        Assert.Equal(0, await Store.WriteAsync(tx => tx.UnsubscribeThreadAsync("alice@example.org", 9999)));
    }

    [SkippableFact]
    public async Task DoubleOptInAsksForTheLevelRequestedAndConfirmingSubscribesAtIt()
    {
        var config = new ParleyConfig
        {
            Guard = new GuardConfig { Enabled = false },
            General = new GeneralConfig { ReplyNotifications = true, ReplyNotificationsConfirm = true, ThreadNotifications = true },
        };
        var service = Service(config);
        var before = await LastSeqAsync();
        var thread = await service.CreateAsync("/p", Input("Every comment, please") with { Email = "ann@example.org", Notification = Subscription.Thread },
            "192.0.2.0", Site);
        var replies = await service.CreateAsync("/p", Input("Replies only") with { Email = "bea@example.org", Notification = Subscription.Replies },
            "192.0.2.0", Site);

        var created = (await EventsAfterAsync(before)).Where(e => e.Type == EventTypes.CommentCreated).ToList();
        Assert.Equal([Subscription.Thread, Subscription.Replies], created.Select(e => e.SubscriptionToConfirm));
        Assert.Equal(Subscription.None, (await Store.GetCommentAsync(thread.Id))!.Notification);

        Assert.True(await service.ConfirmSubscriptionAsync("ann@example.org", thread.Id, Subscription.Thread));
        Assert.Equal(Subscription.Thread, (await Store.GetCommentAsync(thread.Id))!.Notification);
        Assert.False(await service.ConfirmSubscriptionAsync("ann@example.org", replies.Id, Subscription.Thread));
        Assert.Equal(Subscription.None, (await Store.GetCommentAsync(replies.Id))!.Notification);

        // Confirmed once: the next whole-thread request is kept at once, with nothing to confirm.
        var again = await service.CreateAsync("/q", Input("And here") with { Email = "ann@example.org", Notification = Subscription.Thread },
            "192.0.2.0", Site);
        Assert.Equal(Subscription.Thread, (await Store.GetCommentAsync(again.Id))!.Notification);
        Assert.Equal(Subscription.None, (await EventsAfterAsync(before)).Single(e => e.Comment?.Id == again.Id && e.Type == EventTypes.CommentCreated).SubscriptionToConfirm);
    }

    [SkippableFact]
    public async Task AWholeThreadRequestWhereTheSiteOffersNoneIsAReplySubscription()
    {
        var service = Service(new ParleyConfig { Guard = new GuardConfig { Enabled = false }, General = new GeneralConfig { ReplyNotifications = true } });

        var comment = await service.CreateAsync("/p", Input("Everything?") with { Email = "ann@example.org", Notification = Subscription.Thread },
            "192.0.2.0", Site);

        Assert.Equal(Subscription.Replies, (await Store.GetCommentAsync(comment.Id))!.Notification);
    }
}
