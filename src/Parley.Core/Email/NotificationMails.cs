using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Events;
using Parley.Core.Security;

namespace Parley.Core.Email;

/// <summary>The texts of the mails Parley sends (spec/notifications.md §4, §5), thread mails, and the double opt-in mail.</summary>
public sealed class NotificationMails(LiveConfig config, CommentTokens tokens)
{
    /// <summary>To the site owner, for every new comment; pending ones carry an activate link.</summary>
    public MailMessage Owner(Comment comment, CommentThread thread, SiteAddress site)
    {
        var key = tokens.ModerationKey(comment.Id);
        var lines = new List<string>
        {
            $"{comment.Author ?? "Anonymous"}{(string.IsNullOrEmpty(comment.Email) ? "" : $" <{comment.Email}>")} wrote:",
            "",
            comment.Text,
            "",
        };
        if (!string.IsNullOrEmpty(comment.Website))
        {
            lines.Add($"User's URL: {comment.Website}");
        }
        lines.Add($"IP address: {comment.RemoteAddr}");
        lines.Add($"Link to comment: {Permalink(comment, thread, site)}");
        lines.Add("");
        lines.Add("---");
        lines.Add($"Delete comment: {site.Endpoint}/id/{comment.Id}/delete/{key}");
        if (comment.Mode == CommentMode.Pending)
        {
            lines.Add($"Activate comment: {site.Endpoint}/id/{comment.Id}/activate/{key}");
        }
        return new MailMessage(config.Current.Smtp.From, config.Current.Smtp.To, NewCommentSubject(thread), string.Join('\n', lines));
    }

    /// <summary>To one subscriber of the conversation under <paramref name="parent"/>, with one-click unsubscribe.</summary>
    public MailMessage Reply(Comment reply, CommentThread thread, long parent, string recipient, SiteAddress site) =>
        ToSubscriber(reply, thread, recipient, $"Re: New comment posted on {OneLine(thread.Title ?? "")}", "Unsubscribe from this conversation",
            $"{site.Endpoint}/id/{parent}/unsubscribe/{QuotedAddress(recipient)}/{tokens.UnsubscribeKey(recipient)}", site);

    /// <summary>
    /// To a subscriber of the whole thread (Isso's thread proposal): its unsubscribe link, signed for the thread,
    /// stops every mail of this thread to that address. <paramref name="anchor"/> is a comment of theirs in it.
    /// </summary>
    public MailMessage Thread(Comment comment, CommentThread thread, long anchor, string recipient, SiteAddress site) =>
        ToSubscriber(comment, thread, recipient, NewCommentSubject(thread), "Unsubscribe from all comments on this page",
            $"{site.Endpoint}/id/{anchor}/unsubscribe/{QuotedAddress(recipient)}/{tokens.UnsubscribeKey(recipient, thread: true)}", site);

    private MailMessage ToSubscriber(Comment comment, CommentThread thread, string recipient, string subject, string leave, string unsubscribe,
        SiteAddress site)
    {
        var body = string.Join('\n',
            $"{comment.Author ?? "Anonymous"} wrote:",
            "",
            comment.Text,
            "",
            $"Link to comment: {Permalink(comment, thread, site)}",
            "",
            "---",
            $"{leave}: {unsubscribe}");
        return new MailMessage(config.Current.Smtp.From, recipient, subject, body)
        {
            // RFC 2369 wants the URL in angle brackets; RFC 8058 lets mail clients unsubscribe with one POST.
            Headers = [new("List-Unsubscribe", $"<{unsubscribe}>"), new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")],
        };
    }

    /// <summary>Double opt-in: the first subscription of an address asks its owner to confirm it, at the level asked for.</summary>
    public MailMessage Confirmation(Comment comment, CommentThread thread, long level, SiteAddress site)
    {
        var email = comment.Email ?? "";
        var link = $"{site.Endpoint}/id/{comment.Id}/subscribe/{QuotedAddress(email)}/{tokens.SubscribeKey(email, comment.Id, level)}";
        var page = string.IsNullOrEmpty(thread.Title) ? $"{site.Origin}{thread.Uri}" : thread.Title;
        var what = level == Subscription.Thread ? $"for every new comment on {page}" : $"when someone replies to your comment on {page}";
        var body = string.Join('\n',
            $"You asked to get an e-mail {what}.",
            "",
            $"Confirm within seven days: {link}",
            "",
            $"Your comment: {Permalink(comment, thread, site)}",
            "",
            "If you did not ask for this, ignore this message: nothing more will be sent to you.");
        var subject = level == Subscription.Thread ? "Confirm comment notifications" : "Confirm reply notifications";
        return new MailMessage(config.Current.Smtp.From, email, subject, body);
    }

    private static string NewCommentSubject(CommentThread thread) =>
        string.IsNullOrEmpty(thread.Title) ? "New comment posted" : $"New comment posted on {OneLine(thread.Title)}";

    // Titles come from readers and pages; a line break in a header would end it (or forge the next one).
    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string Permalink(Comment comment, CommentThread thread, SiteAddress site) =>
        $"{site.Origin}{thread.Uri}#isso-{comment.Id}";

    // Isso quotes the address as Python's urllib.parse.quote does: unreserved characters and "/" stay.
    internal static string QuotedAddress(string email) => Uri.EscapeDataString(email).Replace("%2F", "/", StringComparison.Ordinal);
}
