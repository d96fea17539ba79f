using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Core.Email;

namespace Parley.Storage.Sqlite;

/// <summary>
/// The mail outbox (<c>parley_outbox</c>): finished messages wait here until the mail server takes them. A claim moves a
/// message's <c>due</c> past the lease, so the claim needs no column of its own and lapses by itself if the claimer dies.
/// A claimed message is named by id and <c>created</c> together: <c>id</c> is a plain rowid, so once the queue drains, the
/// next message gets a removed one's id again, and a sender whose claim lapsed must not remove or delay that message.
/// </summary>
internal sealed class SqliteMailOutbox(SqliteCommentStore store) : IMailOutbox
{
    public Task<bool> EnqueueAsync(IReadOnlyList<OutgoingMail> mails, double now, (string Destination, long Seq)? handles = null,
        CancellationToken ct = default)
    {
        const string insert = """
            INSERT OR IGNORE INTO parley_outbox (created, envelope_from, recipient, message, due, event_key)
            VALUES (@now, @EnvelopeFrom, @Recipient, @Message, @now, @Key)
            """;
        return store.WriteAsync(async (SqliteConnection c) =>
        {
            if (handles is { } mark)
            {
                var at = await c.ExecuteScalarAsync<long?>(new CommandDefinition(
                    "SELECT seq FROM parley_event_cursors WHERE destination = @Destination", new { mark.Destination }, cancellationToken: ct));
                if (at >= mark.Seq)
                {
                    return false;
                }
                await SqliteEventLog.AdvanceAsync(c, mark.Destination, mark.Seq, ct);
            }
            foreach (var mail in mails)
            {
                await c.ExecuteAsync(new CommandDefinition(insert, new { now, mail.EnvelopeFrom, mail.Recipient, mail.Message, mail.Key }, cancellationToken: ct));
            }
            return true;
        }, ct);
    }

    public Task<IReadOnlyList<QueuedMail>> ClaimDueAsync(double now, int limit, double lease, CancellationToken ct = default)
    {
        const string sql = """
            UPDATE parley_outbox SET due = @until
            WHERE id IN (SELECT id FROM parley_outbox WHERE due <= @now ORDER BY due, id LIMIT @limit)
            RETURNING id, envelope_from AS EnvelopeFrom, recipient, message, attempts, created
            """;
        return store.WriteAsync<IReadOnlyList<QueuedMail>>(async (SqliteConnection c) =>
            [.. (await c.QueryAsync<QueuedMail>(new CommandDefinition(sql, new { now, limit, until = now + lease }, cancellationToken: ct)))
                .OrderBy(m => m.Id)], ct);
    }

    public Task ReleaseAsync(IReadOnlyList<QueuedMail> mails, double due, CancellationToken ct = default)
    {
        const string sql = "UPDATE parley_outbox SET due = @due WHERE id = @Id AND created = @Created";
        return mails.Count == 0
            ? Task.CompletedTask
            : store.WriteAsync((SqliteConnection c) => c.ExecuteAsync(new CommandDefinition(sql, mails.Select(m => new { m.Id, m.Created, due }), cancellationToken: ct)), ct);
    }

    public Task<long> CountAsync(CancellationToken ct = default) =>
        store.ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM parley_outbox", cancellationToken: ct)), ct);

    public Task<double?> NextDueAsync(CancellationToken ct = default) =>
        store.ReadAsync(c => c.ExecuteScalarAsync<double?>(new CommandDefinition("SELECT min(due) FROM parley_outbox", cancellationToken: ct)), ct);

    public Task SentAsync(QueuedMail mail, CancellationToken ct = default)
    {
        const string sql = "DELETE FROM parley_outbox WHERE id = @Id AND created = @Created";
        return store.WriteAsync((SqliteConnection c) => c.ExecuteAsync(new CommandDefinition(sql, new { mail.Id, mail.Created }, cancellationToken: ct)), ct);
    }

    public Task FailedAsync(QueuedMail mail, double? retryAt, string error, CancellationToken ct = default)
    {
        const string sql = "UPDATE parley_outbox SET attempts = attempts + 1, due = @retryAt, last_error = @error WHERE id = @Id AND created = @Created";
        return store.WriteAsync((SqliteConnection c) => c.ExecuteAsync(new CommandDefinition(sql, new { mail.Id, mail.Created, retryAt, error }, cancellationToken: ct)), ct);
    }

    public Task RetryNowAsync(double now, double lease, CancellationToken ct = default)
    {
        // Only mails that failed, and not those due within a lease: a mail that failed before and is claimed again has
        // attempts too, and is being sent by someone right now.
        const string sql = "UPDATE parley_outbox SET due = @now WHERE due > @now + @lease AND attempts > 0";
        return store.WriteAsync((SqliteConnection c) => c.ExecuteAsync(new CommandDefinition(sql, new { now, lease }, cancellationToken: ct)), ct);
    }
}
