using System.Text.Json;
using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Events;
using Parley.Core.Security;
using Parley.Core.Storage;
using Parley.Http.Edge;

namespace Parley.Http.Isso;

/// <summary>Signed links from e-mails and the admin page (spec/api.md §4.13, §4.14).</summary>
internal static class Moderation
{
    private static readonly string[] Actions = ["activate", "edit", "delete"];

    /// <summary>GET|POST /id/&lt;id&gt;/&lt;action&gt;/&lt;key&gt; — the comment id comes from the key, as in Isso.</summary>
    public static async Task<IResult> Moderate(string action, string key, HttpContext context, ParleyConfig config, ICommentStore store,
        CommentService service, CommentTokens tokens, IssoJson json, CancellationToken ct)
    {
        if (!Actions.Contains(action))
        {
            throw IssoError.NotFound();
        }
        if (tokens.CheckModerationKey(key, out var id) is var status and not TokenStatus.Valid)
        {
            throw IssoError.ForLink(status);
        }
        var comment = await store.GetCommentAsync(id, ct) ?? throw IssoError.NotFound();
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            var thread = await store.GetThreadByIdAsync(comment.Tid, ct);
            return ConfirmPage(action, context.SiteOrigin() + thread?.Uri + "#isso-" + id);
        }
        switch (action)
        {
            case "activate":
                return Results.Text(await service.ActivateAsync(id, EventBy.Admin, context.Site(config), ct) ? "Comment has been activated" : "Already activated",
                    "text/plain; charset=utf-8");
            case "delete":
                await service.DeleteAsync(id, EventBy.Admin, context.Site(config), ct);
                return Results.Text("Comment has been deleted", "text/plain; charset=utf-8");
            default:
                var input = CommentInput.Parse(await RequestBody.ReadJsonAsync(context.Request));
                var edited = await service.EditAsync(id, input, stampModified: false, EventBy.Admin, context.Site(config), ct);
                return JsonResponse.Ok(w => json.WriteComment(w, edited, rendered: false, withHash: false));
        }
    }

    /// <summary>
    /// GET|POST /id/&lt;id&gt;/unsubscribe/&lt;email&gt;/&lt;key&gt; — stop reply mails for one conversation, or with a
    /// thread mail's key every mail of the thread. GET acts at once, as in Isso; POST is the one-click form of
    /// RFC 8058 that mail clients send.
    /// </summary>
    public static async Task<IResult> Unsubscribe(long id, string email, string key, ICommentStore store,
        CommentService service, CommentTokens tokens, CancellationToken ct)
    {
        var address = LinkAddress(email);
        if (tokens.CheckUnsubscribeKey(key, address, out var thread) is var status and not TokenStatus.Valid)
        {
            throw IssoError.ForLink(status);
        }
        _ = await store.GetCommentAsync(id, ct) ?? throw IssoError.NotFound();
        if (thread)
        {
            await service.UnsubscribeThreadAsync(address, id, ct);
        }
        else
        {
            await service.UnsubscribeAsync(address, id, ct);
        }
        var what = thread ? "all comments on this page" : "replies in the given conversation";
        return Results.Content(
            "<!DOCTYPE html>\n<html>\n<head>\n<title>Successfully unsubscribed</title>\n</head>\n<body>\n"
            + $"<p>You have been unsubscribed from {what}.</p>\n</body>\n</html>\n", "text/html");
    }

    /// <summary>
    /// GET|POST /id/&lt;id&gt;/subscribe/&lt;email&gt;/&lt;key&gt; — double opt-in. GET only shows a button, so a
    /// mail scanner opening the link subscribes nobody; its POST subscribes the comment and confirms the address.
    /// </summary>
    public static async Task<IResult> Subscribe(long id, string email, string key, HttpContext context, CommentService service,
        CommentTokens tokens, CancellationToken ct)
    {
        var address = LinkAddress(email);
        if (tokens.CheckSubscribeKey(key, address, id, out var level) is var status and not TokenStatus.Valid)
        {
            throw status == TokenStatus.Expired
                ? new IssoError(403, "This confirmation link has expired. Tick the notification box again with your next comment.", alwaysHtml: true)
                : IssoError.Forbidden();
        }
        var thread = level == Subscription.Thread;
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return SimplePage(thread ? "Confirm comment notifications" : "Confirm reply notifications",
                (thread ? "<p>Send me an e-mail for every new comment on this page.</p>" : "<p>Send me an e-mail when someone replies to my comment.</p>")
                + "<form method=\"post\"><button type=\"submit\">Confirm</button></form>");
        }
        if (!await service.ConfirmSubscriptionAsync(address, id, level, ct))
        {
            throw IssoError.NotFound();
        }
        return thread
            ? SimplePage("Comment notifications confirmed", "<p>Thank you. You will get an e-mail for every new comment on this page.</p>")
            : SimplePage("Reply notifications confirmed", "<p>Thank you. You will get an e-mail when someone replies.</p>");
    }

    private static IResult SimplePage(string title, string body) => Results.Content(
        $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n"
        + $"<title>{title}</title>\n</head>\n<body>\n<h1>{title}</h1>\n{body}\n</body>\n</html>\n", "text/html; charset=utf-8");

    // The GET answers a page that asks before re-sending the same URL as POST: link scanners in mail
    // clients must not moderate by merely opening a link.
    private static IResult ConfirmPage(string action, string returnTo)
    {
        var verb = char.ToUpperInvariant(action[0]) + action[1..];
        // The default encoder escapes < and >, so the JSON cannot close the script element.
        var target = JsonSerializer.Serialize(returnTo);
        var html = "<!DOCTYPE html>\n<html>\n<head>\n"
            + $"<script id=\"target\" type=\"application/json\">{target}</script>\n"
            + "<script>\n"
            + $"if (confirm('{verb}: Are you sure?')) {{\n"
            + "  var xhr = new XMLHttpRequest();\n"
            + "  xhr.open('POST', window.location.href);\n"
            + "  xhr.onload = function () {\n"
            + "    window.location.href = JSON.parse(document.getElementById('target').textContent);\n"
            + "  };\n"
            + "  xhr.send(null);\n"
            + "}\n</script>\n</head>\n</html>\n";
        return Results.Content(html, "text/html");
    }

    // The address in the link is escaped once more than the path; decoded, it must still be text.
    private static string LinkAddress(string email)
    {
        var address = Uri.UnescapeDataString(email);
        return InvalidCharacters.FirstIn(address) is { } found
            ? throw new IssoError(StatusCodes.Status400BadRequest, InvalidCharacters.Message("link part", "email", found))
            : address;
    }
}
