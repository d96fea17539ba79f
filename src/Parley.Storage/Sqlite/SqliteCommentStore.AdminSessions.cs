using Dapper;
using Microsoft.Data.Sqlite;

namespace Parley.Storage.Sqlite;

/// <summary>
/// Admin sessions live in the database, so that sign-out and a password change made by another process (the CLI)
/// end them at once. <c>parley_admin_password</c> holds at most one row: the fingerprint of the password in use.
/// </summary>
public sealed partial class SqliteCommentStore
{
    private const string RecordedPassword = "SELECT fingerprint FROM parley_admin_password LIMIT 1";

    public Task<bool> OpenAdminSessionAsync(string id, string? passwordFingerprint, double expires, double now, CancellationToken ct = default)
    {
        const string open = """
            DELETE FROM parley_admin_sessions WHERE expires <= @now;
            INSERT OR REPLACE INTO parley_admin_sessions (id, expires) VALUES (@id, @expires);
            """;
        return WriteAsync(async (SqliteConnection c) =>
        {
            var current = await c.ExecuteScalarAsync<string?>(new CommandDefinition(RecordedPassword, cancellationToken: ct));
            if (current != passwordFingerprint)
            {
                return false;
            }
            await c.ExecuteAsync(new CommandDefinition(open, new { id, expires, now }, cancellationToken: ct));
            return true;
        }, ct);
    }

    public Task<bool> IsAdminPasswordCurrentAsync(string? passwordFingerprint, CancellationToken ct = default) =>
        ReadAsync(async c => await c.ExecuteScalarAsync<string?>(new CommandDefinition(RecordedPassword, cancellationToken: ct)) == passwordFingerprint, ct);

    public Task<bool> IsAdminSessionOpenAsync(string id, double now, CancellationToken ct = default) =>
        ReadAsync(c => c.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM parley_admin_sessions WHERE id = @id AND expires > @now)", new { id, now }, cancellationToken: ct)), ct);

    public Task EndAdminSessionAsync(string id, CancellationToken ct = default) =>
        WriteAsync((SqliteConnection c) => c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM parley_admin_sessions WHERE id = @id", new { id }, cancellationToken: ct)), ct);

    public Task<bool> RecordAdminPasswordAsync(string? fingerprint, CancellationToken ct = default)
    {
        const string replace = """
            DELETE FROM parley_admin_sessions;
            DELETE FROM parley_admin_password;
            INSERT INTO parley_admin_password (fingerprint) SELECT @fingerprint WHERE @fingerprint IS NOT NULL;
            """;
        return WriteAsync(async (SqliteConnection c) =>
        {
            var current = await c.ExecuteScalarAsync<string?>(new CommandDefinition(RecordedPassword, cancellationToken: ct));
            if (current == fingerprint)
            {
                return false;
            }
            await c.ExecuteAsync(new CommandDefinition(replace, new { fingerprint }, cancellationToken: ct));
            return true;
        }, ct);
    }
}
