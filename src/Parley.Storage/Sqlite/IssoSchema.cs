using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Parley.Storage.Sqlite;

/// <summary>
/// Isso's database layout (spec/storage.md §1) and its start-up sequence (§3): create what is missing,
/// migrate older files up to <see cref="Version"/>, then add the trigger and Parley's indexes.
/// </summary>
internal static partial class IssoSchema
{
    public const int Version = 5;

    internal const string CreatePreferences = """
        CREATE TABLE IF NOT EXISTS preferences (key VARCHAR PRIMARY KEY, value VARCHAR)
        """;

    internal const string CreateThreads = """
        CREATE TABLE IF NOT EXISTS threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256))
        """;

    // Column order is the contract: Isso maps SELECT * by position.
    internal const string CommentsColumns = """
        (
          tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
          created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,
          text VARCHAR NOT NULL, author VARCHAR, email VARCHAR, website VARCHAR,
          likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL,
          notification INTEGER DEFAULT 0)
        """;

    internal const string CreateComments = "CREATE TABLE IF NOT EXISTS comments " + CommentsColumns;

    internal const string CreateTrigger = """
        CREATE TRIGGER IF NOT EXISTS remove_stale_threads AFTER DELETE ON comments
        BEGIN
            DELETE FROM threads WHERE id NOT IN (SELECT tid FROM comments);
        END
        """;

    // Not part of Isso's schema; extra indexes are invisible to Isso and serve the read and guard paths.
    private const string CreateIndexes = """
        CREATE INDEX IF NOT EXISTS parley_comments_tid_parent_created ON comments (tid, parent, created);
        CREATE INDEX IF NOT EXISTS parley_comments_parent ON comments (parent);
        CREATE INDEX IF NOT EXISTS parley_comments_remote_addr_created ON comments (remote_addr, created);
        CREATE INDEX IF NOT EXISTS parley_comments_email ON comments (email);
        CREATE INDEX IF NOT EXISTS parley_comments_mode_created ON comments (mode, created);
        -- Counts of published comments per thread read this index alone, not every row of the thread.
        CREATE INDEX IF NOT EXISTS parley_comments_tid_mode ON comments (tid, mode);
        """;

    // Parley's own tables: Isso never reads them, so an Isso server can still open the file.
    private const string CreateParleyTables = """
        CREATE TABLE IF NOT EXISTS parley_outbox (
          id INTEGER PRIMARY KEY, created FLOAT NOT NULL, envelope_from VARCHAR NOT NULL,
          recipient VARCHAR NOT NULL, message BLOB NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
          due FLOAT, last_error VARCHAR);
        CREATE INDEX IF NOT EXISTS parley_outbox_due ON parley_outbox (due);
        CREATE TABLE IF NOT EXISTS parley_confirmed_addresses (email VARCHAR PRIMARY KEY, confirmed FLOAT NOT NULL);
        CREATE TABLE IF NOT EXISTS parley_admin_sessions (id VARCHAR PRIMARY KEY, expires FLOAT NOT NULL);
        CREATE TABLE IF NOT EXISTS parley_admin_password (fingerprint VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS parley_spent_challenges (challenge VARCHAR PRIMARY KEY, expires FLOAT NOT NULL);
        CREATE INDEX IF NOT EXISTS parley_spent_challenges_expires ON parley_spent_challenges (expires);
        CREATE TABLE IF NOT EXISTS parley_hold_reasons (id INTEGER PRIMARY KEY, created FLOAT NOT NULL, reason VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS parley_bans (
          id INTEGER PRIMARY KEY, kind VARCHAR NOT NULL, value VARCHAR NOT NULL, action VARCHAR NOT NULL, created FLOAT NOT NULL,
          UNIQUE (kind, value));
        CREATE TABLE IF NOT EXISTS parley_login_failures (
          address VARCHAR PRIMARY KEY, count INTEGER NOT NULL, last FLOAT NOT NULL, locked_until FLOAT NOT NULL);
        """;

    // The event log (spec/events.md §4), where each destination stands in it (seq is the rowid, see SqliteEventLog), and
    // each destination's lease, retry state and last deliveries (see DestinationLog).
    private const string CreateEventTables = """
        CREATE TABLE IF NOT EXISTS parley_events (
          seq INTEGER PRIMARY KEY, type VARCHAR NOT NULL, created FLOAT NOT NULL, by VARCHAR NOT NULL,
          tid INTEGER, uri VARCHAR, title VARCHAR, comment_id INTEGER, parent INTEGER, comment_created FLOAT,
          modified FLOAT, mode INTEGER, text VARCHAR, author VARCHAR, website VARCHAR, likes INTEGER, dislikes INTEGER,
          placeholder INTEGER NOT NULL DEFAULT 0, upvote INTEGER, origin VARCHAR, endpoint VARCHAR,
          confirm INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS parley_events_created ON parley_events (created);
        CREATE TABLE IF NOT EXISTS parley_event_cursors (destination VARCHAR PRIMARY KEY, seq INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS parley_destinations (
          destination VARCHAR PRIMARY KEY, holder VARCHAR, held_until FLOAT, failures INTEGER NOT NULL DEFAULT 0,
          retry_at FLOAT, disabled FLOAT, reason VARCHAR);
        CREATE TABLE IF NOT EXISTS parley_deliveries (
          id INTEGER PRIMARY KEY, destination VARCHAR NOT NULL, seq INTEGER NOT NULL, event_id VARCHAR NOT NULL,
          type VARCHAR NOT NULL, at FLOAT NOT NULL, ok INTEGER NOT NULL, result VARCHAR NOT NULL, attempt INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS parley_deliveries_destination ON parley_deliveries (destination, id);
        """;

    // Per thread, the number of the last change to its comments (see SqliteCommentStore.Changes), and under thread id 0
    // the last thread created: triggers, so that writers that know nothing of Parley (an Isso server) are recorded too.
    private const string CreateChangeRecord = """
        CREATE TABLE IF NOT EXISTS parley_changes (tid INTEGER PRIMARY KEY, seq INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS parley_changes_seq ON parley_changes (seq);
        CREATE TRIGGER IF NOT EXISTS parley_changed_on_insert AFTER INSERT ON comments BEGIN
          INSERT OR REPLACE INTO parley_changes (tid, seq) VALUES (NEW.tid, (SELECT coalesce(max(seq), 0) + 1 FROM parley_changes));
        END;
        CREATE TRIGGER IF NOT EXISTS parley_changed_on_update AFTER UPDATE ON comments BEGIN
          INSERT OR REPLACE INTO parley_changes (tid, seq) VALUES (NEW.tid, (SELECT coalesce(max(seq), 0) + 1 FROM parley_changes));
        END;
        CREATE TRIGGER IF NOT EXISTS parley_changed_on_delete AFTER DELETE ON comments BEGIN
          INSERT OR REPLACE INTO parley_changes (tid, seq) VALUES (OLD.tid, (SELECT coalesce(max(seq), 0) + 1 FROM parley_changes));
        END;
        CREATE TRIGGER IF NOT EXISTS parley_changed_on_new_thread AFTER INSERT ON threads BEGIN
          INSERT OR REPLACE INTO parley_changes (tid, seq) VALUES (0, (SELECT coalesce(max(seq), 0) + 1 FROM parley_changes));
        END;
        """;

    // Per comment row, a version that every update and delete of it raises (see KnownRows and KnownListings). Inserts
    // need none: a new id was never read and is above every id read before, and a reused id carries the version its
    // deletion gave it.
    private const string CreateRowVersions = """
        CREATE TABLE IF NOT EXISTS parley_row_versions (cid INTEGER PRIMARY KEY, seq INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS parley_row_versions_seq ON parley_row_versions (seq);
        CREATE TRIGGER IF NOT EXISTS parley_row_changed_on_update AFTER UPDATE ON comments BEGIN
          INSERT OR REPLACE INTO parley_row_versions (cid, seq) VALUES (NEW.id, (SELECT coalesce(max(seq), 0) + 1 FROM parley_row_versions));
        END;
        CREATE TRIGGER IF NOT EXISTS parley_row_changed_on_delete AFTER DELETE ON comments BEGIN
          INSERT OR REPLACE INTO parley_row_versions (cid, seq) VALUES (OLD.id, (SELECT coalesce(max(seq), 0) + 1 FROM parley_row_versions));
        END;
        """;

    /// <summary>Brings the database behind <paramref name="connection"/> to version 5 and returns its session key.</summary>
    public static string Initialise(SqliteConnection connection, string? legacySessionKey)
    {
        const string anyTable = """
            SELECT EXISTS (SELECT 1 FROM sqlite_master
                           WHERE type = 'table' AND name IN ('threads', 'comments', 'preferences'))
            """;
        var existed = connection.ExecuteScalar<bool>(anyTable);

        connection.Execute(CreatePreferences);
        connection.Execute(CreateThreads);
        connection.Execute(CreateComments);
        // A new key only when there is none: drawing one starts the system's crypto library, which a server that
        // only reads would otherwise never load.
        if (!connection.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM preferences WHERE key = 'session-key')"))
        {
            connection.Execute(
                "INSERT OR IGNORE INTO preferences (key, value) VALUES ('session-key', @key)",
                new { key = NewSessionKey() });
        }

        if (!existed)
        {
            SetUserVersion(connection, Version);
        }
        else
        {
            Migrate(connection, legacySessionKey);
        }

        connection.Execute(CreateTrigger);
        connection.Execute(CreateIndexes);
        connection.Execute(CreateParleyTables);
        AddOutboxEventKey(connection);
        connection.Execute(CreateEventTables);
        connection.Execute(CreateChangeRecord);
        connection.Execute(CreateRowVersions);
        return connection.ExecuteScalar<string>("SELECT value FROM preferences WHERE key = 'session-key'")
            ?? throw new InvalidOperationException("The session-key preference is missing.");
    }

    // Outboxes made before mails came from the event log lack the key that makes handling an event twice harmless.
    private static void AddOutboxEventKey(SqliteConnection connection)
    {
        if (!connection.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM pragma_table_info('parley_outbox') WHERE name = 'event_key')"))
        {
            connection.Execute("ALTER TABLE parley_outbox ADD COLUMN event_key VARCHAR");
        }
        connection.Execute("CREATE UNIQUE INDEX IF NOT EXISTS parley_outbox_event_key ON parley_outbox (event_key)");
    }

    public static long UserVersion(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        connection.ExecuteScalar<long>("PRAGMA user_version", transaction: transaction);

    // PRAGMA takes no parameters; the value is always one of our own integers.
    private static void SetUserVersion(SqliteConnection connection, long version, SqliteTransaction? transaction = null) =>
        connection.Execute(
            string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {version}"),
            transaction: transaction);

    private static string NewSessionKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
