using System.Globalization;
using Parley.Core.Config;

namespace Parley.Http.Edge;

/// <summary>
/// The two cookies per comment (spec/api.md §2.1): <c>&lt;id&gt;</c> for the server and an
/// <c>X-Set-Cookie: isso-&lt;id&gt;</c> copy the embed script writes into the page's cookies.
/// </summary>
internal sealed class OwnershipCookies(LiveConfig live, TimeProvider time)
{
    private void Issue(HttpContext context, string name, string token, long maxAge) =>
        Write(context, name, token, time.GetUtcNow().AddSeconds(maxAge), maxAge);

    public void Clear(HttpContext context, long id) =>
        Write(context, id.ToString(CultureInfo.InvariantCulture), "", DateTimeOffset.UnixEpoch, 0);

    public void Issue(HttpContext context, long id, string token) =>
        Issue(context, id.ToString(CultureInfo.InvariantCulture), token, live.Current.General.MaxAge);

    /// <summary>Whether the comment server is reached over https: the public endpoint's scheme, or else the request's.</summary>
    public bool IsSecure(HttpContext context)
    {
        var config = live.Current;
        var endpoint = config.Server.PublicEndpoint.Length > 0 ? config.Server.PublicEndpoint : context.RequestHost();
        return endpoint.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
    }

    private void Write(HttpContext context, string name, string value, DateTimeOffset expires, long? maxAge)
    {
        var secure = IsSecure(context);
        var config = live.Current;
        var sameSite = config.Server.SameSite.Length > 0 ? config.Server.SameSite : secure ? "None" : "Lax";
        var attributes = "; Expires=" + expires.ToString("r", CultureInfo.InvariantCulture)
            + (maxAge is { } age ? "; Max-Age=" + age.ToString(CultureInfo.InvariantCulture) : "")
            + "; Path=/; SameSite=" + sameSite + (secure ? "; Secure" : "");
        context.Response.Headers.Append("Set-Cookie", $"{name}={value}{attributes}");
        context.Response.Headers.Append("X-Set-Cookie", $"isso-{name}={value}{attributes}");
    }
}
