using Parley.Core.Config;
using Parley.Core.Events;
using Parley.Core.Moderation;
using Parley.Core.Security;
using Parley.Core.Storage;

namespace Parley.Core.Comments;

/// <summary>
/// Every write to comments goes through here: escaping, moderation mode, thread creation, guard,
/// auto-approval, parent flattening, edits, deletes and votes (spec/behaviour.md §2, §6-§11, §21).
/// Each stored change is then published to the event destinations (mail outbox, log).
/// </summary>
public sealed class CommentService(LiveConfig config, ICommentStore store, PageTitle pageTitle, EventFanout events, TimeProvider time)
    : IDisposable
{
    private const int MaxVotes = 142;

    // Isso serialises writes with one process-wide lock; so does Parley on one machine.
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    // SQLite's datetime('now', '-6 month'): calendar months, UTC.
    private double SixMonthsAgo => time.GetUtcNow().AddMonths(-6).ToUnixTimeMilliseconds() / 1000.0;

    public double Now => (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond;

    /// <summary>Creates a comment in thread <paramref name="uri"/>; <paramref name="site"/> is where the page and server live.</summary>
    public async Task<Comment> CreateAsync(string uri, CommentInput input, string remoteAddr, SiteAddress site, CancellationToken ct = default)
    {
        // One reading of the settings per comment: a reload in between cannot mix two configurations.
        var settings = config.Current;
        var mode = settings.Moderation.Enabled ? CommentMode.Pending : CommentMode.Published;
        var email = Escaping.Html(input.Email);
        var (comment, thread, confirm) = await LockedAsync(async () =>
        {
            var thread = await store.GetThreadAsync(uri, ct) ?? await CreateThreadAsync(uri, input.Title, site.Origin, ct);
            await new Guard(settings.Guard, settings.General.MaxAge, store).CheckAsync(thread.Uri, input, remoteAddr, Now, ct);
            if (mode == CommentMode.Pending && settings.Moderation.ApproveIfEmailPreviouslyApproved && email is not null
                && await store.HasPublishedByEmailSinceAsync(email, SixMonthsAgo, ct))
            {
                mode = CommentMode.Published;
            }
            // With double opt-in, an address not yet confirmed is subscribed only once its owner follows the mailed link.
            var confirm = input.Notification is not (null or 0) && email is not null
                && settings.General.ReplyNotifications && settings.General.ReplyNotificationsConfirm
                && !await store.IsAddressConfirmedAsync(email, ct);
            var comment = await store.InsertCommentAsync(new Comment
            {
                Tid = thread.Id,
                Parent = await ResolveParentAsync(input.Parent, thread.Id, ct),
                Created = Now,
                Mode = mode,
                RemoteAddr = remoteAddr,
                Text = input.Text,
                Author = Escaping.Html(input.Author),
                Email = email,
                Website = Escaping.Website(input.Website, prefixScheme: true),
                Voters = VotersFilter.Create(remoteAddr),
                Notification = confirm ? 0 : input.Notification,
            }, ct);
            return (comment, thread, confirm);
        }, ct);
        await events.PublishAsync(new CommentEvent(CommentEventKind.Created, comment, thread, site) { ConfirmSubscription = confirm }, ct);
        return comment;
    }

    /// <summary>
    /// Owner or moderator edit: text always, author and website only when sent (null clears them).
    /// The owner's edit stamps <c>modified</c>; the moderation link's does not (as in Isso).
    /// </summary>
    public async Task<Comment> EditAsync(long id, CommentInput input, bool stampModified, SiteAddress site, CancellationToken ct = default)
    {
        var edited = await LockedAsync(async () =>
        {
            var comment = await store.GetCommentAsync(id, ct) ?? throw NotFound();
            var edited = comment with
            {
                Text = input.Text,
                Author = input.Sent.Contains("author") ? Escaping.Html(input.Author) : comment.Author,
                Website = input.Sent.Contains("website") ? Escaping.Website(input.Website, prefixScheme: false) : comment.Website,
                Modified = stampModified ? Now : comment.Modified,
            };
            await store.UpdateCommentAsync(edited, ct);
            return edited;
        }, ct);
        await PublishAsync(CommentEventKind.Edited, edited, site, ct);
        return edited;
    }

    /// <summary>Deletes, or leaves a placeholder when replies exist; null when the row is gone.</summary>
    public async Task<Comment?> DeleteAsync(long id, SiteAddress site, CancellationToken ct = default)
    {
        var (before, after) = await LockedAsync(async () =>
        {
            var before = await store.GetCommentAsync(id, ct);
            return (before, before is null ? null : await store.DeleteCommentAsync(id, ct));
        }, ct);
        if (before is not null)
        {
            await PublishAsync(CommentEventKind.Deleted, before, site, ct);
        }
        return after;
    }

    /// <summary>Publishes a pending comment; false when it was already published (or does not exist).</summary>
    public async Task<bool> ActivateAsync(long id, SiteAddress site, CancellationToken ct = default)
    {
        var activated = await LockedAsync(() => store.ActivateAsync(id, ct), ct);
        if (activated && await store.GetCommentAsync(id, ct) is { } comment)
        {
            await PublishAsync(CommentEventKind.Activated, comment, site, ct);
        }
        return activated;
    }

    /// <summary>One vote per anonymised address per comment; null when the comment does not exist.</summary>
    public async Task<VoteOutcome?> VoteAsync(long id, bool upvote, string remoteAddr, CancellationToken ct = default)
    {
        return await LockedAsync<VoteOutcome?>(async () =>
        {
            var comment = await store.GetCommentAsync(id, ct);
            if (comment is null)
            {
                return null;
            }
            var kind = upvote ? "Upvote" : "Downvote";
            var total = comment.Likes + comment.Dislikes;
            if (total >= MaxVotes)
            {
                return new(comment.Likes, comment.Dislikes, $"{kind} denied due to a \"likes + dislikes\" total too high ({total} >= {MaxVotes})");
            }
            if (VotersFilter.Contains(comment.Voters, remoteAddr))
            {
                return new(comment.Likes, comment.Dislikes, $"{kind} denied because a vote has already been registered for this remote address");
            }
            await store.RecordVoteAsync(id, upvote, VotersFilter.With(comment.Voters, remoteAddr), ct);
            return new(comment.Likes + (upvote ? 1 : 0), comment.Dislikes + (upvote ? 0 : 1), null);
        }, ct);
    }

    public Task<int> UnsubscribeAsync(string email, long id, CancellationToken ct = default) =>
        LockedAsync(() => store.UnsubscribeAsync(email, id, ct), ct);

    /// <summary>Deletes pending comments older than <c>[moderation] purge-after</c>.</summary>
    public Task<int> PurgeAsync(CancellationToken ct = default) =>
        LockedAsync(() => store.PurgePendingAsync(Now - config.Current.Moderation.PurgeAfter, ct), ct);

    /// <summary>Demo mode: wipes the database and seeds <see cref="DemoThread"/>, published, a minute apart.</summary>
    public Task<int> ResetToDemoAsync(CancellationToken ct = default) => LockedAsync(async () =>
    {
        await store.DeleteEverythingAsync(ct);
        var thread = await store.CreateThreadAsync(DemoThread.Uri, DemoThread.Title, ct);
        var ids = new List<long>();
        var start = Now - (60 * DemoThread.Comments.Count);
        foreach (var (author, text, replyTo) in DemoThread.Comments)
        {
            var comment = await store.InsertCommentAsync(new Comment
            {
                Tid = thread.Id,
                Parent = replyTo is { } index ? ids[index] : null,
                Created = start + (60 * ids.Count),
                Mode = CommentMode.Published,
                RemoteAddr = "127.0.0.0",
                Text = text,
                Author = Escaping.Html(author),
                Voters = VotersFilter.Create("127.0.0.0"),
                Notification = 0,
            }, ct);
            ids.Add(comment.Id);
        }
        return ids.Count;
    }, ct);

    /// <summary>Double opt-in: the mailed link for comment <paramref name="id"/> subscribes it and marks the address confirmed.</summary>
    public Task<bool> ConfirmSubscriptionAsync(string email, long id, CancellationToken ct = default) =>
        LockedAsync(() => store.ConfirmAddressAsync(email, id, Now, ct), ct);

    private async Task PublishAsync(CommentEventKind kind, Comment comment, SiteAddress site, CancellationToken ct)
    {
        // A thread outlives its last comment only until the delete trigger runs; then the event names the uri-less thread.
        var thread = await store.GetThreadByIdAsync(comment.Tid, ct) ?? new CommentThread(comment.Tid, "", null);
        await events.PublishAsync(new CommentEvent(kind, comment, thread, site), ct);
    }

    private async Task<CommentThread> CreateThreadAsync(string uri, string? title, string origin, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(title))
        {
            return await store.CreateThreadAsync(uri, title, ct);
        }
        var page = await pageTitle.DiscoverAsync(origin, uri, ct) ?? throw new RuleViolationException(ViolationKind.InvalidField,
            $"Cannot create new thread: URI {uri} is not accessible and no title was provided. Please provide a title parameter in your request.");
        // The page may name another thread id; Parley joins that thread where Isso would crash.
        return await store.GetThreadAsync(page.Uri, ct) ?? await store.CreateThreadAsync(page.Uri, page.Title, ct);
    }

    // Replies to replies hang under the top-level ancestor; unknown or foreign parents become top-level.
    private async Task<long?> ResolveParentAsync(long? parent, long tid, CancellationToken ct)
    {
        var seen = new HashSet<long>();
        while (parent is { } id && id != 0 && seen.Add(id))
        {
            var comment = await store.GetCommentAsync(id, ct);
            if (comment is null || comment.Tid != tid)
            {
                return null;
            }
            if (comment.Parent is null)
            {
                return comment.Id;
            }
            parent = comment.Parent;
        }
        return null;
    }

    public void Dispose() => _writeLock.Dispose();

    private async Task<T> LockedAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            return await write();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static RuleViolationException NotFound() => new(ViolationKind.NotFound, "comment not found");
}
