using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

/// <summary>
/// Acceptance: a database created with the DDL of each schema version 0 to 5 (spec/storage.md) opens,
/// migrates to 5 and serves its comments unchanged, over HTTP. Store-level details are in Parley.Storage.Tests.
/// </summary>
public sealed class MigrationServingTests
{
    private const string Uri = "/migrated/post/";

    private sealed record Row(long Id, long? Parent, double Created, int Mode, string Text, string? Author, string? Website, int Likes, int Dislikes);

    // Ids 1 and 2 are top-level; 3 replies to 1; 4 replies to 3 in versions before flattening (0-2) and to 1 after;
    // 5 is pending and never served.
    private static Row[] Rows(int version) =>
    [
        new(1, null, 1700000000.123456, 1, "First *top-level* comment\n\nwith two paragraphs", "Ann &amp; Co", "http://ann.example/blog", 3, 1),
        new(2, null, 1700000100.5, 1, "Second **top-level** comment", "Bob &lt;b&gt;", null, 0, 2),
        new(3, 1, 1700000200.25, 1, "A reply to the first", null, "https://cy.example", 1, 0),
        new(4, version < 3 ? 3 : 1, 1700000300.0625, 1, "A reply to the reply", "Dee", null, 7, 0),
        new(5, null, 1700000400.75, 2, "Pending, awaiting moderation", "Eve", null, 0, 0),
    ];

    private static string CommentsDdl(int version) => version switch
    {
        < 4 => """
            CREATE TABLE comments (
              tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
              created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,
              text VARCHAR, author VARCHAR, email VARCHAR, website VARCHAR,
              likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL)
            """,
        4 => """
            CREATE TABLE comments (
              tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
              created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,
              text VARCHAR, author VARCHAR, email VARCHAR, website VARCHAR,
              likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL,
              notification INTEGER DEFAULT 0)
            """,
        _ => """
            CREATE TABLE comments (
              tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
              created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,
              text VARCHAR NOT NULL, author VARCHAR, email VARCHAR, website VARCHAR,
              likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL,
              notification INTEGER DEFAULT 0)
            """,
    };

    private static void CreateDatabase(string dbPath, int version)
    {
        using var connection = Open(dbPath);
        Execute(connection, "CREATE TABLE preferences (key VARCHAR PRIMARY KEY, value VARCHAR)");
        Execute(connection, "CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256))");
        Execute(connection, CommentsDdl(version));
        Execute(connection, """
            CREATE TRIGGER remove_stale_threads AFTER DELETE ON comments
            BEGIN
                DELETE FROM threads WHERE id NOT IN (SELECT tid FROM comments);
            END
            """);
        Execute(connection, $"INSERT INTO threads (id, uri, title) VALUES (1, '{Uri}', 'A migrated post')");
        foreach (var row in Rows(version))
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO comments (tid, id, parent, created, modified, mode, remote_addr, text, author, email, website, likes, dislikes, voters)
                VALUES (1, $id, $parent, $created, NULL, $mode, '192.0.2.0', $text, $author, NULL, $website, $likes, $dislikes, $voters)
                """;
            insert.Parameters.AddWithValue("$id", row.Id);
            insert.Parameters.AddWithValue("$parent", (object?)row.Parent ?? DBNull.Value);
            insert.Parameters.AddWithValue("$created", row.Created);
            insert.Parameters.AddWithValue("$mode", row.Mode);
            insert.Parameters.AddWithValue("$text", row.Text);
            insert.Parameters.AddWithValue("$author", (object?)row.Author ?? DBNull.Value);
            insert.Parameters.AddWithValue("$website", (object?)row.Website ?? DBNull.Value);
            insert.Parameters.AddWithValue("$likes", row.Likes);
            insert.Parameters.AddWithValue("$dislikes", row.Dislikes);
            insert.Parameters.AddWithValue("$voters", new byte[256]);
            insert.ExecuteNonQuery();
        }
        Execute(connection, $"PRAGMA user_version = {version}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task ADatabaseOfEachSchemaVersionMigratesAndServesItsCommentsUnchanged(int version)
    {
        await using var app = await TestApp.StartAsync(prepare: path => CreateDatabase(path, version));
        var rows = Rows(version).ToDictionary(r => r.Id);

        using var fetched = await app.Client.GetAsync(new Uri($"/?uri={System.Uri.EscapeDataString(Uri)}&plain=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        using var thread = JsonDocument.Parse(await fetched.Content.ReadAsStringAsync());
        var topLevel = thread.RootElement.GetProperty("replies").EnumerateArray().ToList();
        Assert.Equal([1L, 2L], topLevel.Select(c => c.GetProperty("id").GetInt64()));
        var first = topLevel[0].GetProperty("replies").EnumerateArray().ToList();
        // The reply to a reply (4) is served under its top-level ancestor, whatever the version stored.
        Assert.Equal([3L, 4L], first.Select(c => c.GetProperty("id").GetInt64()));
        Assert.Empty(topLevel[1].GetProperty("replies").EnumerateArray());
        Assert.Equal(4, thread.RootElement.GetProperty("total_replies").GetInt32());

        foreach (var served in topLevel.Concat(first))
        {
            var row = rows[served.GetProperty("id").GetInt64()];
            var expectedParent = row.Parent is null ? (long?)null : 1;
            Assert.Equal(expectedParent, served.GetProperty("parent").ValueKind == JsonValueKind.Null ? null : served.GetProperty("parent").GetInt64());
            Assert.Equal(row.Text, served.GetProperty("text").GetString());
            Assert.Equal(row.Author, served.GetProperty("author").GetString());
            Assert.Equal(row.Website, served.GetProperty("website").GetString());
            Assert.Equal(row.Created, served.GetProperty("created").GetDouble());
            Assert.Equal(JsonValueKind.Null, served.GetProperty("modified").ValueKind);
            Assert.Equal(row.Mode, served.GetProperty("mode").GetInt32());
            Assert.Equal(row.Likes, served.GetProperty("likes").GetInt32());
            Assert.Equal(row.Dislikes, served.GetProperty("dislikes").GetInt32());
        }

        Assert.Equal("[4,0]", await CountAsync(app, Uri, "/not/migrated/"));

        using (var connection = Open(app.DbPath))
        {
            Assert.Equal(5L, Scalar(connection, "PRAGMA user_version"));
            Assert.Equal(5L, Scalar(connection, "SELECT count(*) FROM comments WHERE tid = 1"));
        }

        using var posted = await app.Client.PostAsync(new Uri($"/new?uri={System.Uri.EscapeDataString(Uri)}", UriKind.Relative),
            TestApp.Json("""{"text": "A new comment after the migration", "author": "Fay"}"""));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        using var created = JsonDocument.Parse(await posted.Content.ReadAsStringAsync());
        Assert.Equal(6, created.RootElement.GetProperty("id").GetInt64());
        Assert.Equal("[5]", await CountAsync(app, Uri));
    }

    private static async Task<string> CountAsync(TestApp app, params string[] uris)
    {
        using var response = await app.Client.PostAsync(new Uri("/count", UriKind.Relative), TestApp.Json(JsonSerializer.Serialize(uris)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).Replace(" ", "", StringComparison.Ordinal);
    }

    private static SqliteConnection Open(string dbPath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
