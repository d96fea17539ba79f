using System.Text;
using System.Text.Json;
using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Storage;
using Parley.Http.Edge;

namespace Parley.Http.Isso;

/// <summary>Reading threads: fetch, counts and latest (spec/api.md §4.1, §4.7, §4.12; behaviour.md §4).</summary>
internal static class Threads
{
    private static readonly string[] SortOptions = ["newest", "oldest", "upvotes"];
    private const string CountKeyPrefix = "count:";

    /// <summary>GET / — a thread's visible comments with Isso's paging arithmetic (behaviour.md §4).</summary>
    /// <remarks>
    /// The answer depends on the query string, the stored data and the settings it carries only, so it is kept until
    /// the next write or reload. <paramref name="json"/> writes with <paramref name="config"/>: both are this request's.
    /// Its counts and its comments are read at one moment: a comment posted between them would otherwise be listed
    /// but not counted, and the client's heading would say "One Comment" above two.
    /// </remarks>
    public static async Task<IResult> Fetch(HttpRequest request, ParleyConfig config, ICommentStore store, IssoJson json, ReadCache cache,
        CancellationToken ct)
    {
        var answer = await cache.GetAsync(config, request.QueryString.Value ?? "",
            () => store.ReadSnapshotAsync(() => FetchAnswerAsync(request, store, json, ct), ct), ct);
        return new CachedJson(answer, revalidate: true);
    }

    // The answer, and the id of the thread it shows (0: none yet).
    private static async Task<(byte[] Body, IReadOnlyList<long> Threads)> FetchAnswerAsync(HttpRequest request, ICommentStore store, IssoJson json, CancellationToken ct)
    {
        var uri = request.RequireUri();
        var sort = request.First("sort") ?? "oldest";
        if (!SortOptions.Contains(sort))
        {
            throw IssoError.BadQuery("Invalid sort option. Must be one of: 'newest', 'oldest', 'upvotes'");
        }
        var limit = request.Integer("limit");
        var offset = request.Integer("offset") ?? 0;
        if (offset < 0)
        {
            throw IssoError.BadQuery("offset should not be negative");
        }
        var parent = request.Integer("parent");
        var after = request.First("after") ?? "0";
        var rendered = (request.First("plain") ?? "0") == "0";

        var thread = await store.GetThreadAsync(uri, ct);
        var counts = await store.CountRepliesAsync(uri, ct);
        var nestedLimit = request.Integer("nested_limit");
        var roots = limit == 0 ? [] : await store.ListAsync(Page(uri, parent, sort, limit, offset, after), ct);
        var replies = new Dictionary<long, IReadOnlyList<Comment>>();
        if (parent is null && !(nestedLimit <= 0))
        {
            // Every root's replies in one query, then each list cut as its own query would have been.
            var page = nestedLimit is { } n ? Page(uri, 0, sort, n, 0, after) : Page(uri, 0, sort, limit, offset, after);
            var withReplies = roots.Where(root => counts.Of(root.Id) is not null).Select(root => root.Id).ToList();
            foreach (var group in (await store.ListRepliesAsync(uri, withReplies, sort, after, ct)).GroupBy(reply => reply.Parent!.Value))
            {
                var list = group.Skip(page.Offset);
                replies[group.Key] = [.. page.Limit is { } take and >= 0 ? list.Take(take) : list];
            }
        }

        return (JsonResponse.Bytes(w =>
        {
            w.WriteStartObject();
            w.WriteNullable("id", parent);
            w.WriteNumber("total_replies", parent is null ? counts.Total : counts.Of(parent) ?? 0);
            w.WriteNumber("hidden_replies", (counts.Of(parent) ?? 0) - roots.Count - offset);
            w.WriteStartArray("replies");
            foreach (var root in roots)
            {
                w.WriteStartObject();
                json.WriteFields(w, root, rendered, withHash: true);
                if (parent is null)
                {
                    var total = counts.Of(root.Id) ?? 0;
                    var embedded = replies.GetValueOrDefault(root.Id) ?? [];
                    w.WriteNumber("total_replies", total);
                    w.WriteNumber("hidden_replies", total - embedded.Count);
                    w.WriteStartArray("replies");
                    foreach (var reply in embedded)
                    {
                        json.WriteComment(w, reply, rendered, withHash: true);
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WritePropertyName("config");
            json.WriteClientConfig(w);
            w.WriteEndObject();
        }), [thread?.Id ?? 0]);
    }

    /// <summary>POST /count — published comments per thread uri; the answer is kept per body until the next write.</summary>
    public static async Task<IResult> Counts(HttpRequest request, ParleyConfig config, ICommentStore store, ReadCache cache, CancellationToken ct)
    {
        var bytes = await RequestBody.ReadBytesAsync(request);
        var key = CountKey(bytes);
        var answer = await cache.GetAsync(config, key, () => store.ReadSnapshotAsync(() => CountAnswerAsync(bytes, store, ct), ct), ct);
        return new CachedJson(answer, revalidate: false);
    }

    // "count:" and the body read as Latin-1, which maps every byte to one char, so two different bodies never share a
    // key; written straight into the key's one string.
    private static string CountKey(byte[] body) => string.Create(CountKeyPrefix.Length + body.Length, body, static (key, bytes) =>
    {
        CountKeyPrefix.CopyTo(key);
        Encoding.Latin1.GetChars(bytes, key[CountKeyPrefix.Length..]);
    });

    // The answer, and the ids of the threads it counts (0 for uris without a thread).
    private static async Task<(byte[] Body, IReadOnlyList<long> Threads)> CountAnswerAsync(byte[] bytes, ICommentStore store, CancellationToken ct)
    {
        var body = RequestBody.ParseJson(bytes);
        if (body.ValueKind != JsonValueKind.Array)
        {
            throw new IssoError(400, "request body must be a JSON array of thread uris");
        }
        // Isso counts non-string entries as 0; they keep their place in the answer.
        var uris = body.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : null).ToList();
        var known = uris.OfType<string>().ToList();
        var counts = known.Count == 0 ? [] : await store.CountPublishedAsync(known, ct);
        var threads = known.Count == 0 ? [] : await store.ThreadIdsAsync(known, ct);
        var next = 0;
        var answer = uris.Select(u => u is null ? 0 : counts[next++]).ToList();
        return (JsonResponse.Bytes(w =>
        {
            w.WriteStartArray();
            foreach (var n in answer)
            {
                w.WriteNumberValue(n);
            }
            w.WriteEndArray();
        }), [.. threads.Distinct()]);
    }

    /// <summary>GET /latest — the last published comments of the whole site, in Isso's mixed order.</summary>
    public static async Task<IResult> Latest(HttpRequest request, ParleyConfig config, ICommentStore store, IssoJson json, CancellationToken ct)
    {
        if (!config.General.LatestEnabled)
        {
            throw new IssoError(404, "Unavailable because 'latest-enabled' not set by site admin", alwaysHtml: true);
        }
        var text = request.First("limit");
        if (text is null || QueryArgs.ParseInteger(text) is not { } limit || limit <= 0)
        {
            throw IssoError.BadQuery("Query parameter 'limit' is mandatory (integer, >0)");
        }
        var latest = await store.LatestAsync((int)Math.Min(limit, int.MaxValue), ct);
        return JsonResponse.Ok(w =>
        {
            w.WriteStartArray();
            foreach (var (comment, uri) in latest)
            {
                w.WriteStartObject();
                w.WriteNumber("id", comment.Id);
                w.WriteNullable("parent", comment.Parent);
                w.WriteString("uri", uri);
                w.WriteString("text", json.Render(comment.Text));
                w.WriteString("author", comment.Author);
                w.WriteString("website", comment.Website);
                w.WriteNumber("mode", comment.Mode);
                w.WriteNumber("created", comment.Created);
                w.WriteNullable("modified", comment.Modified);
                w.WriteNumber("likes", comment.Likes);
                w.WriteNumber("dislikes", comment.Dislikes);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private static CommentQuery Page(string uri, long? parent, string sort, long? limit, long offset, string after) =>
        new(uri, parent, sort, limit is { } l ? (int)Math.Clamp(l, -1, int.MaxValue) : null,
            // Isso applies offset only together with a non-zero limit.
            limit is { } lim && lim != 0 ? (int)Math.Min(offset, int.MaxValue) : 0, after);
}
