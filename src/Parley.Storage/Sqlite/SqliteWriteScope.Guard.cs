using Dapper;
using Parley.Core.Spam;

namespace Parley.Storage.Sqlite;

/// <summary>The spam guard's, proof of work's, auto-approval's and double opt-in's questions (behaviour.md §10, §2), asked inside the write.</summary>
internal sealed partial class SqliteWriteScope
{
    public async Task<IReadOnlyList<long>> RecentIdsByAddressAsync(string remoteAddr, double createdAfter, CancellationToken ct = default)
    {
        const string sql = "SELECT id FROM comments WHERE remote_addr = @remoteAddr AND created > @createdAfter ORDER BY id";
        return (await connection.QueryAsync<long>(new CommandDefinition(sql, new { remoteAddr, createdAfter }, cancellationToken: ct))).AsList();
    }

    public Task<int> CountTopLevelByAddressAsync(string uri, string remoteAddr, CancellationToken ct = default)
    {
        // c.tid = +t.id keeps the tid index usable (see the store's Reads part).
        const string sql = """
            SELECT count(*) FROM comments c JOIN threads t ON c.tid = +t.id
            WHERE t.uri = @uri AND c.remote_addr = @remoteAddr AND c.parent IS NULL
            """;
        return connection.ExecuteScalarAsync<int>(new CommandDefinition(sql, new { uri, remoteAddr }, cancellationToken: ct));
    }

    public Task<bool> HasPublishedByEmailSinceAsync(string email, double createdAfter, CancellationToken ct = default)
    {
        const string sql = "SELECT EXISTS (SELECT 1 FROM comments WHERE email = @email AND mode = 1 AND created > @createdAfter)";
        return connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new { email, createdAfter }, cancellationToken: ct));
    }

    public async Task<bool> SpendChallengeAsync(string challenge, double expires, double now, CancellationToken ct = default)
    {
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM parley_spent_challenges WHERE expires < @now", new { now }, cancellationToken: ct));
        return await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO parley_spent_challenges (challenge, expires) VALUES (@challenge, @expires) ON CONFLICT (challenge) DO NOTHING", new { challenge, expires }, cancellationToken: ct)) == 1;
    }

    public Task RecordHoldReasonAsync(long id, double created, string reason, CancellationToken ct = default) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO parley_hold_reasons (id, created, reason) VALUES (@id, @created, @reason) ON CONFLICT (id) DO UPDATE SET created = excluded.created, reason = excluded.reason",
            new { id, created, reason }, cancellationToken: ct));

    // Asked for every new comment: a prepared statement, as the insert's.
    public async Task<Ban?> BanForAsync(string remoteAddr, string? email, CancellationToken ct = default)
    {
        var command = statements.Get("""
            SELECT id, kind, value, action, created FROM parley_bans
            WHERE (kind = 'address' AND value = $remoteAddr) OR (kind = 'email' AND value = $email)
            ORDER BY action = 'refuse' DESC LIMIT 1
            """);
        command.Parameters.AddWithValue("$remoteAddr", remoteAddr);
        command.Parameters.AddWithValue("$email", (object?)email ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return reader.Parse<BanRow>().FirstOrDefault()?.ToBan();
    }

    public async Task<Ban> AddBanAsync(string kind, string value, string action, double now, CancellationToken ct = default)
    {
        const string sql = """
            INSERT INTO parley_bans (kind, value, action, created) VALUES (@kind, @value, @action, @now)
            ON CONFLICT (kind, value) DO UPDATE SET action = excluded.action;
            SELECT id, kind, value, action, created FROM parley_bans WHERE kind = @kind AND value = @value;
            """;
        return (await connection.QuerySingleAsync<BanRow>(new CommandDefinition(sql, new { kind, value, action, now }, cancellationToken: ct))).ToBan();
    }

    public async Task<bool> RemoveBanAsync(long id, CancellationToken ct = default) =>
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM parley_bans WHERE id = @id", new { id }, cancellationToken: ct)) > 0;

    public Task<bool> IsAddressConfirmedAsync(string email, CancellationToken ct = default) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM parley_confirmed_addresses WHERE email = @email)", new { email }, cancellationToken: ct));

    public async Task<bool> ConfirmAddressAsync(string email, long id, long level, double now, CancellationToken ct = default)
    {
        const string subscribe = "UPDATE comments SET notification = @level WHERE id = @id AND email = @email";
        const string remember = "INSERT OR IGNORE INTO parley_confirmed_addresses (email, confirmed) VALUES (@email, @now)";
        var found = await connection.ExecuteAsync(new CommandDefinition(subscribe, new { id, email, level }, cancellationToken: ct)) > 0;
        if (found)
        {
            await connection.ExecuteAsync(new CommandDefinition(remember, new { email, now }, cancellationToken: ct));
        }
        return found;
    }
}
