using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Parley.Storage.Sqlite;

namespace Parley.Storage.Postgres;

/// <summary>What <see cref="PostgresMove.FromSqliteAsync"/> copied.</summary>
public sealed record MoveCounts(long Threads, long Comments, long Mails, long Events);

/// <summary>The PostgreSQL database to move into already holds a site; nothing was changed.</summary>
public sealed class TargetNotEmptyException(long threads, long comments)
    : InvalidOperationException($"the PostgreSQL database already holds {threads} threads and {comments} comments")
{
    public long Threads { get; } = threads;
    public long Comments { get; } = comments;
}

/// <summary>
/// Moves a whole SQLite database (Isso's of any schema version, or Parley's) into PostgreSQL: every thread and comment with
/// its id and every column, the session key (so cookies and mailed links stay valid), the mail outbox, the event log and
/// the destinations' cursors. All in one transaction under the write lock: instances running on the target see either
/// nothing of it or all of it.
/// </summary>
public static class PostgresMove
{
    /// <summary>
    /// Copies <paramref name="sqlitePath"/> into the database <paramref name="url"/> names. The source is left as it was:
    /// a consistent copy of it is taken first (while a server may go on writing to it) and brought to Parley's schema.
    /// A target holding threads or comments is refused (<see cref="TargetNotEmptyException"/>) unless
    /// <paramref name="replace"/>, which empties it first.
    /// </summary>
    public static async Task<MoveCounts> FromSqliteAsync(string sqlitePath, string url, bool replace, CancellationToken ct = default)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"parley-move-{Guid.NewGuid():N}.db");
        try
        {
            await SqliteSnapshot.CopyAsync(sqlitePath, copy, ct);
            SqliteCommentStore.Open(copy).Dispose();
            // The target's schema, made or brought up to date as a server would.
            using (await PostgresCommentStore.OpenAsync(url, ct))
            {
            }
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
            await source.OpenAsync(ct);
            var settings = PostgresUrl.Parse(url);
            await using var target = new NpgsqlConnection(settings.ConnectionString);
            await target.OpenAsync(ct);
            return await CopyAsync(source, target, replace, ct);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(copy);
            File.Delete(copy + "-journal");
        }
    }

    private static async Task<MoveCounts> CopyAsync(SqliteConnection source, NpgsqlConnection target, bool replace, CancellationToken ct)
    {
        await using var transaction = await target.BeginTransactionAsync(ct);
        await Run(target, $"SELECT pg_advisory_xact_lock({PostgresSchema.WriteLock})", ct);
        var (threads, comments) = await target.QuerySingleAsync<(long, long)>(new CommandDefinition(
            "SELECT (SELECT count(*) FROM threads), (SELECT count(*) FROM comments)", cancellationToken: ct));
        if (threads + comments > 0 && !replace)
        {
            throw new TargetNotEmptyException(threads, comments);
        }
        // Row versions and the change record are not emptied: they only grow, so every instance that kept something of the
        // old content sees it changed (see below).
        await Run(target, """
            TRUNCATE threads, comments, parley_outbox, parley_events, parley_event_cursors, parley_destinations, parley_confirmed_addresses,
                     parley_admin_sessions, parley_login_failures;
            ALTER TABLE comments DISABLE TRIGGER USER;
            ALTER TABLE threads DISABLE TRIGGER USER;
            """, ct);

        await CopyTableAsync(source, target, "SELECT key, CAST(value AS TEXT) FROM preferences",
            "COPY parley_move_preferences (key, value) FROM STDIN (FORMAT BINARY)", [NpgsqlDbType.Text, NpgsqlDbType.Text], ct,
            before: "CREATE TEMP TABLE parley_move_preferences (key text, value text) ON COMMIT DROP");
        await Run(target, """
            INSERT INTO preferences (key, value) SELECT key, value FROM parley_move_preferences
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, ct);
        var movedThreads = await CopyTableAsync(source, target, "SELECT id, CAST(uri AS TEXT), CAST(title AS TEXT) FROM threads",
            "COPY threads (id, uri, title) FROM STDIN (FORMAT BINARY)", [NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Text], ct);
        var movedComments = await CopyTableAsync(source, target, $"SELECT {SqliteCommentStore.CommentColumns} FROM comments c ORDER BY c.id",
            "COPY comments (tid, id, parent, created, modified, mode, remote_addr, text, author, email, website, likes, dislikes, voters, notification) FROM STDIN (FORMAT BINARY)",
            [NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Double, NpgsqlDbType.Double, NpgsqlDbType.Bigint,
             NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bigint,
             NpgsqlDbType.Bigint, NpgsqlDbType.Bytea, NpgsqlDbType.Bigint], ct);
        var mails = await CopyTableAsync(source, target, """
            SELECT id, created, envelope_from, recipient, message, attempts, due, last_error, event_key FROM parley_outbox
            """,
            "COPY parley_outbox (id, created, envelope_from, recipient, message, attempts, due, last_error, event_key) FROM STDIN (FORMAT BINARY)",
            [NpgsqlDbType.Bigint, NpgsqlDbType.Double, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bytea, NpgsqlDbType.Bigint,
             NpgsqlDbType.Double, NpgsqlDbType.Text, NpgsqlDbType.Text], ct);
        var events = await CopyTableAsync(source, target, """
            SELECT seq, type, created, by, tid, CAST(uri AS TEXT), CAST(title AS TEXT), comment_id, parent, comment_created, modified,
                   mode, CAST(text AS TEXT), CAST(author AS TEXT), CAST(website AS TEXT), likes, dislikes, placeholder != 0, upvote != 0,
                   origin, endpoint, confirm
            FROM parley_events ORDER BY seq
            """,
            "COPY parley_events (seq, type, created, by, tid, uri, title, comment_id, parent, comment_created, modified, mode, text, author, website, likes, dislikes, placeholder, upvote, origin, endpoint, confirm) FROM STDIN (FORMAT BINARY)",
            [NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Double, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Text,
             NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Double, NpgsqlDbType.Double, NpgsqlDbType.Bigint,
             NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Boolean,
             NpgsqlDbType.Boolean, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bigint], ct);
        await CopyTableAsync(source, target, "SELECT destination, seq FROM parley_event_cursors",
            "COPY parley_event_cursors (destination, seq) FROM STDIN (FORMAT BINARY)", [NpgsqlDbType.Text, NpgsqlDbType.Bigint], ct);
        // A stopped endpoint stays stopped, with its retry state; the leases are the old server's and stay behind.
        await CopyTableAsync(source, target, "SELECT destination, failures, retry_at, disabled, CAST(reason AS TEXT) FROM parley_destinations",
            "COPY parley_destinations (destination, failures, retry_at, disabled, reason) FROM STDIN (FORMAT BINARY)",
            [NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Double, NpgsqlDbType.Double, NpgsqlDbType.Text], ct);
        await CopyTableAsync(source, target, "SELECT email, confirmed FROM parley_confirmed_addresses",
            "COPY parley_confirmed_addresses (email, confirmed) FROM STDIN (FORMAT BINARY)", [NpgsqlDbType.Text, NpgsqlDbType.Double], ct);

        // The triggers were off for the copy (a row each would cost more than the copy): the change record is written
        // once here instead. Every thread and the thread list count as changed, and every copied comment gets a new row
        // version, so no instance serves a kept answer or a kept row from before.
        await Run(target, """
            ALTER TABLE comments ENABLE TRIGGER USER;
            ALTER TABLE threads ENABLE TRIGGER USER;
            INSERT INTO parley_changes (tid, seq) SELECT tid, nextval('parley_change_seq') FROM (SELECT 0 AS tid UNION ALL SELECT id FROM threads) t
              ON CONFLICT (tid) DO UPDATE SET seq = excluded.seq;
            INSERT INTO parley_row_versions (cid, seq) SELECT id, nextval('parley_row_seq') FROM comments
              ON CONFLICT (cid) DO UPDATE SET seq = excluded.seq;
            SELECT setval(pg_get_serial_sequence('parley_events', 'seq'), coalesce((SELECT max(seq) FROM parley_events), 0) + 1, false);
            SELECT setval(pg_get_serial_sequence('parley_outbox', 'id'), coalesce((SELECT max(id) FROM parley_outbox), 0) + 1, false);
            """, ct);
        await transaction.CommitAsync(ct);
        return new MoveCounts(movedThreads, movedComments, mails, events);
    }

    private static Task<int> Run(NpgsqlConnection target, string sql, CancellationToken ct) =>
        target.ExecuteAsync(new CommandDefinition(sql, cancellationToken: ct));

    // Streams the rows of a SQLite query into a PostgreSQL COPY, column by column in the given types; returns the row count.
    private static async Task<long> CopyTableAsync(SqliteConnection source, NpgsqlConnection target, string select, string copy,
        NpgsqlDbType[] types, CancellationToken ct, string? before = null)
    {
        if (before is not null)
        {
            await Run(target, before, ct);
        }
        await using var reader = await source.ExecuteReaderAsync(new CommandDefinition(select, cancellationToken: ct));
        await using var importer = await target.BeginBinaryImportAsync(copy, ct);
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < types.Length; i++)
            {
                await WriteAsync(importer, reader, i, types[i], ct);
            }
            rows++;
        }
        await importer.CompleteAsync(ct);
        return rows;
    }

    // SQLite keeps any value in any column: each is converted to the column's PostgreSQL type here.
    private static Task WriteAsync(NpgsqlBinaryImporter importer, DbDataReader reader, int i, NpgsqlDbType type, CancellationToken ct)
    {
        if (reader.IsDBNull(i))
        {
            return importer.WriteNullAsync(ct);
        }
        return type switch
        {
            NpgsqlDbType.Bigint => importer.WriteAsync(reader.GetInt64(i), type, ct),
            NpgsqlDbType.Double => importer.WriteAsync(reader.GetDouble(i), type, ct),
            NpgsqlDbType.Boolean => importer.WriteAsync(reader.GetInt64(i) != 0, type, ct),
            NpgsqlDbType.Bytea => importer.WriteAsync(reader.GetValue(i) as byte[] ?? [], type, ct),
            _ => importer.WriteAsync(reader.GetString(i), type, ct),
        };
    }
}
