using Parley.Core.Config;
using Parley.Core.Events;

namespace Parley.Http.Edge;

/// <summary>What the edge middleware learnt about a request, for handlers.</summary>
internal static class RequestSite
{
    /// <summary>The anonymised client address.</summary>
    public static string ClientAddress(this HttpContext context) =>
        Edge.ClientAddress.Anonymized(context.Items[typeof(ClientAddress)]);

    /// <summary>The configured website the request comes from (Isso's "origin").</summary>
    public static string SiteOrigin(this HttpContext context) =>
        context.Items[typeof(Origins)] as string ?? Origins.Invalid;

    /// <summary>Isso's "request host": scheme, Host header and mount path.</summary>
    public static string RequestHost(this HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    /// <summary>Where links in notifications point: the site origin, and the public endpoint or else the request host.</summary>
    public static SiteAddress Site(this HttpContext context, ParleyConfig config) => new(
        context.SiteOrigin(),
        config.Server.PublicEndpoint.Length > 0 ? config.Server.PublicEndpoint : context.RequestHost());
}
