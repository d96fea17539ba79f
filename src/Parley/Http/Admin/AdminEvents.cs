using System.Globalization;
using System.Text.Json;
using Parley.Core.Events;
using Parley.Core.Storage;
using Parley.Http.Edge;
using Parley.Http.Isso;

namespace Parley.Http.Admin;

/// <summary>
/// GET /admin/api/events — the event history (spec/events.md §4), newest first: <c>type</c>, <c>uri</c>, <c>since</c>
/// and <c>until</c> (Unix seconds, or ISO 8601), <c>limit</c> (1 to 100, default 20) and <c>before</c> (the
/// <c>next</c> of the previous page). Each event as the log keeps it (public comment fields only), with where it stands
/// for each configured destination: handled, waiting or stopped, and an endpoint's logged attempts at it.
/// </summary>
internal static class AdminEvents
{
    /// <summary>GET /admin/api/events — the event history, newest first, filtered by type, uri, since and until, paged with before.</summary>
    public static async Task<IResult> List(HttpContext context, ICommentStore store, CancellationToken ct)
    {
        var query = Parse(context.Request);
        var events = await store.Events.HistoryAsync(query, ct);
        var destinations = await DestinationsAsync(context, store, ct);
        return JsonResponse.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("events");
            foreach (var change in events)
            {
                Write(w, change, destinations);
            }
            w.WriteEndArray();
            // Another page may follow only when this one is full.
            if (events.Count == query.Limit)
            {
                w.WriteString("next", events[^1].Id);
            }
            else
            {
                w.WriteNull("next");
            }
            w.WriteEndObject();
        });
    }

    private static EventQuery Parse(HttpRequest request)
    {
        var type = request.First("type");
        if (type is not null && !EventTypes.All.Contains(type, StringComparer.Ordinal))
        {
            throw Bad($"type must be one of {string.Join(", ", EventTypes.All)}");
        }
        long? before = null;
        if (request.First("before") is { } next)
        {
            before = Parley.Core.Events.EventId.TryParseSeq(next, out var seq) ? seq : throw Bad("before must be an event id (the next of a page)");
        }
        return new EventQuery
        {
            Type = type,
            Uri = request.First("uri"),
            Since = Time(request, "since"),
            Until = Time(request, "until"),
            Before = before,
            Limit = AdminListArgs.Integer(request, "limit", 20, 1, EventQuery.MostPerPage),
        };
    }

    private static double? Time(HttpRequest request, string name)
    {
        var text = request.First(name);
        if (text is null)
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
        {
            return seconds;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return (at - DateTimeOffset.UnixEpoch).TotalSeconds;
        }
        throw Bad($"{name} must be Unix seconds or an ISO 8601 time");
    }

    // Each configured destination: where its cursor stands, whether it is stopped, and (endpoints) its logged attempts.
    private sealed record Standing(string Name, long Cursor, bool Stopped, ILookup<long, Delivery> Attempts);

    private static async Task<List<Standing>> DestinationsAsync(HttpContext context, ICommentStore store, CancellationToken ct)
    {
        var cursors = await store.Events.CursorsAsync(ct);
        var stopped = (await store.Destinations.ListAsync(ct)).Where(s => s.Disabled is not null).Select(s => s.Destination).ToHashSet(StringComparer.Ordinal);
        var standings = new List<Standing>();
        foreach (var destination in context.RequestServices.GetServices<IEventDestination>())
        {
            var attempts = destination.Retries is null ? [] : await store.Destinations.DeliveriesAsync(destination.Name, ct);
            standings.Add(new Standing(destination.Name, cursors.GetValueOrDefault(destination.Name), stopped.Contains(destination.Name),
                attempts.ToLookup(d => d.Seq)));
        }
        return standings;
    }

    private static void Write(Utf8JsonWriter w, ChangeEvent change, List<Standing> destinations)
    {
        w.WriteStartObject();
        w.WriteString("id", change.Id);
        w.WriteString("type", change.Type);
        w.WriteString("by", change.By);
        w.WriteNumber("created", change.Created);
        w.WriteString("timestamp", DateTimeOffset.UnixEpoch.AddSeconds(change.Created).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        w.WriteStartObject("thread");
        w.WriteNumber("id", change.Thread.Id);
        w.WriteString("uri", change.Thread.Uri);
        w.WriteString("title", change.Thread.Title);
        w.WriteEndObject();
        if (change.Comment is { } c)
        {
            w.WriteStartObject("comment");
            w.WriteNumber("id", c.Id);
            w.WriteNullable("parent", c.Parent);
            w.WriteNumber("created", c.Created);
            w.WriteNullable("modified", c.Modified);
            w.WriteNumber("mode", c.Mode);
            w.WriteString("text", c.Text);
            w.WriteString("author", c.Author);
            w.WriteString("website", c.Website);
            w.WriteNumber("likes", c.Likes);
            w.WriteNumber("dislikes", c.Dislikes);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("comment");
        }
        if (change.Type == EventTypes.CommentDeleted)
        {
            w.WriteBoolean("placeholder", change.Placeholder);
        }
        if (change.Upvote is { } upvote)
        {
            w.WriteBoolean("upvote", upvote);
        }
        w.WriteStartArray("deliveries");
        foreach (var destination in destinations)
        {
            w.WriteStartObject();
            w.WriteString("destination", destination.Name);
            w.WriteString("state", change.Seq <= destination.Cursor ? "handled" : destination.Stopped ? "stopped" : "waiting");
            w.WriteStartArray("attempts");
            foreach (var attempt in destination.Attempts[change.Seq])
            {
                AdminWebhooks.Write(w, attempt);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static IssoError Bad(string message) => new(400, message);
}
