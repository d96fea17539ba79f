using Parley.Core.Config;
using Parley.Core.Events;
using Parley.Core.Moderation;
using Parley.Core.Security;
using Parley.Core.Spam;
using Parley.Core.Storage;

namespace Parley.Core.Comments;

/// <summary>
/// Every write to comments goes through here: escaping, moderation mode, thread creation, guard,
/// auto-approval, parent flattening, edits, deletes and votes (spec/behaviour.md §2, §6-§11, §21).
/// Each operation is one transaction of the store, and records the event of each change in it
/// (spec/events.md §4); destinations hear of them from the log, never from here.
/// </summary>
public sealed class CommentService(LiveConfig config, ICommentStore store, PageTitle pageTitle, EventSignal signal, TimeProvider time,
    ProofOfWork proofOfWork)
{
    private const int MaxVotes = 142;

    // SQLite's datetime('now', '-6 month'): calendar months, UTC.
    private double SixMonthsAgo => time.GetUtcNow().AddMonths(-6).ToUnixTimeMilliseconds() / 1000.0;

    public double Now => (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond;

    /// <summary>Creates a comment in thread <paramref name="uri"/>; <paramref name="site"/> is where the page and server live.</summary>
    public async Task<Comment> CreateAsync(string uri, CommentInput input, string remoteAddr, SiteAddress site, CancellationToken ct = default)
    {
        // One reading of the settings per comment: a reload in between cannot mix two configurations.
        var settings = config.Current;
        var verdict = Screen(settings.Spam, input);
        var email = Escaping.Html(input.Email);
        // Asking the page for its title is network I/O, which the transaction must not wait for: a new thread without a
        // title leaves the transaction, asks, and comes back.
        (string Uri, string Title)? page = null;
        while (true)
        {
            try
            {
                return await CreateOnceAsync(uri, input, email, page, remoteAddr, site, settings, verdict, ct);
            }
            catch (TitleNeeded) when (page is null)
            {
                page = await DiscoverAsync(uri, site.Origin, ct);
            }
        }
    }

    /// <summary>
    /// Runs all of <see cref="CreateAsync"/> (the thread must exist or <paramref name="input"/> carry a title) in a transaction
    /// that is then rolled back: nothing is stored and no event recorded. Start-up rehearses a comment so that the first
    /// real one finds its path compiled and its statements prepared. Returns the comment as it would have been stored.
    /// </summary>
    public async Task<Comment> RehearseCreateAsync(string uri, CommentInput input, string remoteAddr, SiteAddress site, CancellationToken ct = default)
    {
        Comment? rehearsed = null;
        try
        {
            await store.WriteAsync<Comment>(async tx =>
            {
                rehearsed = await CreateInAsync(tx, uri, input, Escaping.Html(input.Email), null, remoteAddr, site, config.Current, null, ct);
                throw new Rehearsal();
            }, ct);
        }
        catch (Rehearsal)
        {
        }
        return rehearsed!;
    }

    // [spam], before any database work: the honeypot and the word rules refuse (403, saying nothing of the rule), a
    // proof of work is checked (and spent in the transaction), suspect words and links hold the comment.
    private SpamVerdict? Screen(SpamConfig spam, CommentInput input)
    {
        if (spam.Honeypot && !string.IsNullOrEmpty(input.Honeypot))
        {
            throw SpamRules.Refusal();
        }
        var proof = spam.ProofOfWork ? proofOfWork.Verify(input.Proof) : ((string Challenge, double Expires)?)null;
        var hold = SpamRules.Check(spam, input);
        return proof is null && hold is null ? null : new SpamVerdict(proof?.Challenge, proof?.Expires ?? 0, hold);
    }

    private sealed record SpamVerdict(string? Challenge, double Expires, string? HoldReason);

    private Task<Comment> CreateOnceAsync(string uri, CommentInput input, string? email, (string Uri, string Title)? page,
        string remoteAddr, SiteAddress site, ParleyConfig settings, SpamVerdict? verdict, CancellationToken ct) =>
        WriteAsync(tx => CreateInAsync(tx, uri, input, email, page, remoteAddr, site, settings, verdict, ct), ct);

    private async Task<Comment> CreateInAsync(IWriteScope tx, string uri, CommentInput input, string? email, (string Uri, string Title)? page,
        string remoteAddr, SiteAddress site, ParleyConfig settings, SpamVerdict? verdict, CancellationToken ct)
    {
        var now = Now;
        var thread = await tx.GetThreadAsync(uri, ct)
            ?? (page is { } found ? await tx.GetThreadAsync(found.Uri, ct) : null)
            ?? await InsertThreadAsync(tx, page?.Uri ?? uri,
                page is { } titled ? titled.Title : string.IsNullOrEmpty(input.Title) ? throw new TitleNeeded() : input.Title, site, now, ct);
        await new Guard(settings.Guard, settings.General.MaxAge, tx).CheckAsync(thread.Uri, input, remoteAddr, now, ct);
        var mode = settings.Moderation.Enabled ? CommentMode.Pending : CommentMode.Published;
        if (mode == CommentMode.Pending && settings.Moderation.ApproveIfEmailPreviouslyApproved && email is not null
            && await tx.HasPublishedByEmailSinceAsync(email, SixMonthsAgo, ct))
        {
            mode = CommentMode.Published;
        }
        // Single use across every instance: the challenge is spent with the comment, or not at all.
        if (verdict?.Challenge is { } challenge && !await tx.SpendChallengeAsync(challenge, verdict.Expires, now, ct))
        {
            throw ProofOfWork.Reused();
        }
        var holdReason = verdict?.HoldReason;
        if (await tx.BanForAsync(remoteAddr, email, ct) is { } ban)
        {
            holdReason = ban.Action == Ban.Refuse ? throw SpamRules.Refusal() : ban.Reason;
        }
        if (holdReason is not null)
        {
            mode = CommentMode.Pending;
        }
        // A whole-thread subscription where the site offers none is a reply subscription. With double opt-in, an
        // address not yet confirmed is subscribed only once its owner follows the mailed link.
        var level = input.Notification == Subscription.Thread && !settings.General.ThreadNotifications ? Subscription.Replies : input.Notification;
        var mailed = level == Subscription.Thread ? settings.General.ThreadNotifications
            : level == Subscription.Replies && settings.General.ReplyNotifications;
        var confirm = mailed && email is not null && settings.General.ReplyNotificationsConfirm && !await tx.IsAddressConfirmedAsync(email, ct);
        var comment = await tx.InsertCommentAsync(new Comment
        {
            Tid = thread.Id,
            Parent = await ResolveParentAsync(tx, input.Parent, thread.Id, ct),
            Created = now,
            Mode = mode,
            RemoteAddr = remoteAddr,
            Text = input.Text,
            Author = Escaping.Html(input.Author),
            Email = email,
            Website = Escaping.Website(input.Website, prefixScheme: true),
            Voters = VotersFilter.Create(remoteAddr),
            Notification = confirm ? Subscription.None : level,
        }, ct);
        if (holdReason is { } reason)
        {
            await tx.RecordHoldReasonAsync(comment.Id, comment.Created, reason, ct);
        }
        await tx.RecordAsync(new ChangeEvent(EventTypes.CommentCreated, EventBy.Reader, now, thread, comment)
        {
            Site = site,
            SubscriptionToConfirm = confirm ? level!.Value : Subscription.None,
        }, ct);
        return comment;
    }

    /// <summary>
    /// Owner or moderator edit: text always, author and website only when sent (null clears them).
    /// The owner's edit stamps <c>modified</c>; the moderation link's does not (as in Isso).
    /// </summary>
    public Task<Comment> EditAsync(long id, CommentInput input, bool stampModified, string by, SiteAddress site, CancellationToken ct = default)
    {
        // A reader's edit may not bring in what [spam] would have refused or held: the comment stays as it was.
        if (by == EventBy.Owner && SpamRules.Check(config.Current.Spam, input) is not null)
        {
            throw SpamRules.Refusal();
        }
        return WriteAsync(async tx =>
        {
            var now = Now;
            var comment = await tx.GetCommentAsync(id, ct) ?? throw NotFound();
            var edited = comment with
            {
                Text = input.Text,
                Author = input.Sent.Contains("author") ? Escaping.Html(input.Author) : comment.Author,
                Website = input.Sent.Contains("website") ? Escaping.Website(input.Website, prefixScheme: false) : comment.Website,
                Modified = stampModified ? now : comment.Modified,
            };
            await tx.UpdateCommentAsync(edited, ct);
            await RecordAsync(tx, EventTypes.CommentEdited, by, now, edited, site, ct);
            return edited;
        }, ct);
    }

    /// <summary>
    /// Bans the address range or the e-mail address comment <paramref name="id"/> was written from, as stored; null when
    /// the comment is gone. Throws 400 when it has no e-mail to ban.
    /// </summary>
    public Task<Ban?> BanAsync(long id, string kind, string action, CancellationToken ct = default) => WriteAsync(async tx =>
    {
        if (await tx.GetCommentAsync(id, ct) is not { } comment)
        {
            return null;
        }
        var value = kind == Ban.Address ? comment.RemoteAddr : comment.Email;
        if (string.IsNullOrEmpty(value))
        {
            throw new RuleViolationException(ViolationKind.BadRequest, $"comment {id} has no {(kind == Ban.Address ? "address" : "e-mail")} to ban");
        }
        return await tx.AddBanAsync(kind, value, action, Now, ct);
    }, ct);

    /// <summary>Lifts ban <paramref name="id"/>; false when there was none.</summary>
    public Task<bool> UnbanAsync(long id, CancellationToken ct = default) => WriteAsync(tx => tx.RemoveBanAsync(id, ct), ct);

    /// <summary>Deletes, or leaves a placeholder when replies exist; null when the row is gone (or never was).</summary>
    public async Task<Comment?> DeleteAsync(long id, string by, SiteAddress site, CancellationToken ct = default) =>
        (await DeleteManyAsync([id], by, site, ct)).Placeholders.GetValueOrDefault(id);

    /// <summary>
    /// Deletes each of <paramref name="ids"/> in one transaction; those that did not exist are listed as missing.
    /// </summary>
    public Task<DeleteOutcome> DeleteManyAsync(IReadOnlyList<long> ids, string by, SiteAddress site, CancellationToken ct = default) =>
        WriteAsync(async tx =>
        {
            var now = Now;
            var outcome = new DeleteOutcome();
            foreach (var id in ids)
            {
                var before = await tx.GetCommentAsync(id, ct);
                if (before is null)
                {
                    outcome.Missing.Add(id);
                    continue;
                }
                var thread = await tx.GetThreadByIdAsync(before.Tid, ct) ?? new CommentThread(before.Tid, "", null);
                var placeholder = await tx.DeleteCommentAsync(id, ct);
                outcome.Deleted.Add(id);
                if (placeholder is not null)
                {
                    outcome.Placeholders[id] = placeholder;
                }
                await tx.RecordAsync(new ChangeEvent(EventTypes.CommentDeleted, by, now, thread, before)
                {
                    Placeholder = placeholder is not null,
                    Site = site,
                }, ct);
            }
            return outcome;
        }, ct);

    /// <summary>Publishes a pending comment; false when it was already published (or does not exist).</summary>
    public async Task<bool> ActivateAsync(long id, string by, SiteAddress site, CancellationToken ct = default) =>
        (await ActivateManyAsync([id], by, site, ct)).Count == 1;

    /// <summary>Publishes each pending comment of <paramref name="ids"/> in one transaction; returns those it published.</summary>
    public Task<IReadOnlyList<long>> ActivateManyAsync(IReadOnlyList<long> ids, string by, SiteAddress site, CancellationToken ct = default) =>
        WriteAsync<IReadOnlyList<long>>(async tx =>
        {
            var now = Now;
            var activated = new List<long>();
            foreach (var id in ids)
            {
                if (await tx.ActivateAsync(id, ct) && await tx.GetCommentAsync(id, ct) is { } comment)
                {
                    activated.Add(id);
                    await RecordAsync(tx, EventTypes.CommentActivated, by, now, comment, site, ct);
                }
            }
            return activated;
        }, ct);

    /// <summary>One vote per anonymised address per comment; null when the comment does not exist.</summary>
    public Task<VoteOutcome?> VoteAsync(long id, bool upvote, string remoteAddr, CancellationToken ct = default) =>
        WriteAsync<VoteOutcome?>(async tx =>
        {
            var comment = await tx.GetCommentAsync(id, ct);
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
            await tx.RecordVoteAsync(id, upvote, VotersFilter.With(comment.Voters, remoteAddr), ct);
            var voted = comment with { Likes = comment.Likes + (upvote ? 1 : 0), Dislikes = comment.Dislikes + (upvote ? 0 : 1) };
            var thread = await tx.GetThreadByIdAsync(comment.Tid, ct) ?? new CommentThread(comment.Tid, "", null);
            await tx.RecordAsync(new ChangeEvent(EventTypes.CommentVoted, EventBy.Reader, Now, thread, voted) { Upvote = upvote }, ct);
            return new(voted.Likes, voted.Dislikes, null);
        }, ct);

    /// <summary>Ends reply mails for comment <paramref name="id"/> and its replies by <paramref name="email"/> (no event: nothing public changes).</summary>
    public Task<int> UnsubscribeAsync(string email, long id, CancellationToken ct = default) =>
        store.WriteAsync(tx => tx.UnsubscribeAsync(email, id, ct), ct);

    /// <summary>The unsubscribe link of a thread mail: no more mail to <paramref name="email"/> from the thread of comment <paramref name="id"/>.</summary>
    public Task<int> UnsubscribeThreadAsync(string email, long id, CancellationToken ct = default) =>
        store.WriteAsync(tx => tx.UnsubscribeThreadAsync(email, id, ct), ct);

    /// <summary>
    /// Double opt-in: the mailed link for comment <paramref name="id"/> subscribes it at the <paramref name="level"/>
    /// asked for and marks the address confirmed.
    /// </summary>
    public Task<bool> ConfirmSubscriptionAsync(string email, long id, long level, CancellationToken ct = default) =>
        store.WriteAsync(tx => tx.ConfirmAddressAsync(email, id, level, Now, ct), ct);

    /// <summary>Deletes pending comments older than <c>[moderation] purge-after</c>.</summary>
    public Task<int> PurgeAsync(CancellationToken ct = default) =>
        WriteAsync(async tx =>
        {
            var now = Now;
            var pending = await tx.PendingBeforeAsync(now - config.Current.Moderation.PurgeAfter, ct);
            foreach (var comment in pending)
            {
                var thread = await tx.GetThreadByIdAsync(comment.Tid, ct) ?? new CommentThread(comment.Tid, "", null);
                var placeholder = await tx.DeleteCommentAsync(comment.Id, ct);
                await tx.RecordAsync(new ChangeEvent(EventTypes.CommentDeleted, EventBy.Purge, now, thread, comment)
                {
                    Placeholder = placeholder is not null,
                }, ct);
            }
            return pending.Count;
        }, ct);

    /// <summary>Demo mode: wipes the database and seeds <see cref="DemoThread"/>, published, a minute apart.</summary>
    public Task<int> ResetToDemoAsync(CancellationToken ct = default) => WriteAsync(async tx =>
    {
        var now = Now;
        foreach (var (comment, thread) in await tx.AllCommentsAsync(ct))
        {
            await tx.RecordAsync(new ChangeEvent(EventTypes.CommentDeleted, EventBy.Purge, now, thread, comment), ct);
        }
        await tx.DeleteEverythingAsync(ct);
        var demo = await InsertThreadAsync(tx, DemoThread.Uri, DemoThread.Title, null, now, ct, EventBy.Purge);
        var ids = new List<long>();
        var start = now - (60 * DemoThread.Comments.Count);
        foreach (var (author, text, replyTo) in DemoThread.Comments)
        {
            var comment = await tx.InsertCommentAsync(new Comment
            {
                Tid = demo.Id,
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
            await tx.RecordAsync(new ChangeEvent(EventTypes.CommentCreated, EventBy.Purge, now, demo, comment), ct);
        }
        return ids.Count;
    }, ct);

    // Every write that records events wakes the dispatcher once it has committed.
    private async Task<T> WriteAsync<T>(Func<IWriteScope, Task<T>> write, CancellationToken ct)
    {
        var result = await store.WriteAsync(write, ct);
        signal.Notify();
        return result;
    }

    private static async Task RecordAsync(IWriteScope tx, string type, string by, double now, Comment comment, SiteAddress site, CancellationToken ct)
    {
        var thread = await tx.GetThreadByIdAsync(comment.Tid, ct) ?? new CommentThread(comment.Tid, "", null);
        await tx.RecordAsync(new ChangeEvent(type, by, now, thread, comment) { Site = site }, ct);
    }

    private static async Task<CommentThread> InsertThreadAsync(IWriteScope tx, string uri, string? title, SiteAddress? site, double now,
        CancellationToken ct, string by = EventBy.Reader)
    {
        var thread = await tx.InsertThreadAsync(uri, title, ct);
        await tx.RecordAsync(new ChangeEvent(EventTypes.ThreadCreated, by, now, thread, null) { Site = site }, ct);
        return thread;
    }

    private async Task<(string Uri, string Title)> DiscoverAsync(string uri, string origin, CancellationToken ct) =>
        await pageTitle.DiscoverAsync(origin, uri, ct) ?? throw new RuleViolationException(ViolationKind.InvalidField,
            $"Cannot create new thread: URI {uri} is not accessible and no title was provided. Please provide a title parameter in your request.");

    // Replies to replies hang under the top-level ancestor; unknown or foreign parents become top-level.
    private static async Task<long?> ResolveParentAsync(IWriteScope tx, long? parent, long tid, CancellationToken ct)
    {
        var seen = new HashSet<long>();
        while (parent is { } id && id != 0 && seen.Add(id))
        {
            var comment = await tx.GetCommentAsync(id, ct);
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

    private sealed class TitleNeeded : Exception;

    private sealed class Rehearsal : Exception;

    private static RuleViolationException NotFound() => new(ViolationKind.NotFound, "comment not found");
}
