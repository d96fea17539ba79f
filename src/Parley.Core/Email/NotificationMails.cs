using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Events;
using Parley.Core.Security;

namespace Parley.Core.Email;

/// <summary>The texts of the mails Parley sends (spec/notifications.md §4, §5), and the double opt-in mail.</summary>
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
        var subject = string.IsNullOrEmpty(thread.Title) ? "New comment posted" : $"New comment posted on {OneLine(thread.Title)}";
        return new MailMessage(config.Current.Smtp.From, config.Current.Smtp.To, subject, string.Join('\n', lines));
    }

    /// <summary>To one subscriber of the conversation under <paramref name="parent"/>, with one-click unsubscribe.</summary>
    public MailMessage Reply(Comment reply, CommentThread thread, long parent, string recipient, SiteAddress site)
    {
        var unsubscribe = $"{site.Endpoint}/id/{parent}/unsubscribe/{QuotedAddress(recipient)}/{tokens.UnsubscribeKey(recipient)}";
        var body = string.Join('\n',
            $"{reply.Author ?? "Anonymous"} wrote:",
            "",
            reply.Text,
            "",
            $"Link to comment: {Permalink(reply, thread, site)}",
            "",
            "---",
            $"Unsubscribe from this conversation: {unsubscribe}");
        return new MailMessage(config.Current.Smtp.From, recipient, $"Re: New comment posted on {OneLine(thread.Title ?? "")}", body)
        {
            // RFC 2369 wants the URL in angle brackets; RFC 8058 lets mail clients unsubscribe with one POST.
            Headers = [new("List-Unsubscribe", $"<{unsubscribe}>"), new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")],
        };
    }

    /// <summary>Double opt-in: the first subscription of an address asks its owner to confirm.</summary>
    public MailMessage Confirmation(Comment comment, CommentThread thread, SiteAddress site)
    {
        var email = comment.Email ?? "";
        var link = $"{site.Endpoint}/id/{comment.Id}/subscribe/{QuotedAddress(email)}/{tokens.SubscribeKey(email, comment.Id)}";
        var page = string.IsNullOrEmpty(thread.Title) ? $"{site.Origin}{thread.Uri}" : thread.Title;
        var body = string.Join('\n',
            $"You asked to get an e-mail when someone replies to your comment on {page}.",
            "",
            $"Confirm within seven days: {link}",
            "",
            $"Your comment: {Permalink(comment, thread, site)}",
            "",
            "If you did not ask for this, ignore this message: nothing more will be sent to you.");
        return new MailMessage(config.Current.Smtp.From, email, "Confirm reply notifications", body);
    }

    // Titles come from readers and pages; a line break in a header would end it (or forge the next one).
    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string Permalink(Comment comment, CommentThread thread, SiteAddress site) =>
        $"{site.Origin}{thread.Uri}#isso-{comment.Id}";

    // Isso quotes the address as Python's urllib.parse.quote does: unreserved characters and "/" stay.
    internal static string QuotedAddress(string email) => Uri.EscapeDataString(email).Replace("%2F", "/", StringComparison.Ordinal);
}
