using System.Text.Json;
using Parley.Core.Comments;
using Parley.Core.Config;
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
        var id = tokens.ModeratedId(key) ?? throw IssoError.Forbidden();
        var comment = await store.GetCommentAsync(id, ct) ?? throw IssoError.NotFound();
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            var thread = await store.GetThreadByIdAsync(comment.Tid, ct);
            return ConfirmPage(action, context.SiteOrigin() + thread?.Uri + "#isso-" + id);
        }
        switch (action)
        {
            case "activate":
                return Results.Text(await service.ActivateAsync(id, context.Site(config), ct) ? "Comment has been activated" : "Already activated",
                    "text/plain; charset=utf-8");
            case "delete":
                await service.DeleteAsync(id, context.Site(config), ct);
                return Results.Text("Comment has been deleted", "text/plain; charset=utf-8");
            default:
                var input = CommentInput.Parse(await RequestBody.ReadJsonAsync(context.Request));
                var edited = await service.EditAsync(id, input, stampModified: false, context.Site(config), ct);
                return JsonResponse.Ok(w => json.WriteComment(w, edited, rendered: false, withHash: false));
        }
    }

    /// <summary>GET /id/&lt;id&gt;/unsubscribe/&lt;email&gt;/&lt;key&gt; — stop reply mails for one conversation.</summary>
    public static async Task<IResult> Unsubscribe(long id, string email, string key, ICommentStore store,
        CommentService service, CommentTokens tokens, CancellationToken ct)
    {
        var address = Uri.UnescapeDataString(email);
        if (!tokens.IsUnsubscribeKeyFor(key, address))
        {
            throw IssoError.Forbidden();
        }
        _ = await store.GetCommentAsync(id, ct) ?? throw IssoError.NotFound();
        await service.UnsubscribeAsync(address, id, ct);
        return Results.Content(
            "<!DOCTYPE html>\n<html>\n<head>\n<title>Successfully unsubscribed</title>\n</head>\n<body>\n"
            + "<p>You have been unsubscribed from replies in the given conversation.</p>\n</body>\n</html>\n", "text/html");
    }

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
}
