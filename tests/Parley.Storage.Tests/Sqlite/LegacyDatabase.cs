using Dapper;
using Parley.Core.Security;

namespace Parley.Storage.Tests.Sqlite;

/// <summary>
/// Databases as older Isso versions left them (spec/storage.md §3), filled with the same comments:
/// thread /a holds 1, 2 and 6 (top-level) and 3, 4, 5, 7 (replies, nested below 2 before version 3);
/// thread /b holds 8 (its time stored as an integer) and 9 (pending).
/// </summary>
public static class LegacyDatabase
{
    private const string Preferences = "CREATE TABLE preferences (key VARCHAR PRIMARY KEY, value VARCHAR)";
    private const string Threads = "CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256))";
    private const string Trigger = """
        CREATE TRIGGER IF NOT EXISTS remove_stale_threads AFTER DELETE ON comments
        BEGIN
            DELETE FROM threads WHERE id NOT IN (SELECT tid FROM comments);
        END
        """;

    // Before version 4: no notification column (unless 0.12.x added it) and text may be NULL.
    private const string CommentsColumnsV0 = """
        tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
        created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,
        text VARCHAR, author VARCHAR, email VARCHAR, website VARCHAR,
        likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL
        """;

    private const string CommentsColumnsV5 = """
        tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
        created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,
        text VARCHAR NOT NULL, author VARCHAR, email VARCHAR, website VARCHAR,
        likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL,
        notification INTEGER DEFAULT 0
        """;

    /// <summary>Every schema version Isso wrote, with whether its comments table has the notification column.</summary>
    public static TheoryData<int, bool> Versions => new()
    {
        { 0, false },
        { 1, false },
        { 2, false },
        { 3, false },
        // Isso 0.12.x wrote version 3 databases that already had the notification column.
        { 3, true },
        { 4, true },
        { 5, true },
    };

    public const string StoredSessionKey = "00112233445566778899aabbccddeeff0011223344556677";

    /// <summary>Parents as stored before flattening (version &lt; 3) and after.</summary>
    public static readonly IReadOnlyDictionary<long, long> NestedParents =
        new Dictionary<long, long> { [3] = 2, [4] = 3, [7] = 3, [5] = 2 };

    public static readonly IReadOnlyDictionary<long, long> FlatParents =
        new Dictionary<long, long> { [3] = 2, [4] = 2, [5] = 2, [7] = 2 };

    public static readonly byte[] OldVoters = [1, 2, 3];

    public static readonly byte[] Voters = VotersFilter.Create("10.0.0.0");

    /// <summary>Writes the schema of <paramref name="version"/> and the sample rows into a new file.</summary>
    public static void Create(Support.TempDatabase database, int version, bool hasNotification, bool textNullable = true)
    {
        using var connection = database.Connect();
        if (version >= 2)
        {
            connection.Execute(Preferences);
            connection.Execute("INSERT INTO preferences VALUES ('session-key', @key)", new { key = StoredSessionKey });
        }
        connection.Execute(Threads);
        var columns = !textNullable ? CommentsColumnsV5
            : hasNotification ? CommentsColumnsV0 + ", notification INTEGER DEFAULT 0"
            : CommentsColumnsV0;
        connection.Execute($"CREATE TABLE comments ({columns})");
        connection.Execute(Trigger);
        connection.Execute("INSERT INTO threads VALUES (1, '/a', 'A'), (2, '/b', NULL)");

        foreach (var row in Rows(version))
        {
            var sql = hasNotification
                ? """
                  INSERT INTO comments (tid, id, parent, created, modified, mode, remote_addr, text, author, email,
                                        website, likes, dislikes, voters, notification)
                  VALUES (@Tid, @Id, @Parent, @Created, @Modified, @Mode, @RemoteAddr, @Text, @Author, @Email,
                          @Website, @Likes, @Dislikes, @Voters, @Notification)
                  """
                : """
                  INSERT INTO comments (tid, id, parent, created, modified, mode, remote_addr, text, author, email,
                                        website, likes, dislikes, voters)
                  VALUES (@Tid, @Id, @Parent, @Created, @Modified, @Mode, @RemoteAddr, @Text, @Author, @Email,
                          @Website, @Likes, @Dislikes, @Voters)
                  """;
            connection.Execute(sql, row);
        }
        // Isso wrote comment 8 with an integer time; the store must still read it as a number.
        connection.Execute("UPDATE comments SET created = 1000 WHERE id = 8");
        connection.Execute($"PRAGMA user_version = {version}");
    }

    public sealed record Row(
        long Tid, long Id, long? Parent, double Created, double? Modified, int Mode, string RemoteAddr,
        string? Text, string? Author, string? Email, string? Website, long Likes, long Dislikes, byte[] Voters,
        long? Notification);

    public static IEnumerable<Row> Rows(int version)
    {
        var parents = version < 3 ? NestedParents : FlatParents;
        for (long id = 1; id <= 9; id++)
        {
            yield return new Row(
                Tid: id <= 7 ? 1 : 2,
                Id: id,
                Parent: parents.TryGetValue(id, out var p) ? p : null,
                Created: id == 8 ? 1000 : 1000 + (id * 10) + 0.5,
                Modified: id == 5 ? 2000.25 : null,
                Mode: id == 9 ? 2 : 1,
                RemoteAddr: "10.0.0.0",
                // An empty comment saved by an old client left NULL text in version 4 databases.
                Text: version == 4 && id == 6 ? null : $"text {id}",
                Author: id == 4 ? null : $"author {id}",
                Email: id % 2 == 0 ? $"user{id}@example.org" : null,
                Website: id == 1 ? "http://example.org" : null,
                Likes: id,
                Dislikes: id % 3,
                Voters: version == 0 ? OldVoters : Voters,
                Notification: id % 2);
        }
    }
}
