using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Core.Events;

namespace Parley.Storage.Sqlite;

/// <summary>
/// The event log (<c>parley_events</c>) and the destinations' cursors (<c>parley_event_cursors</c>). The sequence
/// number is the rowid: commits are serialised, so it grows in commit order; trimming always keeps the newest row,
/// so a number is never handed out twice.
/// </summary>
internal sealed class SqliteEventLog(SqliteCommentStore store) : IEventLog
{
    private const string Columns = """
        seq, type, created, by, tid, CAST(uri AS TEXT) AS uri, CAST(title AS TEXT) AS title, comment_id AS CommentId,
        parent, comment_created AS CommentCreated, modified, mode, CAST(text AS TEXT) AS text,
        CAST(author AS TEXT) AS author, CAST(website AS TEXT) AS website, likes, dislikes, placeholder, upvote,
        origin, endpoint, confirm
        """;

    public Task<IReadOnlyList<ChangeEvent>> HistoryAsync(EventQuery query, CancellationToken ct = default) =>
        store.ReadAsync<IReadOnlyList<ChangeEvent>>(async c =>
            [.. (await c.QueryAsync<EventRow>(EventHistorySql.Command(Columns, query, ct))).Select(r => r.ToEvent())], ct);

    public Task<IReadOnlyList<ChangeEvent>> ReadAsync(long after, int limit, CancellationToken ct = default)
    {
        const string sql = $"SELECT {Columns} FROM parley_events WHERE seq > @after ORDER BY seq LIMIT @limit";
        return store.ReadAsync<IReadOnlyList<ChangeEvent>>(async c =>
            [.. (await c.QueryAsync<EventRow>(new CommandDefinition(sql, new { after, limit }, cancellationToken: ct))).Select(r => r.ToEvent())], ct);
    }

    public async Task<long> CursorAsync(string destination, CancellationToken ct = default)
    {
        const string start = """
            INSERT OR IGNORE INTO parley_event_cursors (destination, seq)
            VALUES (@destination, (SELECT coalesce(max(seq), 0) FROM parley_events));
            SELECT seq FROM parley_event_cursors WHERE destination = @destination;
            """;
        return await store.WriteAsync((SqliteConnection c) =>
            c.ExecuteScalarAsync<long>(new CommandDefinition(start, new { destination }, cancellationToken: ct)), ct);
    }

    public Task AdvanceAsync(string destination, long seq, CancellationToken ct = default) =>
        store.WriteAsync((SqliteConnection c) => AdvanceAsync(c, destination, seq, ct), ct);

    // Never backwards: another process sharing the destination may have gone further.
    internal static Task<int> AdvanceAsync(SqliteConnection connection, string destination, long seq, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO parley_event_cursors (destination, seq) VALUES (@destination, @seq)
            ON CONFLICT (destination) DO UPDATE SET seq = max(seq, excluded.seq)
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
        return store.WriteAsync((SqliteConnection c) => c.ExecuteAsync(new CommandDefinition(sql, new { createdBefore }, cancellationToken: ct)), ct);
    }
}
