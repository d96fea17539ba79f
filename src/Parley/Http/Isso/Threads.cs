using System.Text;
using System.Text.Json;
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
        CommentFragments fragments, CancellationToken ct)
    {
        var answer = await cache.GetAsync(config, request.QueryString.Value ?? "",
            _ => store.ReadSnapshotAsync(() => FetchAnswerAsync(request, config, store, json, fragments, ct), ct), ct);
        return new CachedBody(answer, revalidate: true);
    }

    // The answer, and the id of the thread it shows (0: none yet).
    private static async Task<(byte[][] Body, IReadOnlyList<long> Threads)> FetchAnswerAsync(HttpRequest request, ParleyConfig config,
        ICommentStore store, IssoJson json, CommentFragments fragments, CancellationToken ct)
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

        // One read of the whole thread gives the counts (which ignore the time filter) and every list, each cut as
        // its own query would have been.
        var listing = await store.ListThreadAsync(uri, sort, after, ct);
        var groups = listing.Replies.GroupBy(reply => reply.Parent!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var counts = new ReplyCounts(listing.TopLevel.Count, groups.ToDictionary(g => g.Key, g => g.Value.Count));
        var nestedLimit = request.Integer("nested_limit");
        var listed = parent is null ? listing.TopLevel : groups.GetValueOrDefault(parent.Value) ?? [];
        var pageOfRoots = limit == 0 ? [] : Cut(listed, Page(uri, parent, sort, limit, offset, after));
        var pagesOfReplies = new Dictionary<long, List<ListedComment>>();
        if (parent is null && !(nestedLimit <= 0))
        {
            var page = nestedLimit is { } n ? Page(uri, 0, sort, n, 0, after) : Page(uri, 0, sort, limit, offset, after);
            foreach (var root in pageOfRoots)
            {
                if (groups.TryGetValue(root.Id, out var group))
                {
                    pagesOfReplies[root.Id] = Cut(group, page);
                }
            }
        }
        // Only what the pages show is read in full, in the same snapshot.
        var shown = (await store.ReadListedAsync([.. pageOfRoots, .. pagesOfReplies.Values.SelectMany(p => p)], ct)).ToDictionary(c => c.Id);
        var roots = pageOfRoots.Select(r => shown[r.Id]).ToList();
        var replies = pagesOfReplies.ToDictionary(p => p.Key, p => p.Value.Select(r => shown[r.Id]).ToList());

        // Put together from each comment's kept JSON, in the shape of api.md §4.1.
        var answer = new RawJson();
        answer.Raw("{\"id\":"u8);
        answer.Number(parent);
        answer.Raw(",\"total_replies\":"u8);
        answer.Number(parent is null ? counts.Total : counts.Of(parent) ?? 0);
        answer.Raw(",\"hidden_replies\":"u8);
        answer.Number((counts.Of(parent) ?? 0) - roots.Count - offset);
        answer.Raw(",\"replies\":["u8);
        for (var i = 0; i < roots.Count; i++)
        {
            var root = roots[i];
            if (i > 0)
            {
                answer.Raw(","u8);
            }
            var fields = fragments.Comment(config, json, root, rendered);
            if (parent is not null)
            {
                answer.Raw(fields);
                continue;
            }
            var total = counts.Of(root.Id) ?? 0;
            var embedded = replies.GetValueOrDefault(root.Id) ?? [];
            // The root's object stays open for its replies: everything but its closing brace.
            answer.Raw(fields.AsSpan(0, fields.Length - 1));
            answer.Raw(",\"total_replies\":"u8);
            answer.Number(total);
            answer.Raw(",\"hidden_replies\":"u8);
            answer.Number(total - embedded.Count);
            answer.Raw(",\"replies\":["u8);
            for (var j = 0; j < embedded.Count; j++)
            {
                if (j > 0)
                {
                    answer.Raw(","u8);
                }
                answer.Raw(fragments.Comment(config, json, embedded[j], rendered));
            }
            answer.Raw("]}"u8);
        }
        answer.Raw("],\"config\":"u8);
        answer.Raw(fragments.ClientConfig(config, json));
        answer.Raw("}"u8);
        return (answer.ToChunks(), [listing.Thread]);
    }

    /// <summary>POST /count — published comments per thread uri; the answer is kept per body until the next write.</summary>
    public static async Task<IResult> Counts(HttpRequest request, ParleyConfig config, ICommentStore store, ReadCache cache, CancellationToken ct)
    {
        var bytes = await RequestBody.ReadBytesAsync(request);
        var key = CountKey(bytes);
        var answer = await cache.GetAsync(config, key,
            at => store.ReadSnapshotAsync(() => CountAnswerAsync(bytes, at, config, store, cache, ct), ct), ct);
        return new CachedBody(answer, revalidate: false);
    }

    // "count:" and the body read as Latin-1, which maps every byte to one char, so two different bodies never share a
    // key; written straight into the key's one string.
    private static string CountKey(byte[] body) => string.Create(CountKeyPrefix.Length + body.Length, body, static (key, bytes) =>
    {
        CountKeyPrefix.CopyTo(key);
        Encoding.Latin1.GetChars(bytes, key[CountKeyPrefix.Length..]);
    });

    // The answer, and the ids of the threads it counts (0 for uris without a thread). Each uri's count is kept on its
    // own too, so only the threads changed since they were last counted are counted again.
    private static async Task<(byte[][] Body, IReadOnlyList<long> Threads)> CountAnswerAsync(byte[] bytes, ReadCache.Point at,
        ParleyConfig config, ICommentStore store, ReadCache cache, CancellationToken ct)
    {
        var body = RequestBody.ParseJson(bytes);
        if (body.ValueKind != JsonValueKind.Array)
        {
            throw new IssoError(400, "request body must be a JSON array of thread uris");
        }
        // Isso counts non-string entries as 0; they keep their place in the answer.
        var uris = body.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : null).ToList();
        var counted = new Dictionary<string, (int Count, long Thread)>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var uri in uris.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (cache.FindCount(config, uri) is { } kept)
            {
                counted[uri] = kept;
            }
            else
            {
                missing.Add(uri);
            }
        }
        if (missing.Count > 0)
        {
            var counts = await store.CountPublishedAsync(missing, ct);
            var threads = await store.ThreadIdsAsync(missing, ct);
            for (var i = 0; i < missing.Count; i++)
            {
                counted[missing[i]] = (counts[i], threads[i]);
                cache.KeepCount(at, config, missing[i], threads[i], counts[i]);
            }
        }
        byte[][] answer = [JsonResponse.Bytes(w =>
        {
            w.WriteStartArray();
            foreach (var uri in uris)
            {
                w.WriteNumberValue(uri is null ? 0 : counted[uri].Count);
            }
            w.WriteEndArray();
        })];
        return (answer, [.. counted.Values.Select(c => c.Thread).Distinct()]);
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

    // The comments after the time filter, then the page: what the store's ListAsync answers for the same query.
    private static List<ListedComment> Cut(IEnumerable<ListedComment> listed, CommentQuery page)
    {
        var shown = listed.Where(c => c.After).Skip(page.Offset);
        return [.. page.Limit is { } take and >= 0 ? shown.Take(take) : shown];
    }

    private static CommentQuery Page(string uri, long? parent, string sort, long? limit, long offset, string after) =>
        new(uri, parent, sort, limit is { } l ? (int)Math.Clamp(l, -1, int.MaxValue) : null,
            // Isso applies offset only together with a non-zero limit.
            limit is { } lim && lim != 0 ? (int)Math.Min(offset, int.MaxValue) : 0, after);
}

