using System.Text.Json;
using Dapper;
using Parley.Core.Comments;
using Parley.Core.Storage;

namespace Parley.Storage.Sqlite;

/// <summary>Thread listings and counts (behaviour.md §4, §5, §12, §13, §15).</summary>
/// <remarks>
/// Joins read <c>c.tid = +t.id</c>: tid has no declared type, so a plain <c>c.tid = t.id</c> would convert tid
/// to a number and keep SQLite off the (tid, parent, created) index. The unary plus drops that conversion;
/// Isso always stores tid as the integer it took from threads.
/// </remarks>
public sealed partial class SqliteCommentStore
{
    public Task<IReadOnlyList<Comment>> ListAsync(CommentQuery query, CancellationToken ct = default)
    {
        // after is bound as TEXT on purpose: against the REAL column SQLite turns numeric text into a
        // number and leaves other text as text, which sorts above every number, so it matches nothing.
        var sql = $"""
            SELECT {CommentColumns}
            FROM comments c JOIN threads t ON c.tid = +t.id
            WHERE t.uri = @Uri AND (5 | c.mode) = 5 AND c.parent IS @Parent AND c.created > @After
            ORDER BY {ListOrder(query)}
            LIMIT @take OFFSET @Offset
            """;
        var parameters = new DynamicParameters(query);
        parameters.Add("take", query.Limit is null or < 0 ? -1 : query.Limit.Value);
        return ReadAsync(c => QueryCommentsAsync(c, sql, parameters, ct), ct);
    }

    public Task<IReadOnlyList<Comment>> ReadListedAsync(IReadOnlyList<ListedComment> listed, CancellationToken ct = default) =>
        ReadAsync(c => _knownRows.ReadAsync(listed, ids => ReadRowsAsync(c, ids, ct)), ct);

    // Replies are always oldest first; the requested sort only breaks ties among them.
    private static string ListOrder(CommentQuery query) => (query.Parent, query.Sort) switch
    {
        (null, "newest") => "c.created DESC, c.id",
        (null, "upvotes") => "(c.likes - c.dislikes) DESC, c.id",
        (null, _) => "c.created, c.id",
        (_, "upvotes") => "c.created, (c.likes - c.dislikes) DESC, c.id",
        _ => "c.created, c.id",
    };

    public Task<ReplyCounts> CountRepliesAsync(string uri, CancellationToken ct = default)
    {
        const string sql = """
            SELECT CAST(c.parent AS INTEGER) AS Parent, count(*) AS Count
            FROM comments c JOIN threads t ON c.tid = +t.id
            WHERE t.uri = @uri AND (5 | c.mode) = 5
            GROUP BY CAST(c.parent AS INTEGER)
            """;
        return ReadAsync(async c =>
        {
            var topLevel = 0;
            var byParent = new Dictionary<long, int>();
            foreach (var row in await c.QueryAsync<ParentCount>(new CommandDefinition(sql, new { uri }, cancellationToken: ct)))
            {
                if (row.Parent is { } parent)
                {
                    byParent[parent] = (int)row.Count;
                }
                else
                {
                    topLevel = (int)row.Count;
                }
            }
            return new ReplyCounts(topLevel, byParent);
        }, ct);
    }

    public Task<IReadOnlyList<int>> CountPublishedAsync(IReadOnlyList<string> uris, CancellationToken ct = default)
    {
        // One statement for any number of uris: they travel as a JSON array and keep their order.
        const string sql = """
            SELECT (SELECT count(*) FROM comments c JOIN threads t ON c.tid = +t.id
                    WHERE t.uri = u.value AND c.mode = 1)
            FROM json_each(@uris) u
            ORDER BY u.key
            """;
        var json = JsonSerializer.Serialize(uris);
        return ReadAsync(async c =>
        {
            var counts = await c.QueryAsync<int>(new CommandDefinition(sql, new { uris = json }, cancellationToken: ct));
            return (IReadOnlyList<int>)counts.AsList();
        }, ct);
    }

    public Task<IReadOnlyList<long>> ThreadIdsAsync(IReadOnlyList<string> uris, CancellationToken ct = default)
    {
        const string sql = """
            SELECT coalesce((SELECT t.id FROM threads t WHERE t.uri = u.value), 0)
            FROM json_each(@uris) u
            ORDER BY u.key
            """;
        var json = JsonSerializer.Serialize(uris);
        return ReadAsync(async c =>
        {
            var ids = await c.QueryAsync<long>(new CommandDefinition(sql, new { uris = json }, cancellationToken: ct));
            return (IReadOnlyList<long>)ids.AsList();
        }, ct);
    }

    public Task<IReadOnlyList<CommentWithUri>> LatestAsync(int limit, CancellationToken ct = default)
    {
        // The tail of (top-level oldest first, then replies oldest first): take it backwards, then turn it round.
        const string sql = $"""
            SELECT * FROM (
                SELECT {CommentColumns}, CAST(t.uri AS TEXT) AS Uri
                FROM comments c JOIN threads t ON c.tid = +t.id
                WHERE c.mode = 1
                ORDER BY c.parent IS NOT NULL DESC, c.created DESC, c.id DESC
                LIMIT @limit)
            ORDER BY Parent IS NOT NULL, Created, Id
            """;
        return ReadAsync(async c =>
        {
            var rows = await c.QueryAsync<Comment, string, CommentWithUri>(
                new CommandDefinition(sql, new { limit }, cancellationToken: ct),
                (comment, uri) => new CommentWithUri(comment, uri ?? ""),
                splitOn: "Uri");
            return (IReadOnlyList<CommentWithUri>)rows.AsList();
        }, ct);
    }

    public Task<IReadOnlyList<Comment>> FeedAsync(string uri, int limit, CancellationToken ct = default)
    {
        const string sql = $"""
            SELECT {CommentColumns}
            FROM comments c JOIN threads t ON c.tid = +t.id
            WHERE t.uri = @uri AND (5 | c.mode) = 5
            ORDER BY c.parent IS NOT NULL, CASE WHEN c.parent IS NULL THEN c.id END DESC, c.created, c.id
            LIMIT @limit
            """;
        return ReadAsync(c => QueryCommentsAsync(c, sql, new { uri, limit }, ct), ct);
    }

    private sealed class ParentCount
    {
        public long? Parent { get; set; }
        public long Count { get; set; }
    }
}
