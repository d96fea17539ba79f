using Dapper;
using Parley.Core.Comments;
using Parley.Core.Spam;
using Parley.Core.Storage;

namespace Parley.Storage.Sqlite;

/// <summary>The admin panel's listing and counters.</summary>
public sealed partial class SqliteCommentStore
{
    // Each filter is skipped when its parameter is NULL; LIKE is case-insensitive for ASCII in SQLite.
    private const string AdminFilter = """
        FROM comments c JOIN threads t ON c.tid = +t.id
        WHERE (@mode IS NULL OR c.mode = @mode)
          AND (@text IS NULL OR c.text LIKE @text ESCAPE '\')
          AND (@author IS NULL OR c.author LIKE @author ESCAPE '\')
          AND (@email IS NULL OR c.email LIKE @email ESCAPE '\')
          AND (@thread IS NULL OR t.uri LIKE @thread ESCAPE '\' OR t.title LIKE @thread ESCAPE '\')
        """;

    public Task<AdminListing> AdminListAsync(AdminQuery query, CancellationToken ct = default)
    {
        var direction = query.Ascending ? "ASC" : "DESC";
        var sql = $"""
            SELECT {CommentColumns}, CAST(t.uri AS TEXT) AS Uri, CAST(t.title AS TEXT) AS Title
            {AdminFilter}
            ORDER BY {AdminOrderColumn(query.OrderBy)} {direction}, c.id {direction}
            LIMIT @take OFFSET @skip;
            SELECT count(*) {AdminFilter};
            """;
        var parameters = new DynamicParameters();
        parameters.Add("mode", query.Mode);
        parameters.Add("text", LikePattern.Contains(query.Text));
        parameters.Add("author", LikePattern.Contains(query.Author));
        parameters.Add("email", LikePattern.Contains(query.Email));
        parameters.Add("thread", LikePattern.Contains(query.Thread));
        parameters.Add("take", query.PerPage);
        parameters.Add("skip", (long)query.Page * query.PerPage);
        return ReadAsync(async c =>
        {
            using var results = await c.QueryMultipleAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
            var rows = results.Read<Comment, ThreadNames, AdminRow>(
                (comment, thread) => new AdminRow(comment, thread.Uri ?? "", thread.Title), splitOn: "Uri").AsList();
            var total = await results.ReadSingleAsync<long>();
            return new AdminListing(rows, (int)total);
        }, ct);
    }

    public Task<IReadOnlyDictionary<int, int>> CountByModeAsync(CancellationToken ct = default)
    {
        const string sql = "SELECT CAST(coalesce(mode, 0) AS INTEGER) AS Mode, count(*) AS Count FROM comments GROUP BY 1";
        return ReadAsync(async c =>
        {
            var rows = await c.QueryAsync<ModeCount>(new CommandDefinition(sql, cancellationToken: ct));
            return (IReadOnlyDictionary<int, int>)rows.ToDictionary(r => (int)r.Mode, r => (int)r.Count);
        }, ct);
    }

    public Task<IReadOnlyList<Ban>> BansAsync(CancellationToken ct = default) =>
        ReadAsync<IReadOnlyList<Ban>>(async c => [.. (await c.QueryAsync<BanRow>(new CommandDefinition(
            "SELECT id, kind, value, action, created FROM parley_bans ORDER BY id DESC", cancellationToken: ct))).Select(r => r.ToBan())], ct);

    public Task<IReadOnlyDictionary<long, string>> HoldReasonsAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        // The comment must be the one held (same created): SQLite may hand a deleted comment's id out again.
        const string sql = """
            SELECT r.id, CAST(r.reason AS TEXT) FROM parley_hold_reasons r JOIN comments c ON c.id = r.id AND c.created = r.created
            WHERE r.id IN @ids
            """;
        return ReadAsync(async c => (IReadOnlyDictionary<long, string>)(await c.QueryAsync<(long Id, string Reason)>(
            new CommandDefinition(sql, new { ids = ids.ToArray() }, cancellationToken: ct))).ToDictionary(r => r.Id, r => r.Reason), ct);
    }

    // A whitelist: the column name is spliced into the SQL, so only these values may reach it.
    private static string AdminOrderColumn(string orderBy) => orderBy switch
    {
        "id" => "c.id",
        "modified" => "c.modified",
        "likes" => "c.likes",
        "dislikes" => "c.dislikes",
        "tid" => "CAST(c.tid AS INTEGER)",
        _ => "c.created",
    };

    private sealed class ThreadNames
    {
        public string? Uri { get; set; }
        public string? Title { get; set; }
    }

    private sealed class ModeCount
    {
        public long Mode { get; set; }
        public long Count { get; set; }
    }
}
