using Dapper;
using Parley.Core.Spam;

namespace Parley.Storage.Postgres;

/// <summary>The spam guard's, proof of work's, auto-approval's and double opt-in's questions (behaviour.md §10, §2), asked inside the write.</summary>
internal sealed partial class PostgresWriteScope
{
    public async Task<IReadOnlyList<long>> RecentIdsByAddressAsync(string remoteAddr, double createdAfter, CancellationToken ct = default)
    {
        const string sql = "SELECT id FROM comments WHERE remote_addr = @remoteAddr AND created > @createdAfter ORDER BY id";
        return (await wire.QueryAsync<long>(await CommandAsync(sql, new { remoteAddr, createdAfter }, ct))).AsList();
    }

    public async Task<int> CountTopLevelByAddressAsync(string uri, string remoteAddr, CancellationToken ct = default)
    {
        const string sql = """
            SELECT count(*) FROM comments c JOIN threads t ON c.tid = t.id
            WHERE t.uri = @uri AND c.remote_addr = @remoteAddr AND c.parent IS NULL
            """;
        return (int)await wire.ExecuteScalarAsync<long>(await CommandAsync(sql, new { uri, remoteAddr }, ct));
    }

    public async Task<bool> HasPublishedByEmailSinceAsync(string email, double createdAfter, CancellationToken ct = default)
    {
        const string sql = "SELECT EXISTS (SELECT 1 FROM comments WHERE email = @email AND mode = 1 AND created > @createdAfter)";
        return await wire.ExecuteScalarAsync<bool>(await CommandAsync(sql, new { email, createdAfter }, ct));
    }

    public async Task<bool> SpendChallengeAsync(string challenge, double expires, double now, CancellationToken ct = default)
    {
        await wire.ExecuteAsync(await CommandAsync("DELETE FROM parley_spent_challenges WHERE expires < @now", new { now }, ct));
        return await wire.ExecuteAsync(await CommandAsync("INSERT INTO parley_spent_challenges (challenge, expires) VALUES (@challenge, @expires) ON CONFLICT (challenge) DO NOTHING", new { challenge, expires }, ct)) == 1;
    }

    public async Task RecordHoldReasonAsync(long id, double created, string reason, CancellationToken ct = default) =>
        await wire.ExecuteAsync(await CommandAsync(
            "INSERT INTO parley_hold_reasons (id, created, reason) VALUES (@id, @created, @reason) ON CONFLICT (id) DO UPDATE SET created = excluded.created, reason = excluded.reason",
            new { id, created, reason }, ct));

    public async Task<Ban?> BanForAsync(string remoteAddr, string? email, CancellationToken ct = default)
    {
        const string sql = """
            SELECT id, kind, value, action, created FROM parley_bans
            WHERE (kind = 'address' AND value = @remoteAddr) OR (kind = 'email' AND value = @email)
            ORDER BY action = 'refuse' DESC LIMIT 1
            """;
        return (await wire.QueryAsync<BanRow>(await CommandAsync(sql, new { remoteAddr, email }, ct))).FirstOrDefault()?.ToBan();
    }

    public async Task<Ban> AddBanAsync(string kind, string value, string action, double now, CancellationToken ct = default)
    {
        const string sql = """
            INSERT INTO parley_bans (kind, value, action, created) VALUES (@kind, @value, @action, @now)
            ON CONFLICT (kind, value) DO UPDATE SET action = excluded.action
            RETURNING id, kind, value, action, created
            """;
        return (await wire.QuerySingleAsync<BanRow>(await CommandAsync(sql, new { kind, value, action, now }, ct))).ToBan();
    }

    public async Task<bool> RemoveBanAsync(long id, CancellationToken ct = default) =>
        await wire.ExecuteAsync(await CommandAsync("DELETE FROM parley_bans WHERE id = @id", new { id }, ct)) > 0;

    public async Task<bool> IsAddressConfirmedAsync(string email, CancellationToken ct = default) =>
        await wire.ExecuteScalarAsync<bool>(await CommandAsync(
            "SELECT EXISTS (SELECT 1 FROM parley_confirmed_addresses WHERE email = @email)", new { email }, ct));

    public async Task<bool> ConfirmAddressAsync(string email, long id, long level, double now, CancellationToken ct = default)
    {
        const string subscribe = "UPDATE comments SET notification = @level WHERE id = @id AND email = @email";
        const string remember = "INSERT INTO parley_confirmed_addresses (email, confirmed) VALUES (@email, @now) ON CONFLICT (email) DO NOTHING";
        var found = await wire.ExecuteAsync(await CommandAsync(subscribe, new { id, email, level }, ct)) > 0;
        if (found)
        {
            await wire.ExecuteAsync(await CommandAsync(remember, new { email, now }, ct));
        }
        return found;
    }
}
