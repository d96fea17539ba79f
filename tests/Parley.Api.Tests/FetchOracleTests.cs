using System.Globalization;
using System.Text;
using System.Text.Json;
using Parley.Api.Tests.Support;
using Parley.Core.Comments;
using Parley.Core.Security;
using Parley.Core.Storage;

namespace Parley.Api.Tests;

/// <summary>
/// The fetch reads a whole thread once and cuts its pages in memory; here it must answer exactly what Isso's own
/// algorithm (behaviour.md §4: a count per parent, then one list query per page) answers with the store's queries,
/// on random threads and random query strings, and again after each of a series of writes.
/// </summary>
public sealed class FetchOracleTests
{
    private static readonly string[] Sorts = ["oldest", "newest", "upvotes"];
    private static readonly string[] Afters = ["0", "25", "57.5", "x", "-1"];

    [Fact]
    public async Task EveryFetchMatchesIssoPagingBuiltFromOneQueryPerPage()
    {
        await using var app = await TestApp.StartAsync();
        var random = new Random(1729);
        var thread = await app.Store.CreateThreadAsync("/t", "T");
        var roots = new List<long>();
        for (var round = 0; round < 6; round++)
        {
            // Writes between rounds: new comments (some pending or deleted placeholders), and likes that reorder.
            for (var i = 0; i < 12; i++)
            {
                var parent = roots.Count > 0 && random.Next(2) == 0 ? roots[random.Next(roots.Count)] : (long?)null;
                var mode = random.Next(6) switch { 0 => CommentMode.Pending, 1 => CommentMode.Deleted, _ => CommentMode.Published };
                var created = random.Next(0, 100) + (random.Next(3) == 0 ? 0.5 : 0);
                var comment = await app.Store.InsertCommentAsync(new Comment
                {
                    Tid = thread.Id, Parent = parent, Created = created, Mode = mode, RemoteAddr = "10.0.0.0",
                    Text = $"comment {round}.{i}", Author = "A", Voters = VotersFilter.Create("10.0.0.0"),
                    Likes = random.Next(4), Dislikes = random.Next(2),
                });
                if (parent is null)
                {
                    roots.Add(comment.Id);
                }
            }
            var liked = roots[random.Next(roots.Count)];
            await app.Store.RecordVoteAsync(liked, upvote: true, VotersFilter.Create("10.9.9.0"));

            for (var q = 0; q < 40; q++)
            {
                var query = RandomQuery(random, roots);
                var actual = Render(await app.FetchAsync("uri=%2Ft" + query));
                Assert.Equal(await ExpectedAsync(app.Store, query), actual);
            }
        }
    }

    private static string RandomQuery(Random random, List<long> roots)
    {
        var query = new StringBuilder();
        if (random.Next(3) == 0)
        {
            query.Append("&sort=").Append(Sorts[random.Next(Sorts.Length)]);
        }
        if (random.Next(2) == 0)
        {
            query.Append(CultureInfo.InvariantCulture, $"&limit={random.Next(-1, 6)}");
        }
        if (random.Next(3) == 0)
        {
            query.Append(CultureInfo.InvariantCulture, $"&offset={random.Next(0, 4)}");
        }
        if (random.Next(3) == 0)
        {
            query.Append(CultureInfo.InvariantCulture, $"&nested_limit={random.Next(-1, 4)}");
        }
        if (random.Next(3) == 0)
        {
            query.Append("&after=").Append(Afters[random.Next(Afters.Length)]);
        }
        if (random.Next(5) == 0)
        {
            query.Append(CultureInfo.InvariantCulture, $"&parent={roots[random.Next(roots.Count)]}");
        }
        return query.ToString();
    }

    // Isso's algorithm as behaviour.md §4 gives it, on the store's counting and listing queries.
    private static async Task<string> ExpectedAsync(ICommentStore store, string query)
    {
        var args = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        long? Number(string name) => args.TryGetValue(name, out var v) ? long.Parse(v, CultureInfo.InvariantCulture) : null;
        var sort = args.GetValueOrDefault("sort") ?? "oldest";
        var after = args.GetValueOrDefault("after") ?? "0";
        var limit = Number("limit");
        var offset = Number("offset") ?? 0;
        var nested = Number("nested_limit");
        var parent = Number("parent");

        var counts = await store.CountRepliesAsync("/t");
        CommentQuery Page(long? under, long? take, long skip) =>
            new("/t", under, sort, take is { } t ? (int)Math.Clamp(t, -1, int.MaxValue) : null, take is { } l && l != 0 ? (int)skip : 0, after);
        var roots = limit == 0 ? [] : await store.ListAsync(Page(parent, limit, offset));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{parent?.ToString(CultureInfo.InvariantCulture) ?? "null"} {(parent is null ? counts.Total : counts.Of(parent) ?? 0)} {(counts.Of(parent) ?? 0) - roots.Count - offset}:");
        foreach (var root in roots)
        {
            text.Append(CultureInfo.InvariantCulture, $" {root.Id}/{root.Likes}");
            if (parent is not null)
            {
                continue;
            }
            IReadOnlyList<Comment> embedded = [];
            if (!(nested <= 0) && counts.Of(root.Id) is not null)
            {
                embedded = await store.ListAsync(nested is { } n ? Page(root.Id, n, 0) : Page(root.Id, limit, offset));
            }
            var total = counts.Of(root.Id) ?? 0;
            text.Append(CultureInfo.InvariantCulture, $"({total},{total - embedded.Count},[{string.Join(",", embedded.Select(r => r.Id))}])");
        }
        return text.ToString();
    }

    private static string Render(JsonElement answer)
    {
        var text = new StringBuilder();
        var id = answer.GetProperty("id");
        text.Append(CultureInfo.InvariantCulture, $"{(id.ValueKind == JsonValueKind.Null ? "null" : id.ToString())} {answer.GetProperty("total_replies")} {answer.GetProperty("hidden_replies")}:");
        foreach (var root in answer.GetProperty("replies").EnumerateArray())
        {
            text.Append(CultureInfo.InvariantCulture, $" {root.GetProperty("id")}/{root.GetProperty("likes")}");
            if (root.TryGetProperty("replies", out var nested))
            {
                text.Append(CultureInfo.InvariantCulture, $"({root.GetProperty("total_replies")},{root.GetProperty("hidden_replies")},[{string.Join(",", nested.EnumerateArray().Select(r => r.GetProperty("id")))}])");
            }
        }
        return text.ToString();
    }
}
