using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Events;
using Parley.Core.Storage;

namespace Parley.Core.Email;

/// <summary>
/// Turns events into finished mails in the outbox (spec/notifications.md §2, §5): the owner hears of every new
/// comment when <c>notify</c> names smtp; subscribers hear of published replies in their conversation, or of every
/// published comment of the thread when they subscribed to it (<c>thread-notifications</c>). Only the
/// database is touched here; the worker delivers. Each mail is keyed by its event and recipient, so an event handled
/// twice (after a crash) queues it once.
/// </summary>
public sealed class MailDestination(LiveConfig config, ICommentStore store, NotificationMails mails, OutboxSignal signal,
    TimeProvider time, ILogger<MailDestination> log) : IEventDestination
{
    public string Name => "mail";

    public async Task<string?> DeliverAsync(ChangeEvent change, CancellationToken ct)
    {
        // Mail is about what readers and moderators do on the site: imports, purges and demo resets mail nobody.
        var settings = config.Current;
        if (change.Site is not { } site || change.Comment is not { } snapshot
            || change.Type is not (EventTypes.CommentCreated or EventTypes.CommentActivated)
            || !(settings.General.MailsOwner || settings.General.ReplyNotifications || settings.General.ThreadNotifications
                 || change.SubscriptionToConfirm != Subscription.None))
        {
            return null;
        }
        // The event keeps only public fields; address and e-mail come from the stored row. A comment deleted since
        // needs no mail any more.
        if (await store.GetCommentAsync(snapshot.Id, ct) is not { } stored)
        {
            return null;
        }
        var comment = snapshot with { Email = stored.Email, RemoteAddr = stored.RemoteAddr, Notification = stored.Notification };
        var queue = new List<(string Kind, MailMessage Mail)>();
        if (change.Type == EventTypes.CommentCreated && settings.General.MailsOwner)
        {
            if (settings.Smtp.To.Length > 0)
            {
                queue.Add(("owner", mails.Owner(comment, change.Thread, site)));
            }
            else
            {
                log.LogWarning("[smtp] to is empty: no owner mail for comment {Id}", comment.Id);
            }
        }
        if (change.SubscriptionToConfirm != Subscription.None)
        {
            queue.Add(("confirm", mails.Confirmation(comment, change.Thread, change.SubscriptionToConfirm, site)));
        }
        // Each address once per comment: a reply to them says more than the thread mail, so it goes first.
        var mailed = new HashSet<string>(StringComparer.Ordinal);
        if (settings.General.ReplyNotifications && comment.Parent is { } parent && comment.Mode == CommentMode.Published)
        {
            queue.AddRange(await RepliesAsync(comment, change.Thread, parent, site, mailed, ct));
        }
        if (settings.General.ThreadNotifications && comment.Mode == CommentMode.Published)
        {
            queue.AddRange(await ThreadAsync(comment, change.Thread, site, mailed, ct));
        }
        if (queue.Count == 0)
        {
            return null;
        }
        var envelopeFrom = MimeWriter.EnvelopeAddress(settings.Smtp.From);
        var now = time.GetUtcNow();
        var outgoing = new List<OutgoingMail>();
        foreach (var (kind, mail) in queue)
        {
            byte[] message;
            try
            {
                message = MimeWriter.Write(mail, now, MessageId(site));
            }
            catch (ArgumentException e)
            {
                // A stored address that cannot be a mail header (line breaks): that one mail is skipped, not the others.
                log.LogWarning("Mail to {Recipient} about comment {Id} cannot be written: {Reason}", mail.To, comment.Id, e.Message);
                continue;
            }
            var recipient = MimeWriter.EnvelopeAddress(mail.To);
            outgoing.Add(new OutgoingMail(envelopeFrom, recipient, message, $"{change.Id}:{kind}:{recipient}"));
        }
        // Queued together with this destination's cursor: a crash before the commit queues them again, one after it never.
        if (await store.Outbox.EnqueueAsync(outgoing, now.ToUnixTimeMilliseconds() / 1000.0, (Name, change.Seq), ct))
        {
            signal.Notify();
        }
        return $"{outgoing.Count} queued";
    }

    // Each subscribed address of the conversation once; never the replier's own address.
    private async Task<List<(string, MailMessage)>> RepliesAsync(Comment reply, CommentThread thread, long parent, SiteAddress site,
        HashSet<string> mailed, CancellationToken ct)
    {
        var replies = new List<(string, MailMessage)>();
        foreach (var candidate in await store.ConversationAsync(parent, ct))
        {
            // Unlike Isso, a subscriber without an address is skipped rather than routed to the owner.
            if (candidate.Notification is null or 0 || string.IsNullOrEmpty(candidate.Email) || candidate.Id == reply.Id
                || candidate.Email == reply.Email || !mailed.Add(candidate.Email))
            {
                continue;
            }
            replies.Add(("reply", mails.Reply(reply, thread, parent, candidate.Email, site)));
        }
        return replies;
    }

    // Each address subscribed to the whole thread once; never the commenter's own.
    private async Task<List<(string, MailMessage)>> ThreadAsync(Comment comment, CommentThread thread, SiteAddress site,
        HashSet<string> mailed, CancellationToken ct)
    {
        var found = new List<(string, MailMessage)>();
        foreach (var subscriber in await store.ThreadSubscribersAsync(thread.Id, ct))
        {
            if (string.IsNullOrEmpty(subscriber.Email) || subscriber.Id == comment.Id || subscriber.Email == comment.Email
                || !mailed.Add(subscriber.Email))
            {
                continue;
            }
            found.Add(("thread", mails.Thread(comment, thread, subscriber.Id, subscriber.Email, site)));
        }
        return found;
    }

    private static string MessageId(SiteAddress site)
    {
        var host = Uri.TryCreate(site.Endpoint, UriKind.Absolute, out var endpoint) && endpoint.Host.Length > 0 ? endpoint.Host : "parley.invalid";
        return $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}@{host}";
    }
}
