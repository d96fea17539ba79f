using System.Text;
using System.Text.Json;
using Parley.Core.Comments;
using Parley.Core.Events;
using Parley.Core.Storage;
using Parley.Http.Edge;
using Parley.Http.Isso;

namespace Parley.Http.Live;

/// <summary>
/// GET /events/stream?uri= — published comments as they happen, as Server-Sent Events (spec/events.md §4): each event's
/// id is the event id, so a reconnecting browser's <c>Last-Event-ID</c> resumes from the log and misses nothing. Read
/// from the shared event log, so a stream on one instance carries what another instance wrote. Never a pending comment,
/// an e-mail address or a reader's address. Without <c>uri</c>, every thread.
/// </summary>
internal static class LiveStream
{
    private const int Batch = 100;
    // Another instance's writes do not wake this one: they are seen within this time.
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    // A reader whose connection takes no more data for this long is dropped, so a stalled one holds no buffer.
    private static readonly TimeSpan StalledWrite = TimeSpan.FromSeconds(10);

    public static async Task Get(HttpContext context, ICommentStore store, EventSignal signal, LiveConnections connections,
        LiveFrames shared, IssoJson json, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        var uri = context.Request.First("uri");
        var (slot, refusal) = connections.TryOpen(context.ClientAddress());
        if (slot is null)
        {
            throw new IssoError(429, refusal!);
        }
        using (slot)
        {
            // Ends when the reader goes or the server stops (which would otherwise wait for every stream to end).
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            var ct = ending.Token;
            var cursor = StartAfter(context) ?? await LastSeqAsync(store, ct);
            var response = context.Response;
            response.ContentType = "text/event-stream; charset=utf-8";
            response.Headers.CacheControl = "no-cache";
            // nginx would otherwise hold the events back in its buffer.
            response.Headers["X-Accel-Buffering"] = "no";
            var lastWrite = time.GetTimestamp();
            if (!await SendAsync(response, "retry: 3000\n: connected\n\n", ct))
            {
                return;
            }
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    var wake = signal.Next;
                    var events = await store.Events.ReadAsync(cursor, Batch, ct);
                    var frames = new StringBuilder();
                    foreach (var change in events)
                    {
                        cursor = change.Seq;
                        if (uri is null || change.Thread.Uri == uri)
                        {
                            // Made without this reader's token: other streams may be waiting for the same data.
                            if (await shared.GetAsync(change.Seq, () => DataAsync(change, store, json, CancellationToken.None)) is { } data)
                            {
                                frames.Append("id: ").Append(change.Id).Append("\nevent: ").Append(change.Type)
                                    .Append("\ndata: ").Append(data).Append("\n\n");
                            }
                        }
                    }
                    if (frames.Length == 0 && time.GetElapsedTime(lastWrite) >= KeepAlive)
                    {
                        frames.Append(": keep-alive\n\n");
                    }
                    if (frames.Length > 0)
                    {
                        if (!await SendAsync(response, frames.ToString(), ct))
                        {
                            return;
                        }
                        lastWrite = time.GetTimestamp();
                    }
                    if (events.Count < Batch)
                    {
                        await Task.WhenAny(wake, Task.Delay(Poll, time, ct));
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The reader went away or the server is stopping: the stream simply ends.
            }
        }
    }

    // The browser's Last-Event-ID on a reconnect (or ?last-event-id= for clients that cannot set it): resume after it.
    private static long? StartAfter(HttpContext context)
    {
        var last = context.Request.Headers["Last-Event-ID"].ToString();
        if (last.Length == 0)
        {
            last = context.Request.First("last-event-id") ?? "";
        }
        return Parley.Core.Events.EventId.TryParseSeq(last, out var seq) ? seq : null;
    }

    private static async Task<long> LastSeqAsync(ICommentStore store, CancellationToken ct) =>
        (await store.Events.HistoryAsync(new EventQuery { Limit = 1 }, ct)) is [var newest] ? newest.Seq : 0;

    // The data of a public change: the comment as a fetch shows it, or what changed of it. Changes to comments that are
    // not published (pending ones, and their deletion) have none.
    private static async Task<string?> DataAsync(ChangeEvent change, ICommentStore store, IssoJson json, CancellationToken ct)
    {
        if (change.Comment is not { } c || change.By == EventBy.Import)
        {
            return null;
        }
        string? data = null;
        switch (change.Type)
        {
            case EventTypes.CommentCreated or EventTypes.CommentActivated or EventTypes.CommentEdited:
                // As it is now: its hash needs the stored address, and it may have changed again since.
                if (await store.GetCommentAsync(c.Id, ct) is { Mode: CommentMode.Published } now)
                {
                    data = Json(w =>
                    {
                        w.WriteString("uri", change.Thread.Uri);
                        w.WritePropertyName("comment");
                        json.WriteComment(w, now, rendered: true, withHash: true);
                    });
                }
                break;
            case EventTypes.CommentDeleted when c.Mode == CommentMode.Published || change.Placeholder:
                data = Json(w =>
                {
                    w.WriteString("uri", change.Thread.Uri);
                    w.WriteNumber("id", c.Id);
                    w.WriteBoolean("placeholder", change.Placeholder);
                });
                break;
            case EventTypes.CommentVoted when c.Mode == CommentMode.Published:
                data = Json(w =>
                {
                    w.WriteString("uri", change.Thread.Uri);
                    w.WriteNumber("id", c.Id);
                    w.WriteNumber("likes", c.Likes);
                    w.WriteNumber("dislikes", c.Dislikes);
                });
                break;
        }
        return data;
    }

    private static string Json(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(JsonResponse.Bytes(w =>
    {
        w.WriteStartObject();
        write(w);
        w.WriteEndObject();
    }));

    // False when the reader has gone or stopped taking data.
    private static async Task<bool> SendAsync(HttpResponse response, string text, CancellationToken ct)
    {
        using var stalled = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stalled.CancelAfter(StalledWrite);
        try
        {
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), stalled.Token);
            await response.Body.FlushAsync(stalled.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
