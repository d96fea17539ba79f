using Dapper;
using Parley.Core.Storage;

namespace Parley.Storage.Sqlite;

/// <summary>Failed admin sign-ins per address (<c>parley_login_failures</c>), read and changed inside one write.</summary>
internal sealed partial class SqliteWriteScope
{
    public async Task<LoginFailures?> GetLoginFailuresAsync(string address, CancellationToken ct = default)
    {
        const string sql = "SELECT count, last, locked_until FROM parley_login_failures WHERE address = @address";
        var rows = (await connection.QueryAsync<(long Count, double Last, double LockedUntil)>(
            new CommandDefinition(sql, new { address }, cancellationToken: ct))).AsList();
        return rows is [var r] ? new LoginFailures((int)r.Count, r.Last, r.LockedUntil) : null;
    }

    public Task SetLoginFailuresAsync(string address, LoginFailures? failures, CancellationToken ct = default) =>
        failures is null
            ? connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM parley_login_failures WHERE address = @address", new { address }, cancellationToken: ct))
            : connection.ExecuteAsync(new CommandDefinition(
                "INSERT OR REPLACE INTO parley_login_failures (address, count, last, locked_until) VALUES (@address, @Count, @Last, @LockedUntil)",
                new { address, failures.Count, failures.Last, failures.LockedUntil }, cancellationToken: ct));

    public Task ForgetLoginFailuresAsync(double lastBefore, double now, CancellationToken ct = default) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM parley_login_failures WHERE last < @lastBefore AND locked_until <= @now", new { lastBefore, now }, cancellationToken: ct));
}
