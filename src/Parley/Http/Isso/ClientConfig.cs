using Parley.Core.Config;
using Parley.Http.Edge;

namespace Parley.Http.Isso;

/// <summary>GET /config and /info (spec/api.md §4.9, §4.10).</summary>
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

    public static IResult Info(HttpContext context, ParleyConfig config) => JsonResponse.Ok(w =>
    {
        w.WriteStartObject();
        w.WriteString("version", IssoVersion);
        w.WriteString("host", context.RequestHost());
        w.WriteString("origin", context.SiteOrigin());
        w.WriteBoolean("moderation", config.Moderation.Enabled);
        w.WriteEndObject();
    });
}
