using Dapper;

namespace Parley.Storage.Sqlite;

/// <summary>The spam guard's and auto-approval's questions (behaviour.md §10, §2).</summary>
public sealed partial class SqliteCommentStore
{
    public Task<IReadOnlyList<long>> RecentIdsByAddressAsync(
        string remoteAddr, double createdAfter, CancellationToken ct = default)
    {
        const string sql = """
            SELECT id FROM comments WHERE remote_addr = @remoteAddr AND created > @createdAfter ORDER BY id
            """;
        return ReadAsync(async c =>
        {
            var ids = await c.QueryAsync<long>(
                new CommandDefinition(sql, new { remoteAddr, createdAfter }, cancellationToken: ct));
            return (IReadOnlyList<long>)ids.AsList();
        }, ct);
    }

    public Task<int> CountTopLevelByAddressAsync(string uri, string remoteAddr, CancellationToken ct = default)
    {
        // c.tid = +t.id keeps the tid index usable (see the Reads part).
        const string sql = """
            SELECT count(*) FROM comments c JOIN threads t ON c.tid = +t.id
            WHERE t.uri = @uri AND c.remote_addr = @remoteAddr AND c.parent IS NULL
            """;
        return ReadAsync(c => c.ExecuteScalarAsync<int>(
            new CommandDefinition(sql, new { uri, remoteAddr }, cancellationToken: ct)), ct);
    }

    public Task<bool> HasPublishedByEmailSinceAsync(string email, double createdAfter, CancellationToken ct = default)
    {
        const string sql = """
            SELECT EXISTS (SELECT 1 FROM comments WHERE email = @email AND mode = 1 AND created > @createdAfter)
            """;
        return ReadAsync(c => c.ExecuteScalarAsync<bool>(
            new CommandDefinition(sql, new { email, createdAfter }, cancellationToken: ct)), ct);
    }
}
