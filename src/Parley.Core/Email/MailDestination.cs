using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Events;
using Parley.Core.Storage;

namespace Parley.Core.Email;

/// <summary>
/// Turns comment events into finished mails in the outbox (spec/notifications.md §2, §5): the owner hears of
/// every new comment when <c>notify</c> names smtp; subscribers hear of published replies in their conversation.
/// Only the database is touched here; the worker delivers.
/// </summary>
public sealed class MailDestination(LiveConfig config, ICommentStore store, NotificationMails mails, OutboxSignal signal,
    TimeProvider time, ILogger<MailDestination> log) : IEventDestination
{
    public async Task HandleAsync(CommentEvent comment, CancellationToken ct)
    {
        var settings = config.Current;
        var queue = new List<MailMessage>();
        if (comment.Kind == CommentEventKind.Created && settings.General.MailsOwner)
        {
            if (settings.Smtp.To.Length > 0)
            {
                queue.Add(mails.Owner(comment.Comment, comment.Thread, comment.Site));
            }
            else
            {
                log.LogWarning("[smtp] to is empty: no owner mail for comment {Id}", comment.Comment.Id);
            }
        }
        if (comment.ConfirmSubscription)
        {
            queue.Add(mails.Confirmation(comment.Comment, comment.Thread, comment.Site));
        }
        if (settings.General.ReplyNotifications && IsNewlyPublishedReply(comment, out var parent))
        {
            queue.AddRange(await RepliesAsync(comment, parent, ct));
        }
        if (queue.Count == 0)
        {
            return;
        }
        var envelopeFrom = MimeWriter.EnvelopeAddress(settings.Smtp.From);
        var now = time.GetUtcNow();
        foreach (var mail in queue)
        {
            byte[] message;
            try
            {
                message = MimeWriter.Write(mail, now, MessageId(comment.Site));
            }
            catch (ArgumentException e)
            {
                // A stored address that cannot be a mail header (line breaks): that one mail is skipped, not the others.
                log.LogWarning("Mail to {Recipient} about comment {Id} cannot be written: {Reason}", mail.To, comment.Comment.Id, e.Message);
                continue;
            }
            await store.EnqueueMailAsync(envelopeFrom, MimeWriter.EnvelopeAddress(mail.To), message, now.ToUnixTimeMilliseconds() / 1000.0, ct);
        }
        signal.Notify();
    }

    private static bool IsNewlyPublishedReply(CommentEvent comment, out long parent)
    {
        parent = comment.Comment.Parent ?? 0;
        return comment.Comment.Parent is not null
            && (comment.Kind == CommentEventKind.Activated
                || (comment.Kind == CommentEventKind.Created && comment.Comment.Mode == CommentMode.Published));
    }

    // Each subscribed address of the conversation once; never the replier's own address.
    private async Task<List<MailMessage>> RepliesAsync(CommentEvent comment, long parent, CancellationToken ct)
    {
        var reply = comment.Comment;
        var mailed = new HashSet<string>(StringComparer.Ordinal);
        var replies = new List<MailMessage>();
        foreach (var candidate in await store.ConversationAsync(parent, ct))
        {
            // Unlike Isso, a subscriber without an address is skipped rather than routed to the owner.
            if (candidate.Notification is null or 0 || string.IsNullOrEmpty(candidate.Email) || candidate.Id == reply.Id
                || candidate.Email == reply.Email || !mailed.Add(candidate.Email))
            {
                continue;
            }
            replies.Add(mails.Reply(reply, comment.Thread, parent, candidate.Email, comment.Site));
        }
        return replies;
    }

    private static string MessageId(SiteAddress site)
    {
        var host = Uri.TryCreate(site.Endpoint, UriKind.Absolute, out var endpoint) && endpoint.Host.Length > 0 ? endpoint.Host : "parley.invalid";
        return $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}@{host}";
    }
}
