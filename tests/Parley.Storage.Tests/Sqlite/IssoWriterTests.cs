using Dapper;
using Parley.Core.Comments;
using Parley.Core.Config;
using Parley.Core.Events;
using Parley.Core.Security;
using Parley.Core.Spam;
using Parley.Storage.Sqlite;
using Parley.Storage.Tests.Support;

namespace Parley.Storage.Tests.Sqlite;

/// <summary>
/// A database Parley has written, events and all, is still one Isso opens and writes (spec/storage.md §3, §5): its
/// tables are Isso's plus <c>parley_*</c>, and Isso's own statements run on it, recorded for the read caches.
/// </summary>
public sealed class IssoWriterTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task IssoStatementsRunOnAFileParleyWroteAndItsChangesAreRecorded()
    {
        long last;
        using (var store = SqliteCommentStore.Open(_database.Path))
        {
            var service = new CommentService(new LiveConfig(new ParleyConfig { Guard = new GuardConfig { Enabled = false } }), store,
                new PageTitle(new HttpClient()), new EventSignal(), TimeProvider.System, new ProofOfWork(store.SessionKey, TimeProvider.System));
            var site = new SiteAddress("https://blog.example", "https://comments.example");
            var root = await service.CreateAsync("/post/", new CommentInput { Text = "root", Title = "Post" }, "192.0.2.0", site);
            await service.VoteAsync(root.Id, upvote: true, "198.51.100.0");
            Assert.NotEmpty(await store.Events.ReadAsync(0, 10));
            last = (await store.ThreadChangesAsync(0)).Last;
        }

        using var connection = _database.Connect();
        // Isso 0.14's start-up reads the version and the key; its statements name Isso's tables only.
        Assert.Equal(5, connection.ExecuteScalar<long>("PRAGMA user_version"));
        Assert.Equal(["preferences", "threads", "comments"],
            connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'parley_%' ORDER BY rowid"));
        connection.Execute("INSERT INTO threads (uri, title) VALUES ('/isso/', 'Written by Isso')");
        connection.Execute("""
            INSERT INTO comments (tid, parent, created, modified, mode, remote_addr, text, author, email, website, voters, notification)
            SELECT threads.id, NULL, 1700000000.5, NULL, 1, '203.0.113.0', 'from Isso', NULL, NULL, NULL, @voters, 0
            FROM threads WHERE threads.uri = '/isso/'
            """, new { voters = VotersFilter.Create("203.0.113.0") });
        connection.Execute("UPDATE comments SET likes = likes + 1 WHERE text = 'from Isso'");
        connection.Execute("DELETE FROM comments WHERE mode = 2 AND 1700000100 - created > 0");
        var issoThread = connection.ExecuteScalar<long>("SELECT id FROM threads WHERE uri = '/isso/'");

        using var reopened = SqliteCommentStore.Open(_database.Path);
        var changes = await reopened.ThreadChangesAsync(last);
        Assert.Contains(issoThread, changes.Threads);
        Assert.Contains(0L, changes.Threads);
        Assert.Equal(2, (await reopened.CountPublishedAsync(["/post/", "/isso/"])).Sum());
    }
}
