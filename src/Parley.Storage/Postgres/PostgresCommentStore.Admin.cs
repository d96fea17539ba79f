using Dapper;
using Parley.Core.Spam;
using Parley.Core.Storage;

namespace Parley.Storage.Postgres;

/// <summary>The admin panel's listing and counters.</summary>
public sealed partial class PostgresCommentStore
{
    // Each filter is skipped when its parameter is NULL (typed, so PostgreSQL knows what NULL it is). ILIKE ignores case
    // as SQLite's LIKE does for ASCII.
    private const string AdminFilter = """
        FROM comments c JOIN threads t ON c.tid = t.id
        WHERE (@mode::bigint IS NULL OR c.mode = @mode::bigint)
          AND (@text::text IS NULL OR c.text ILIKE @text::text ESCAPE '\')
          AND (@author::text IS NULL OR c.author ILIKE @author::text ESCAPE '\')
          AND (@email::text IS NULL OR c.email ILIKE @email::text ESCAPE '\')
          AND (@thread::text IS NULL OR t.uri ILIKE @thread::text ESCAPE '\' OR t.title ILIKE @thread::text ESCAPE '\')
        """;

    public Task<AdminListing> AdminListAsync(AdminQuery query, CancellationToken ct = default)
    {
        // SQLite puts NULL below every value; so does this, whichever the direction.
        var direction = query.Ascending ? "ASC NULLS FIRST" : "DESC NULLS LAST";
        var sql = $"""
            SELECT {CommentColumns}, t.uri, t.title
            {AdminFilter}
            ORDER BY {AdminOrderColumn(query.OrderBy)} {direction}, c.id {direction}
            LIMIT @take OFFSET @skip
            """;
        var count = $"SELECT count(*) {AdminFilter}";
        var parameters = new
        {
            mode = (long?)query.Mode,
            text = LikePattern.Contains(query.Text),
            author = LikePattern.Contains(query.Author),
            email = LikePattern.Contains(query.Email),
            thread = LikePattern.Contains(query.Thread),
            take = (long)query.PerPage,
            skip = (long)query.Page * query.PerPage,
        };
        return ReadSnapshotAsync(() => ReadAsync(async c =>
        {
            var rows = new List<AdminRow>();
            await using (var reader = await c.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: ct)))
            {
                while (await reader.ReadAsync(ct))
                {
                    var uri = reader.IsDBNull(CommentRows.Width) ? "" : reader.GetString(CommentRows.Width);
                    var title = reader.IsDBNull(CommentRows.Width + 1) ? null : reader.GetString(CommentRows.Width + 1);
                    rows.Add(new AdminRow(CommentRows.Read(reader), uri, title));
                }
            }
            var total = await c.ExecuteScalarAsync<long>(new CommandDefinition(count, parameters, cancellationToken: ct));
            return new AdminListing(rows, (int)total);
        }, ct), ct);
    }

    public Task<IReadOnlyDictionary<int, int>> CountByModeAsync(CancellationToken ct = default)
    {
        const string sql = "SELECT coalesce(mode, 0), count(*) FROM comments GROUP BY 1";
        return ReadAsync(async c =>
        {
            var rows = await c.QueryAsync<(long Mode, long Count)>(new CommandDefinition(sql, cancellationToken: ct));
            return (IReadOnlyDictionary<int, int>)rows.ToDictionary(r => (int)r.Mode, r => (int)r.Count);
        }, ct);
    }

    public Task<IReadOnlyList<Ban>> BansAsync(CancellationToken ct = default) =>
        ReadAsync<IReadOnlyList<Ban>>(async c => [.. (await c.QueryAsync<BanRow>(new CommandDefinition(
            "SELECT id, kind, value, action, created FROM parley_bans ORDER BY id DESC", cancellationToken: ct))).Select(r => r.ToBan())], ct);

    public Task<IReadOnlyDictionary<long, string>> HoldReasonsAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        const string sql = """
            SELECT r.id, r.reason FROM parley_hold_reasons r JOIN comments c ON c.id = r.id AND c.created = r.created
            WHERE r.id = ANY(@ids)
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
        "tid" => "c.tid",
        _ => "c.created",
    };
}
