using System.Text.Json;
using Parley.Core.Comments;
using Parley.Core.Spam;
using Parley.Core.Storage;
using Parley.Http.Edge;
using Parley.Http.Isso;

namespace Parley.Http.Admin;

/// <summary>
/// Bans from the admin panel: the address range (as stored, anonymised) or the e-mail address of a comment, whose
/// later comments are refused or held for moderation; listed and lifted here.
/// </summary>
internal static class AdminBans
{
    /// <summary>GET /admin/api/bans — every ban, newest first.</summary>
    public static async Task<IResult> List(ICommentStore store, CancellationToken ct)
    {
        var bans = await store.BansAsync(ct);
        return JsonResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("bans");
            foreach (var ban in bans)
            {
                Write(w, ban);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>POST /admin/api/bans — <c>{"comment": id, "kind": "address"|"email", "action": "refuse"|"hold"}</c>; 201 with the ban.</summary>
    public static async Task<IResult> Add(HttpRequest request, CommentService service, CancellationToken ct)
    {
        var body = await RequestBody.ReadJsonAsync(request);
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("comment", out var comment) || !comment.TryGetInt64(out var id))
        {
            throw new IssoError(400, "comment must be the id of the comment whose address or e-mail is banned");
        }
        var kind = Choice(body, "kind", [Ban.Address, Ban.Email]);
        var action = Choice(body, "action", [Ban.Refuse, Ban.Hold]);
        var ban = await service.BanAsync(id, kind, action, ct) ?? throw new IssoError(404, $"comment {id} does not exist");
        return new JsonResponse(201, w => Write(w, ban));
    }

    /// <summary>DELETE /admin/api/bans/{id} — lifts a ban; 204, or 404 when there is none.</summary>
    public static async Task<IResult> Remove(long id, CommentService service, CancellationToken ct) =>
        await service.UnbanAsync(id, ct) ? Results.NoContent() : throw new IssoError(404, $"ban {id} does not exist");

    private static string Choice(JsonElement body, string name, string[] allowed) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && allowed.Contains(value.GetString())
            ? value.GetString()!
            : throw new IssoError(400, $"{name} must be {string.Join(" or ", allowed)}");

    private static void Write(Utf8JsonWriter w, Ban ban)
    {
        w.WriteStartObject();
        w.WriteNumber("id", ban.Id);
        w.WriteString("kind", ban.Kind);
        w.WriteString("value", ban.Value);
        w.WriteString("action", ban.Action);
        w.WriteNumber("created", ban.Created);
        w.WriteEndObject();
    }
}
