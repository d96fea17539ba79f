using Dapper;
using Npgsql;

namespace Parley.Storage.Postgres;

/// <summary>
/// Admin sessions live in the database, so that every instance knows them, and sign-out and a password change made by
/// another process (the CLI) end them at once. <c>parley_admin_password</c> holds at most one row.
/// </summary>
public sealed partial class PostgresCommentStore
{
    private const string RecordedPassword = "SELECT fingerprint FROM parley_admin_password LIMIT 1";

    public Task<bool> OpenAdminSessionAsync(string id, string? passwordFingerprint, double expires, double now, CancellationToken ct = default)
    {
        const string open = """
            DELETE FROM parley_admin_sessions WHERE expires <= @now;
            INSERT INTO parley_admin_sessions (id, expires) VALUES (@id, @expires)
            ON CONFLICT (id) DO UPDATE SET expires = excluded.expires;
            """;
        return WriteAsync(async (NpgsqlConnection c) =>
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
        WriteAsync((NpgsqlConnection c) => c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM parley_admin_sessions WHERE id = @id", new { id }, cancellationToken: ct)), ct);

    public Task<bool> RecordAdminPasswordAsync(string? fingerprint, CancellationToken ct = default)
    {
        const string replace = """
            DELETE FROM parley_admin_sessions;
            DELETE FROM parley_admin_password;
            INSERT INTO parley_admin_password (fingerprint) SELECT @fingerprint::text WHERE @fingerprint::text IS NOT NULL;
            """;
        return WriteAsync(async (NpgsqlConnection c) =>
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
