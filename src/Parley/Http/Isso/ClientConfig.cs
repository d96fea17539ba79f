using Microsoft.Net.Http.Headers;
using Parley.Core.Config;
using Parley.Http.Edge;

namespace Parley.Http.Isso;

/// <summary>GET /config and /info (spec/api.md §4.9, §4.10), and Parley's GET /origin-check.</summary>
internal static class ClientConfig
{
    /// <summary>The version Parley reports: Isso clients compare it.</summary>
    public const string IssoVersion = "0.14.0";

    /// <summary>GET /config — the settings the client takes from the server: guard rules, reply notifications, avatars, feed.</summary>
    public static IResult Config(IssoJson json) => JsonResponse.Ok(w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("config");
        json.WriteClientConfig(w);
        w.WriteEndObject();
    });

    /// <summary>
    /// GET /origin-check (Parley): <c>{"allowed": bool}</c>, whether the asking page's origin may use the API. A browser
    /// shows the embed client a CORS refusal exactly as an outage; this answer is readable by every page (no cookies),
    /// so the client can tell the two apart. It says nothing more than the CORS headers of any answer do.
    /// </summary>
    public static IResult OriginCheck(HttpContext context, Origins origins)
    {
        var origin = context.Request.Headers.Origin.FirstOrDefault();
        var allowed = string.IsNullOrEmpty(origin) || origins.Allows(context, origin);
        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = "*";
        headers.Remove(HeaderNames.AccessControlAllowCredentials);
        headers.Vary = HeaderNames.Origin;
        headers.CacheControl = "no-store";
        return JsonResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("allowed", allowed);
            w.WriteEndObject();
        });
    }

    public static async Task<IResult> Info(HttpContext context, ParleyConfig config, DatabaseDown database)
    {
        // Isso's answer; while the database is out of reach, a 503 that says so (for load balancers' health checks).
        var answers = await database.AnswersAsync(context.RequestAborted);
        return new JsonResponse(answers ? 200 : 503, w =>
        {
            w.WriteStartObject();
            w.WriteString("version", IssoVersion);
            w.WriteString("host", context.RequestHost());
            w.WriteString("origin", context.SiteOrigin());
            w.WriteBoolean("moderation", config.Moderation.Enabled);
            if (!answers)
            {
                w.WriteString("database", "unavailable");
            }
            w.WriteEndObject();
        });
    }
}
