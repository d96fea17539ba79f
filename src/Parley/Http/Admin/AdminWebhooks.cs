using System.Text.Json;
using Parley.Core.Events;
using Parley.Core.Events.Webhooks;
using Parley.Core.Storage;
using Parley.Hosting;
using Parley.Http.Edge;
using Parley.Http.Isso;

namespace Parley.Http.Admin;

/// <summary>
/// The webhook endpoints in the admin panel: each configured <c>[webhook] url</c> with its state (running, retrying,
/// stopped and why), the events it has still to take and its delivery log (the last 50 attempts); an admin starts a
/// stopped endpoint again, or sends one logged event again.
/// </summary>
internal static class AdminWebhooks
{
    /// <summary>GET /admin/api/webhooks — every configured endpoint, in configuration order.</summary>
    public static async Task<IResult> List(HttpContext context, ICommentStore store, CancellationToken ct)
    {
        var endpoints = Endpoints(context);
        var states = (await store.Destinations.ListAsync(ct)).ToDictionary(s => s.Destination, StringComparer.Ordinal);
        var pending = await store.Events.PendingAsync(ct);
        var deliveries = new List<IReadOnlyList<Delivery>>(endpoints.Count);
        foreach (var endpoint in endpoints)
        {
            deliveries.Add(await store.Destinations.DeliveriesAsync(endpoint.Name, ct));
        }
        return JsonResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("webhooks");
            for (var i = 0; i < endpoints.Count; i++)
            {
                var name = endpoints[i].Name;
                var state = states.GetValueOrDefault(name) ?? DestinationState.New(name);
                w.WriteStartObject();
                w.WriteString("url", Url(name));
                w.WriteString("state", state.Disabled is not null ? "stopped" : state.Failures > 0 ? "retrying" : "running");
                w.WriteNumber("failures", state.Failures);
                w.WriteNullable("retryAt", state.RetryAt);
                w.WriteNullable("stopped", state.Disabled);
                w.WriteString("reason", state.Reason);
                w.WriteNumber("pending", pending.GetValueOrDefault(name));
                w.WriteStartArray("deliveries");
                foreach (var delivery in deliveries[i])
                {
                    Write(w, delivery);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>POST /admin/api/webhooks/start — <c>{"url"}</c>: a stopped endpoint takes the events it missed, from where it stopped.</summary>
    public static async Task<IResult> Start(HttpContext context, ICommentStore store, CancellationToken ct)
    {
        var body = await RequestBody.ReadJsonAsync(context.Request);
        var endpoint = Find(context, body);
        await store.Destinations.SetAsync(endpoint.Name, 0, null, null, null, ct);
        return Results.NoContent();
    }

    /// <summary>
    /// POST /admin/api/webhooks/resend — <c>{"url", "event"}</c>: sends that event to the endpoint now, whatever its
    /// state, and answers the attempt as the delivery log keeps it (a refusal too: <c>"ok": false</c>).
    /// </summary>
    public static async Task<IResult> Resend(HttpContext context, ICommentStore store, TimeProvider time, CancellationToken ct)
    {
        var body = await RequestBody.ReadJsonAsync(context.Request);
        var endpoint = Find(context, body);
        var id = body.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        if (!Core.Events.EventId.TryParseSeq(id, out var seq))
        {
            throw new IssoError(400, "event must be an event id (evt_…)");
        }
        var change = (await store.Events.ReadAsync(seq - 1, 1, ct)).FirstOrDefault(c => c.Seq == seq && c.Id == id)
            ?? throw new IssoError(404, $"event {id} is no longer in the log (trimmed after [events] retention)");
        try
        {
            if (await EventDispatcher.AttemptAsync(endpoint, change, 0, store, time, ct) is null)
            {
                throw new IssoError(409, $"{change.Type} events are not sent to this endpoint (see [webhook] events and [general] notify)");
            }
        }
        catch (Exception failed) when (failed is not IssoError && !ct.IsCancellationRequested)
        {
            // The attempt is in the delivery log with its error; the answer below shows it.
        }
        var latest = (await store.Destinations.DeliveriesAsync(endpoint.Name, ct)).First(d => d.Seq == seq && d.Attempt == 0);
        return JsonResponse.Ok(w => Write(w, latest));
    }

    /// <summary>One delivery-log line, as the webhooks and the history show it.</summary>
    public static void Write(Utf8JsonWriter w, Delivery delivery)
    {
        w.WriteStartObject();
        w.WriteString("event", delivery.EventId);
        w.WriteString("type", delivery.Type);
        w.WriteNumber("at", delivery.At);
        w.WriteBoolean("ok", delivery.Ok);
        w.WriteString("result", delivery.Result);
        w.WriteNumber("attempt", delivery.Attempt);
        w.WriteEndObject();
    }

    private static List<IEventDestination> Endpoints(HttpContext context) =>
        [.. context.RequestServices.GetServices<IEventDestination>().Where(d => d.Retries is not null)];

    private static IEventDestination Find(HttpContext context, JsonElement body)
    {
        var url = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String
            ? u.GetString()
            : throw new IssoError(400, "url must be the endpoint's URL, as [webhook] url gives it");
        return Endpoints(context).FirstOrDefault(d => Url(d.Name) == url)
            ?? throw new IssoError(404, $"{url} is not in [webhook] url");
    }

    private static string Url(string name) => name.StartsWith(WebhookDestination.NamePrefix, StringComparison.Ordinal)
        ? name[WebhookDestination.NamePrefix.Length..]
        : name;
}
