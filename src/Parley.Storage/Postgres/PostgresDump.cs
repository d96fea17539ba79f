using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Parley.Storage.Sqlite;

namespace Parley.Storage.Postgres;

/// <summary>
/// A logical backup of a PostgreSQL database as a SQLite file in Isso's schema: the same file a backup of a SQLite site
/// holds, so one archive format serves both engines, and a backup restores onto either (see
/// <see cref="PostgresMove.FromSqliteAsync"/> for the way back). Read in one snapshot while the instances keep writing.
/// </summary>
public static class PostgresDump
{
    // What is copied, as (PostgreSQL select, SQLite insert); columns in the same order, values taken as they come.
    private static readonly (string Select, string Insert)[] Tables =
    [
        ("SELECT id, uri, title FROM threads ORDER BY id", "INSERT INTO threads (id, uri, title) VALUES ($0, $1, $2)"),
        ($"SELECT {PostgresCommentStore.CommentColumns} FROM comments c ORDER BY c.id",
            """
            INSERT INTO comments (tid, id, parent, created, modified, mode, remote_addr, text, author, email, website, likes, dislikes, voters, notification)
            VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            """),
        ("SELECT id, created, envelope_from, recipient, message, attempts, due, last_error, event_key FROM parley_outbox ORDER BY id",
            """
            INSERT INTO parley_outbox (id, created, envelope_from, recipient, message, attempts, due, last_error, event_key)
            VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8)
            """),
        ("""
            SELECT seq, type, created, by, tid, uri, title, comment_id, parent, comment_created, modified, mode, text, author, website,
                   likes, dislikes, placeholder, upvote, origin, endpoint, confirm
            FROM parley_events ORDER BY seq
            """,
            """
            INSERT INTO parley_events (seq, type, created, by, tid, uri, title, comment_id, parent, comment_created, modified, mode, text,
                                       author, website, likes, dislikes, placeholder, upvote, origin, endpoint, confirm)
            VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
            """),
        ("SELECT destination, seq FROM parley_event_cursors", "INSERT INTO parley_event_cursors (destination, seq) VALUES ($0, $1)"),
        ("SELECT destination, failures, retry_at, disabled, reason FROM parley_destinations",
            "INSERT INTO parley_destinations (destination, failures, retry_at, disabled, reason) VALUES ($0, $1, $2, $3, $4)"),
        ("SELECT email, confirmed FROM parley_confirmed_addresses", "INSERT INTO parley_confirmed_addresses (email, confirmed) VALUES ($0, $1)"),
    ];

    /// <summary>Writes the database <paramref name="url"/> names into a new SQLite file at <paramref name="sqlitePath"/>.</summary>
    public static async Task ToSqliteAsync(string url, string sqlitePath, CancellationToken ct = default)
    {
        SqliteCommentStore.Open(sqlitePath).Dispose();
        await using var source = new NpgsqlConnection(PostgresUrl.Parse(url).ConnectionString);
        await source.OpenAsync(ct);
        await using var snapshot = await source.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Pooling = false }.ToString());
        await target.OpenAsync(ct);
        await using var write = (SqliteTransaction)await target.BeginTransactionAsync(ct);
        // The file is new: what the store made on opening it (its own session key) gives way to the database's.
        await target.ExecuteAsync(new CommandDefinition("DELETE FROM preferences", transaction: write, cancellationToken: ct));
        await CopyAsync(source, "SELECT key, value FROM preferences", target, write, "INSERT INTO preferences (key, value) VALUES ($0, $1)", ct);
        foreach (var (select, insert) in Tables)
        {
            await CopyAsync(source, select, target, write, insert, ct);
        }
        await write.CommitAsync(ct);
    }

    private static async Task CopyAsync(NpgsqlConnection source, string select, SqliteConnection target, SqliteTransaction write, string insert,
        CancellationToken ct)
    {
        await using var reader = await source.ExecuteReaderAsync(new CommandDefinition(select, cancellationToken: ct));
        await using var command = target.CreateCommand();
        command.Transaction = write;
        command.CommandText = insert;
        var values = Enumerable.Range(0, reader.FieldCount).Select(i => command.Parameters.Add(new SqliteParameter { ParameterName = $"${i}" })).ToArray();
        while (await reader.ReadAsync(ct))
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i].Value = Value(reader, i);
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    // SQLite has no boolean: Parley's flags are 0 and 1 there.
    private static object Value(DbDataReader reader, int i) => reader.GetValue(i) switch
    {
        bool flag => flag ? 1L : 0L,
        var value => value,
    };
}
