using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Core.Email;

namespace Parley.Storage.Sqlite;

/// <summary>The mail outbox (<c>parley_outbox</c>): finished messages wait here until the mail server takes them.</summary>
internal sealed class SqliteMailOutbox(SqliteCommentStore store) : IMailOutbox
{
    public Task EnqueueAsync(string envelopeFrom, string recipient, byte[] message, string? key, double now, CancellationToken ct = default)
    {
        const string sql = """
            INSERT OR IGNORE INTO parley_outbox (created, envelope_from, recipient, message, due, event_key)
            VALUES (@now, @envelopeFrom, @recipient, @message, @now, @key)
            """;
        return store.WriteAsync((SqliteConnection c) => c.ExecuteAsync(new CommandDefinition(sql, new { now, envelopeFrom, recipient, message, key }, cancellationToken: ct)), ct);
    }

    public Task<IReadOnlyList<QueuedMail>> DueAsync(double now, int limit, CancellationToken ct = default)
    {
        const string sql = """
            SELECT id, envelope_from AS EnvelopeFrom, recipient, message, attempts, created
            FROM parley_outbox WHERE due <= @now ORDER BY due, id LIMIT @limit
            """;
        return store.ReadAsync<IReadOnlyList<QueuedMail>>(async c =>
            [.. await c.QueryAsync<QueuedMail>(new CommandDefinition(sql, new { now, limit }, cancellationToken: ct))], ct);
    }

    public Task<double?> NextDueAsync(CancellationToken ct = default) =>
        store.ReadAsync(c => c.ExecuteScalarAsync<double?>(new CommandDefinition("SELECT min(due) FROM parley_outbox", cancellationToken: ct)), ct);

    public Task SentAsync(long id, CancellationToken ct = default) =>
        store.WriteAsync((SqliteConnection c) => c.ExecuteAsync(new CommandDefinition("DELETE FROM parley_outbox WHERE id = @id", new { id }, cancellationToken: ct)), ct);

    public Task FailedAsync(long id, double? retryAt, string error, CancellationToken ct = default)
    {
        const string sql = "UPDATE parley_outbox SET attempts = attempts + 1, due = @retryAt, last_error = @error WHERE id = @id";
        return store.WriteAsync((SqliteConnection c) => c.ExecuteAsync(new CommandDefinition(sql, new { id, retryAt, error }, cancellationToken: ct)), ct);
    }

    public Task RetryNowAsync(double now, CancellationToken ct = default)
    {
        const string sql = "UPDATE parley_outbox SET due = @now WHERE due > @now";
        return store.WriteAsync((SqliteConnection c) => c.ExecuteAsync(new CommandDefinition(sql, new { now }, cancellationToken: ct)), ct);
    }
}
