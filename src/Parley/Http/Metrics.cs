using System.Net;
using Parley.Core.Config;
using Parley.Core.Security;
using Parley.Core.Storage;
using Parley.Hosting.Metrics;

namespace Parley.Http;

/// <summary>
/// <c>GET /metrics</c>: Prometheus text for whoever scrapes each instance. Off unless <c>[server] metrics-allow</c> names the
/// scraper's own address (the connection's, never a forwarded header): to everyone else the route does not exist.
/// </summary>
internal static class Metrics
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static async Task<IResult> Get(HttpContext context, ParleyConfig config, MetricsCollector collector, ICommentStore store)
    {
        if (!Allowed(config.Server.MetricsAllow, context.Connection.RemoteIpAddress))
        {
            return Results.NotFound();
        }
        collector.Start();
        var ct = context.RequestAborted;
        var pending = await store.Events.PendingAsync(ct);
        var mails = await store.Outbox.CountAsync(ct);
        var text = collector.Write(
        [
            ("parley_events_pending", "Events each destination has still to handle.",
                pending.Select(p => (MetricsCollector.Label("destination", p.Key), (double)p.Value))),
            ("parley_mails_waiting", "Mails waiting in the outbox for the mail server.", [("", (double)mails)]),
        ]);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Text(text, ContentType);
    }

    private static bool Allowed(IReadOnlyList<string> allow, IPAddress? peer)
    {
        if (peer is null || allow.Count == 0)
        {
            return false;
        }
        var address = peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer;
        foreach (var entry in allow)
        {
            if (AddressRange.TryParse(entry, out var range, out _) && range.Contains(address))
            {
                return true;
            }
        }
        return false;
    }
}
