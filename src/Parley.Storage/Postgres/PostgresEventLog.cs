using Dapper;
using Npgsql;
using Parley.Core.Events;

namespace Parley.Storage.Postgres;

/// <summary>
/// The event log (<c>parley_events</c>) and the destinations' cursors (<c>parley_event_cursors</c>). Sequence numbers
/// come from an identity column inside the write transaction; writes of all instances run one at a time, so the numbers
/// grow in commit order and a reader never sees a later one before an earlier one.
/// </summary>
internal sealed class PostgresEventLog(PostgresCommentStore store) : IEventLog
{
    private const string Columns = """
        seq, type, created, by, tid, uri, title, comment_id AS CommentId, parent, comment_created AS CommentCreated,
        modified, mode, text, author, website, likes, dislikes, placeholder, upvote, origin, endpoint, confirm
        """;

    public Task<IReadOnlyList<ChangeEvent>> HistoryAsync(EventQuery query, CancellationToken ct = default) =>
        store.ReadAsync<IReadOnlyList<ChangeEvent>>(async c =>
            [.. (await c.QueryAsync<EventRow>(EventHistorySql.Command(Columns, query, ct))).Select(r => r.ToEvent())], ct);

    public Task<IReadOnlyList<ChangeEvent>> ReadAsync(long after, int limit, CancellationToken ct = default)
    {
        const string sql = $"SELECT {Columns} FROM parley_events WHERE seq > @after ORDER BY seq LIMIT @limit";
        return store.ReadAsync<IReadOnlyList<ChangeEvent>>(async c =>
            [.. (await c.QueryAsync<EventRow>(new CommandDefinition(sql, new { after, limit = (long)limit }, cancellationToken: ct))).Select(r => r.ToEvent())], ct);
    }

    public Task<long> CursorAsync(string destination, CancellationToken ct = default)
    {
        // The outer SELECT cannot see the row the INSERT makes in the same statement: it takes that one from RETURNING.
        const string start = """
            WITH made AS (
              INSERT INTO parley_event_cursors (destination, seq)
              SELECT @destination, coalesce(max(seq), 0) FROM parley_events
              ON CONFLICT (destination) DO NOTHING
              RETURNING seq)
            SELECT seq FROM made UNION ALL SELECT seq FROM parley_event_cursors WHERE destination = @destination
            LIMIT 1
            """;
        return store.WriteAsync((NpgsqlConnection c) =>
            c.ExecuteScalarAsync<long>(new CommandDefinition(start, new { destination }, cancellationToken: ct)), ct);
    }

    public Task AdvanceAsync(string destination, long seq, CancellationToken ct = default) =>
        store.WriteAsync((NpgsqlConnection c) => AdvanceAsync(c, destination, seq, ct), ct);

    // Never backwards: another instance sharing the destination may have gone further.
    internal static Task<int> AdvanceAsync(NpgsqlConnection connection, string destination, long seq, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO parley_event_cursors (destination, seq) VALUES (@destination, @seq)
            ON CONFLICT (destination) DO UPDATE SET seq = greatest(parley_event_cursors.seq, excluded.seq)
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new { destination, seq }, cancellationToken: ct));
    }

    public Task<IReadOnlyDictionary<string, long>> CursorsAsync(CancellationToken ct = default) =>
        store.ReadAsync<IReadOnlyDictionary<string, long>>(async c =>
            (await c.QueryAsync<(string Destination, long Seq)>(new CommandDefinition("SELECT destination, seq FROM parley_event_cursors",
                cancellationToken: ct))).ToDictionary(r => r.Destination, r => r.Seq, StringComparer.Ordinal), ct);

    public Task<IReadOnlyDictionary<string, long>> PendingAsync(CancellationToken ct = default)
    {
        const string sql = """
            SELECT c.destination, (SELECT count(*) FROM parley_events e WHERE e.seq > c.seq) FROM parley_event_cursors c ORDER BY c.destination
            """;
        return store.ReadAsync<IReadOnlyDictionary<string, long>>(async c =>
            (await c.QueryAsync<(string Destination, long Pending)>(new CommandDefinition(sql, cancellationToken: ct)))
                .ToDictionary(r => r.Destination, r => r.Pending, StringComparer.Ordinal), ct);
    }

    public Task<int> TrimAsync(double createdBefore, CancellationToken ct = default)
    {
        const string sql = """
            DELETE FROM parley_events
            WHERE created < @createdBefore
              AND seq < (SELECT max(seq) FROM parley_events)
              AND seq <= coalesce((SELECT min(c.seq) FROM parley_event_cursors c JOIN parley_destinations d ON d.destination = c.destination
                                   WHERE d.disabled IS NULL AND d.held_until >= @createdBefore), 9223372036854775807)
            """;
        return store.WriteAsync((NpgsqlConnection c) => c.ExecuteAsync(new CommandDefinition(sql, new { createdBefore }, cancellationToken: ct)), ct);
    }
}
