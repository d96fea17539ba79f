using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Core.Security;

namespace Parley.Storage.Sqlite;

/// <summary>The user_version chain of spec/storage.md §3: each step in its own transaction.</summary>
internal static partial class IssoSchema
{
    private static void Migrate(SqliteConnection connection, string? legacySessionKey)
    {
        for (var version = UserVersion(connection); version < Version; version = UserVersion(connection))
        {
            Action<SqliteConnection, SqliteTransaction> step = version switch
            {
                0 => ResetVoters,
                1 => (c, t) => StoreLegacySessionKey(c, t, legacySessionKey),
                2 => FlattenNesting,
                3 => AddNotificationColumn,
                4 => RequireText,
                _ => throw new InvalidOperationException($"Unknown database version {version}."),
            };
            using var transaction = connection.BeginTransaction();
            try
            {
                step(connection, transaction);
                SetUserVersion(connection, version + 1, transaction);
                transaction.Commit();
            }
            catch (SqliteException e) when (version == 4)
            {
                transaction.Rollback();
                throw new InvalidOperationException($"Migrating DB version 4 to 5 failed: {SqliteMessage(e)}", e);
            }
        }
    }

    // 0 → 1: early versions filled voters wrongly; every comment gets the filter of 127.0.0.0 only.
    private static void ResetVoters(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute(
            "UPDATE comments SET voters = @voters",
            new { voters = VotersFilter.Create("127.0.0.0") },
            transaction);

    // 1 → 2: the session key used to live in the configuration.
    private static void StoreLegacySessionKey(SqliteConnection connection, SqliteTransaction transaction, string? key)
    {
        if (!string.IsNullOrEmpty(key))
        {
            connection.Execute(
                "UPDATE preferences SET value = @key WHERE key = 'session-key'",
                new { key },
                transaction);
        }
    }

    // 2 → 3: nesting is one level deep; every descendant of a top-level comment now names it as parent.
    private static void FlattenNesting(SqliteConnection connection, SqliteTransaction transaction)
    {
        var rows = new List<(long Id, long? Parent)>();
        using (var reader = connection.ExecuteReader(
            "SELECT id, CAST(parent AS INTEGER) FROM comments", transaction: transaction))
        {
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1)));
            }
        }
        var children = rows.Where(r => r.Parent is not null).ToLookup(r => r.Parent!.Value, r => r.Id);

        foreach (var root in rows.Where(r => r.Parent is null).Select(r => r.Id))
        {
            var seen = new HashSet<long> { root };
            var pending = new Queue<long>(children[root]);
            while (pending.TryDequeue(out var id))
            {
                if (!seen.Add(id))
                {
                    continue;
                }
                connection.Execute(
                    "UPDATE comments SET parent = @root WHERE id = @id",
                    new { root, id },
                    transaction);
                foreach (var child in children[id])
                {
                    pending.Enqueue(child);
                }
            }
        }
    }

    // 3 → 4: Isso 0.12.x databases may already have the column.
    private static void AddNotificationColumn(SqliteConnection connection, SqliteTransaction transaction)
    {
        var columns = connection.Query<string>(
            "SELECT name FROM pragma_table_info('comments')", transaction: transaction);
        if (!columns.Contains("notification", StringComparer.Ordinal))
        {
            connection.Execute(
                "ALTER TABLE comments ADD COLUMN notification INTEGER DEFAULT 0", transaction: transaction);
        }
    }

    // 4 → 5: text becomes NOT NULL, which SQLite can only do by rebuilding the table.
    private static void RequireText(SqliteConnection connection, SqliteTransaction transaction)
    {
        const string rebuild = "UPDATE comments SET text = '' WHERE text IS NULL;" +
            "CREATE TABLE comments_new " + CommentsColumns + ";" + """
            INSERT INTO comments_new (tid, id, parent, created, modified, mode, remote_addr, text,
                                      author, email, website, likes, dislikes, voters, notification)
            SELECT tid, id, parent, created, modified, mode, remote_addr, text,
                   author, email, website, likes, dislikes, voters, notification
            FROM comments;
            ALTER TABLE comments RENAME TO comments_backup_v4;
            ALTER TABLE comments_new RENAME TO comments;
            DROP TABLE comments_backup_v4;
            """;
        connection.Execute(rebuild, transaction: transaction);
    }

    // The driver wraps SQLite's own text as "SQLite Error <n>: '<message>'."; the start-up error quotes SQLite's.
    private static string SqliteMessage(SqliteException e)
    {
        var match = DriverMessage().Match(e.Message);
        return match.Success ? match.Groups["message"].Value : e.Message;
    }

    [GeneratedRegex(@"^SQLite Error \d+: '(?<message>.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex DriverMessage();
}
