using Dapper;
using Parley.Core.Email;

namespace Parley.Storage.Sqlite;

/// <summary>The mail outbox: finished messages wait here until the mail server takes them.</summary>
public sealed partial class SqliteCommentStore
{
    public Task EnqueueMailAsync(string envelopeFrom, string recipient, byte[] message, double now, CancellationToken ct = default)
    {
        const string sql = """
            INSERT INTO parley_outbox (created, envelope_from, recipient, message, due)
            VALUES (@now, @envelopeFrom, @recipient, @message, @now)
            """;
        return WriteAsync(c => c.ExecuteAsync(new CommandDefinition(sql, new { now, envelopeFrom, recipient, message }, cancellationToken: ct)), ct);
    }

    public Task<IReadOnlyList<QueuedMail>> DueMailsAsync(double now, int limit, CancellationToken ct = default)
    {
        const string sql = """
            SELECT id, envelope_from AS EnvelopeFrom, recipient, message, attempts, created
            FROM parley_outbox WHERE due <= @now ORDER BY due, id LIMIT @limit
            """;
        return ReadAsync<IReadOnlyList<QueuedMail>>(async c =>
            [.. await c.QueryAsync<QueuedMail>(new CommandDefinition(sql, new { now, limit }, cancellationToken: ct))], ct);
    }

    public Task<double?> NextMailDueAsync(CancellationToken ct = default) =>
        ReadAsync(c => c.ExecuteScalarAsync<double?>(new CommandDefinition("SELECT min(due) FROM parley_outbox", cancellationToken: ct)), ct);

    public Task MailSentAsync(long id, CancellationToken ct = default) =>
        WriteAsync(c => c.ExecuteAsync(new CommandDefinition("DELETE FROM parley_outbox WHERE id = @id", new { id }, cancellationToken: ct)), ct);

    public Task MailFailedAsync(long id, double? retryAt, string error, CancellationToken ct = default)
    {
        const string sql = "UPDATE parley_outbox SET attempts = attempts + 1, due = @retryAt, last_error = @error WHERE id = @id";
        return WriteAsync(c => c.ExecuteAsync(new CommandDefinition(sql, new { id, retryAt, error }, cancellationToken: ct)), ct);
    }

    public Task RetryMailsNowAsync(double now, CancellationToken ct = default)
    {
        const string sql = "UPDATE parley_outbox SET due = @now WHERE due > @now";
        return WriteAsync(c => c.ExecuteAsync(new CommandDefinition(sql, new { now }, cancellationToken: ct)), ct);
    }
}
