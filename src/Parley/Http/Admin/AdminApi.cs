using System.Text.Json;
using Parley.Core.Config;
using Parley.Core.Storage;
using Parley.Http.Edge;
using Parley.Http.Isso;

namespace Parley.Http.Admin;

/// <summary>The admin JSON API's session and listing endpoints (README "Admin JSON API").</summary>
internal static class AdminApi
{
    private const string PasswordChanged = "the admin password has just been changed; try again in a few seconds, or restart Parley if this stays";

    /// <summary>POST /admin/api/login — <c>{"password"}</c>, the same check and throttle as POST /login/.</summary>
    public static async Task<IResult> SignIn(HttpContext context, ParleyConfig config, AdminSession session, LoginThrottle throttle)
    {
        var address = context.ClientAddress();
        if (await throttle.RetryAfterAsync(address, context.RequestAborted) is { } wait)
        {
            AdminPages.SetRetryAfter(context, wait);
            return AdminJson.Message(429, "too many failed sign-ins");
        }
        if (!await session.PasswordIsCurrentAsync(context.RequestAborted))
        {
            return AdminJson.Message(409, PasswordChanged);
        }
        var body = await RequestBody.ReadJsonAsync(context.Request);
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("password", out var password)
            || password.ValueKind != JsonValueKind.String)
        {
            return AdminJson.Message(400, "password missing");
        }
        if (!AdminSession.PasswordMatches(config.Admin.Password, password.GetString()!))
        {
            // Not cancelled with the request: a client that hangs up must not escape the count.
            await throttle.FailedAsync(address);
            return AdminJson.Message(403, "wrong password");
        }
        await throttle.SucceededAsync(address, context.RequestAborted);
        return await session.SignInAsync(context, context.RequestAborted) ? Results.NoContent() : AdminJson.Message(409, PasswordChanged);
    }

    /// <summary>POST /admin/api/logout — ends the session in the database and expires its cookie.</summary>
    public static async Task<IResult> SignOut(HttpContext context, AdminSession session)
    {
        await session.SignOutAsync(context, context.RequestAborted);
        return Results.NoContent();
    }

    /// <summary>GET /admin/api/session — the CSRF token for the current session.</summary>
    public static IResult Session(HttpContext context, AdminSession session)
    {
        var csrf = session.CsrfToken(context);
        return JsonResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("csrf", csrf);
            w.WriteEndObject();
        });
    }

    /// <summary>GET /admin/api/comments — one page of comments by mode, search and order, with counters per mode.</summary>
    public static async Task<IResult> List(HttpContext context, ICommentStore store, AdminJson json, CancellationToken ct)
    {
        var query = AdminListArgs.Parse(context.Request);
        var listing = await store.AdminListAsync(query, ct);
        var counts = await store.CountByModeAsync(ct);
        var held = await store.HoldReasonsAsync([.. listing.Rows.Where(r => r.Comment.Mode == 2).Select(r => r.Comment.Id)], ct);
        return JsonResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("total", listing.Total);
            w.WriteNumber("page", query.Page);
            w.WriteNumber("per_page", query.PerPage);
            w.WriteStartObject("counts");
            foreach (var mode in (int[])[1, 2, 4])
            {
                w.WriteNumber(mode.ToString(System.Globalization.CultureInfo.InvariantCulture), counts.GetValueOrDefault(mode));
            }
            w.WriteEndObject();
            w.WriteStartArray("comments");
            foreach (var row in listing.Rows)
            {
                json.WriteComment(w, row, held.GetValueOrDefault(row.Comment.Id));
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
