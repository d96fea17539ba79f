using System.Text.Json;
using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Events;
using Parley.Core.Storage;
using Parley.Http.Edge;
using Parley.Http.Isso;

namespace Parley.Http.Admin;

/// <summary>The admin API's writes: approve and delete many at once, edit one. All go through CommentService.</summary>
internal static class AdminActions
{
    public const int MaxIds = 500;

    /// <summary>POST /admin/api/comments/activate — <c>{"ids": […]}</c>; publishing sends the reply notifications.</summary>
    public static async Task<IResult> Activate(HttpContext context, ParleyConfig config, CommentService service, CancellationToken ct)
    {
        var ids = await ReadIdsAsync(context.Request);
        var activated = await service.ActivateManyAsync(ids, EventBy.Admin, context.Site(config), ct);
        var unchanged = ids.Except(activated).ToList();
        return JsonResponse.Ok(w =>
        {
            w.WriteStartObject();
            AdminJson.WriteIds(w, "activated", activated);
            AdminJson.WriteIds(w, "unchanged", unchanged);
            w.WriteEndObject();
        });
    }

    /// <summary>POST /admin/api/comments/delete — <c>{"ids": […]}</c>; replies keep a placeholder, as in Isso.</summary>
    public static async Task<IResult> Delete(HttpContext context, ParleyConfig config, CommentService service, CancellationToken ct)
    {
        var ids = await ReadIdsAsync(context.Request);
        var outcome = await service.DeleteManyAsync(ids, EventBy.Admin, context.Site(config), ct);
        var (deleted, missing) = (outcome.Deleted, outcome.Missing);
        return JsonResponse.Ok(w =>
        {
            w.WriteStartObject();
            AdminJson.WriteIds(w, "deleted", deleted);
            AdminJson.WriteIds(w, "missing", missing);
            w.WriteEndObject();
        });
    }

    /// <summary>PUT /admin/api/comments/{id} — <c>{"text", "author", "website"}</c>, validated as an owner's edit; modified is kept.</summary>
    public static async Task<IResult> Edit(long id, HttpContext context, ParleyConfig config, ICommentStore store, CommentService service,
        AdminJson json, CancellationToken ct)
    {
        var input = CommentInput.Parse(await RequestBody.ReadJsonAsync(context.Request));
        var edited = await service.EditAsync(id, input, stampModified: false, EventBy.Admin, context.Site(config), ct);
        var thread = await store.GetThreadByIdAsync(edited.Tid, ct);
        return JsonResponse.Ok(w => json.WriteComment(w, new AdminRow(edited, thread?.Uri ?? "", thread?.Title)));
    }

    private static async Task<IReadOnlyList<long>> ReadIdsAsync(HttpRequest request)
    {
        var body = await RequestBody.ReadJsonAsync(request);
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("ids", out var ids) || ids.ValueKind != JsonValueKind.Array
            || ids.GetArrayLength() is 0 or > MaxIds)
        {
            throw BadIds();
        }
        var list = new List<long>();
        foreach (var item in ids.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var id) || id < 0)
            {
                throw BadIds();
            }
            list.Add(id);
        }
        return [.. list.Distinct()];
    }

    private static IssoError BadIds() => new(400, $"ids must be a list of 1 to {MaxIds} comment ids");
}
