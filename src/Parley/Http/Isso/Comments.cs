using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Events;
using Parley.Core.Security;
using Parley.Core.Storage;
using Parley.Hosting.Metrics;
using Parley.Http.Edge;

namespace Parley.Http.Isso;

/// <summary>One comment: create, view, edit, delete, preview (spec/api.md §4.2-§4.5, §4.8).</summary>
internal static class Comments
{
    /// <summary>POST /new?uri= — create a comment; 201 published, 202 pending, with the two ownership cookies.</summary>
    public static async Task<IResult> New(HttpContext context, ParleyConfig config, CommentService service, CommentTokens tokens,
        OwnershipCookies cookies, IssoJson json, ParleyMetrics metrics, CancellationToken ct)
    {
        RequestBody.RejectCrossSiteForm(context.Request);
        var uri = context.Request.RequireUri();
        var input = CommentInput.Parse(await RequestBody.ReadJsonAsync(context.Request));
        var comment = await service.CreateAsync(uri, input, context.ClientAddress(), context.Site(config), ct);
        metrics.CommentCreated();
        cookies.Issue(context, comment.Id, tokens.Ownership(comment.Id, comment.Text));
        var status = comment.Mode == CommentMode.Pending ? 202 : 201;
        return new JsonResponse(status, w => json.WriteComment(w, comment, rendered: true, withHash: true));
    }

    /// <summary>GET /id/&lt;id&gt; — the owner's view; only signature and age of the cookie are checked.</summary>
    public static async Task<IResult> View(long id, HttpRequest request, ParleyConfig config, ICommentStore store,
        CommentTokens tokens, IssoJson json, CancellationToken ct)
    {
        var comment = await store.GetCommentAsync(id, ct) ?? throw IssoError.NotFound();
        if (!tokens.IsFresh(request.Cookies[Name(id)], config.General.MaxAge))
        {
            throw IssoError.Forbidden();
        }
        var rendered = (request.First("plain") ?? "0") == "0";
        return JsonResponse.Ok(w => json.WriteComment(w, comment, rendered, withHash: false));
    }

    /// <summary>PUT /id/&lt;id&gt; — the owner's edit within the window; a fresh token restarts the window.</summary>
    public static async Task<IResult> Edit(long id, HttpContext context, ParleyConfig config, ICommentStore store,
        CommentService service, CommentTokens tokens, OwnershipCookies cookies, IssoJson json, CancellationToken ct)
    {
        RequestBody.RejectCrossSiteForm(context.Request);
        await RequireOwnerAsync(id, context.Request, config, store, tokens, ct);
        var input = CommentInput.Parse(await RequestBody.ReadJsonAsync(context.Request));
        var edited = await service.EditAsync(id, input, stampModified: true, EventBy.Owner, context.Site(config), ct);
        cookies.Issue(context, id, tokens.Ownership(id, edited.Text));
        return JsonResponse.Ok(w => json.WriteComment(w, edited, rendered: true, withHash: false));
    }

    /// <summary>DELETE /id/&lt;id&gt; — the owner's delete; null when gone, the placeholder when replies remain.</summary>
    public static async Task<IResult> Delete(long id, HttpContext context, ParleyConfig config, ICommentStore store,
        CommentService service, CommentTokens tokens, OwnershipCookies cookies, IssoJson json, CancellationToken ct)
    {
        RequestBody.RejectCrossSiteForm(context.Request);
        await RequireOwnerAsync(id, context.Request, config, store, tokens, ct);
        var placeholder = await service.DeleteAsync(id, EventBy.Owner, context.Site(config), ct);
        cookies.Clear(context, id);
        return placeholder is null
            ? JsonResponse.Null
            : JsonResponse.Ok(w => json.WriteComment(w, placeholder, rendered: false, withHash: false));
    }

    /// <summary>POST /preview — render Markdown without storing anything.</summary>
    public static async Task<IResult> Preview(HttpRequest request, IssoJson json)
    {
        var body = await RequestBody.ReadJsonAsync(request);
        if (body.ValueKind != System.Text.Json.JsonValueKind.Object
            || !body.TryGetProperty("text", out var text) || text.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            throw new IssoError(400, "no text given");
        }
        if (text.ValueKind != System.Text.Json.JsonValueKind.String)
        {
            throw new IssoError(400, "text must be a string");
        }
        var html = json.Render(text.GetString()!);
        return JsonResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("text", html);
            w.WriteEndObject();
        });
    }

    // A missing cookie is 403 even for unknown ids; a valid cookie for a vanished comment is 404.
    private static async Task RequireOwnerAsync(long id, HttpRequest request, ParleyConfig config, ICommentStore store,
        CommentTokens tokens, CancellationToken ct)
    {
        var token = request.Cookies[Name(id)];
        if (!tokens.IsFresh(token, config.General.MaxAge))
        {
            throw IssoError.Forbidden();
        }
        var comment = await store.GetCommentAsync(id, ct) ?? throw IssoError.NotFound();
        if (!tokens.Owns(token, config.General.MaxAge, id, comment.Text))
        {
            throw IssoError.Forbidden();
        }
    }

    private static string Name(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
