using System.Globalization;
using Dapper;
using Parley.Core.Comments;
using Parley.Core.Storage;

namespace Parley.Storage.Postgres;

/// <summary>Thread listings and counts (behaviour.md §4, §5, §12, §13, §15), answering exactly as on SQLite.</summary>
public sealed partial class PostgresCommentStore
{
    public Task<IReadOnlyList<Comment>> ListAsync(CommentQuery query, CancellationToken ct = default)
    {
        var sql = $"""
            SELECT {CommentColumns}
            FROM comments c JOIN threads t ON c.tid = t.id
            WHERE t.uri = @uri AND (5 | c.mode) = 5 AND {ParentIs(query.Parent)} AND c.created > @after
            ORDER BY {ListOrder(query)}
            LIMIT @take OFFSET @skip
            """;
        var parameters = new
        {
            uri = query.Uri,
            parent = query.Parent,
            after = After(query.After),
            take = query.Limit is null or < 0 ? null : (long?)query.Limit.Value,
            skip = (long)query.Offset,
        };
        return ReadAsync(c => QueryCommentsAsync(c, sql, parameters, ct), ct);
    }

    public Task<ThreadListing> ListThreadAsync(string uri, string sort, string after, CancellationToken ct = default)
    {
        var topLevel = $"""
            SELECT {RowKey}, c.parent, coalesce(c.created > @after, false)
            FROM comments c JOIN threads t ON c.tid = t.id {JoinRowVersions}
            WHERE t.uri = @uri AND (5 | c.mode) = 5 AND c.parent IS NULL
            ORDER BY {ListOrder(new CommentQuery(uri, null, sort))}
            """;
        var replies = $"""
            SELECT {RowKey}, c.parent, coalesce(c.created > @after, false)
            FROM comments c JOIN threads t ON c.tid = t.id {JoinRowVersions}
            WHERE t.uri = @uri AND (5 | c.mode) = 5 AND c.parent IS NOT NULL
            ORDER BY c.parent, {ListOrder(new CommentQuery(uri, 0, sort))}
            """;
        var parameters = new { uri, after = After(after) };
        return ReadSnapshotAsync(() => ReadAsync(async c => await GetThreadAsync(c, uri, ct) is { } thread
            ? new ThreadListing(thread.Id, await QueryListedAsync(c, topLevel, parameters, ct), await QueryListedAsync(c, replies, parameters, ct))
            : ThreadListing.Empty, ct), ct);
    }

    public Task<IReadOnlyList<Comment>> ReadListedAsync(IReadOnlyList<ListedComment> listed, CancellationToken ct = default) =>
        ReadAsync(c => _knownRows.ReadAsync(listed, ids => ReadRowsAsync(c, ids, ct)), ct);

    private static string ParentIs(long? parent) => parent is null ? "c.parent IS NULL" : "c.parent = @parent";

    // Replies are always oldest first; the requested sort only breaks ties among them.
    private static string ListOrder(CommentQuery query) => (query.Parent, query.Sort) switch
    {
        (null, "newest") => "c.created DESC, c.id",
        (null, "upvotes") => $"{Score} DESC, c.id",
        (null, _) => "c.created, c.id",
        (_, "upvotes") => $"c.created, {Score} DESC, c.id",
        _ => "c.created, c.id",
    };

    private const string Score = "(coalesce(c.likes, 0) - coalesce(c.dislikes, 0))";

    /// <summary>
    /// The time filter as SQLite applies it to the REAL column: numeric text is that number, and any other text sorts
    /// above every number, so nothing is after it (null here, which matches nothing either).
    /// </summary>
    internal static double? After(string after)
    {
        var text = after.Trim();
        return IsSqliteNumber(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    // SQLite's numeric literal: optional sign, digits with at most one point, optional exponent; no hex, no "Infinity".
    private static bool IsSqliteNumber(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            (i, digits) = (i + 1, digits + 1);
        }
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                (i, digits) = (i + 1, digits + 1);
            }
        }
        if (digits == 0)
        {
            return false;
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }
            var exponent = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                (i, exponent) = (i + 1, exponent + 1);
            }
            if (exponent == 0)
            {
                return false;
            }
        }
        return i == text.Length;
    }

    public Task<ReplyCounts> CountRepliesAsync(string uri, CancellationToken ct = default)
    {
        const string sql = """
            SELECT c.parent, count(*)
            FROM comments c JOIN threads t ON c.tid = t.id
            WHERE t.uri = @uri AND (5 | c.mode) = 5
            GROUP BY c.parent
            """;
        return ReadAsync(async c =>
        {
            var topLevel = 0;
            var byParent = new Dictionary<long, int>();
            foreach (var (parent, count) in await c.QueryAsync<(long? Parent, long Count)>(new CommandDefinition(sql, new { uri }, cancellationToken: ct)))
            {
                if (parent is { } id)
                {
                    byParent[id] = (int)count;
                }
                else
                {
                    topLevel = (int)count;
                }
            }
            return new ReplyCounts(topLevel, byParent);
        }, ct);
    }

    public Task<IReadOnlyList<int>> CountPublishedAsync(IReadOnlyList<string> uris, CancellationToken ct = default)
    {
        // One statement for any number of uris: they travel as one array and keep their order.
        const string sql = """
            SELECT (SELECT count(*) FROM comments c JOIN threads t ON c.tid = t.id
                    WHERE t.uri = u.value AND c.mode = 1)
            FROM unnest(@uris) WITH ORDINALITY AS u(value, ord)
            ORDER BY u.ord
            """;
        return ReadAsync<IReadOnlyList<int>>(async c =>
            [.. (await c.QueryAsync<long>(new CommandDefinition(sql, new { uris = uris.ToArray() }, cancellationToken: ct))).Select(n => (int)n)], ct);
    }

    public Task<IReadOnlyList<long>> ThreadIdsAsync(IReadOnlyList<string> uris, CancellationToken ct = default)
    {
        const string sql = """
            SELECT coalesce((SELECT t.id FROM threads t WHERE t.uri = u.value), 0)
            FROM unnest(@uris) WITH ORDINALITY AS u(value, ord)
            ORDER BY u.ord
            """;
        return ReadAsync<IReadOnlyList<long>>(async c =>
            (await c.QueryAsync<long>(new CommandDefinition(sql, new { uris = uris.ToArray() }, cancellationToken: ct))).AsList(), ct);
    }

    public Task<IReadOnlyList<CommentWithUri>> LatestAsync(int limit, CancellationToken ct = default)
    {
        // The tail of (top-level oldest first, then replies oldest first): take it backwards, then turn it round.
        const string sql = $"""
            SELECT * FROM (
                SELECT {CommentColumns}, t.uri AS uri
                FROM comments c JOIN threads t ON c.tid = t.id
                WHERE c.mode = 1
                ORDER BY c.parent IS NOT NULL DESC, c.created DESC, c.id DESC
                LIMIT @limit) tail
            ORDER BY tail.parent IS NOT NULL, tail.created, tail.id
            """;
        return ReadAsync<IReadOnlyList<CommentWithUri>>(async c =>
        {
            await using var reader = await c.ExecuteReaderAsync(new CommandDefinition(sql, new { limit = (long)limit }, cancellationToken: ct));
            var rows = new List<CommentWithUri>();
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new CommentWithUri(CommentRows.Read(reader), reader.IsDBNull(CommentRows.Width) ? "" : reader.GetString(CommentRows.Width)));
            }
            return rows;
        }, ct);
    }

    public Task<IReadOnlyList<Comment>> FeedAsync(string uri, int limit, CancellationToken ct = default)
    {
        const string sql = $"""
            SELECT {CommentColumns}
            FROM comments c JOIN threads t ON c.tid = t.id
            WHERE t.uri = @uri AND (5 | c.mode) = 5
            ORDER BY c.parent IS NOT NULL, CASE WHEN c.parent IS NULL THEN c.id END DESC, c.created, c.id
            LIMIT @limit
            """;
        return ReadAsync(c => QueryCommentsAsync(c, sql, new { uri, limit = (long)limit }, ct), ct);
    }

    public Task<IReadOnlyList<Comment>> ConversationAsync(long parent, CancellationToken ct = default)
    {
        const string replies = $"SELECT {CommentColumns} FROM comments c WHERE c.parent = @parent AND c.mode = 1 ORDER BY c.id";
        return ReadAsync<IReadOnlyList<Comment>>(async c =>
        {
            var head = await GetCommentAsync(c, parent, ct);
            var rest = await QueryCommentsAsync(c, replies, new { parent }, ct);
            return head is null ? rest : [head, .. rest];
        }, ct);
    }

    public Task<IReadOnlyList<Comment>> ThreadSubscribersAsync(long tid, CancellationToken ct = default)
    {
        const string sql = $"SELECT {CommentColumns} FROM comments c WHERE c.tid = @tid AND c.notification = 2 AND c.mode = 1 ORDER BY c.id";
        return ReadAsync(c => QueryCommentsAsync(c, sql, new { tid }, ct), ct);
    }
}
