using Dapper;
using Parley.Core.Storage;

namespace Parley.Storage.Postgres;

/// <summary>Failed admin sign-ins per address (<c>parley_login_failures</c>), read and changed inside one write.</summary>
internal sealed partial class PostgresWriteScope
{
    public async Task<LoginFailures?> GetLoginFailuresAsync(string address, CancellationToken ct = default)
    {
        const string sql = "SELECT count, last, locked_until FROM parley_login_failures WHERE address = @address";
        var rows = (await wire.QueryAsync<(long Count, double Last, double LockedUntil)>(
            await CommandAsync(sql, new { address }, ct))).AsList();
        return rows is [var r] ? new LoginFailures((int)r.Count, r.Last, r.LockedUntil) : null;
    }

    public async Task SetLoginFailuresAsync(string address, LoginFailures? failures, CancellationToken ct = default) =>
        await (failures is null
            ? wire.ExecuteAsync(await CommandAsync(
                "DELETE FROM parley_login_failures WHERE address = @address", new { address }, ct))
            : wire.ExecuteAsync(await CommandAsync(
                """
                INSERT INTO parley_login_failures (address, count, last, locked_until) VALUES (@address, @Count, @Last, @LockedUntil)
                ON CONFLICT (address) DO UPDATE SET count = excluded.count, last = excluded.last, locked_until = excluded.locked_until
                """,
                new { address, failures.Count, failures.Last, failures.LockedUntil }, ct)));

    public async Task ForgetLoginFailuresAsync(double lastBefore, double now, CancellationToken ct = default) =>
        await wire.ExecuteAsync(await CommandAsync(
            "DELETE FROM parley_login_failures WHERE last < @lastBefore AND locked_until <= @now", new { lastBefore, now }, ct));
}
