using System.Net;
using Parley.Api.Tests.Support;
using Parley.Core.Config;
using Parley.Storage.Tests.Sqlite;
using Parley.Tests.Shared;

namespace Parley.Api.Tests.Engines;

/// <summary>
/// <c>parley import-db</c> moves an Isso database of every schema version into PostgreSQL: afterwards the API answers
/// exactly as it did on the SQLite file, and an edit cookie and a moderation link issued before the move still work.
/// </summary>
public sealed class ImportDbTests
{
    public static TheoryData<int, bool> Versions => LegacyDatabase.Versions;

    private static ParleyConfig Site(ParleyConfig c, string dbpath) => c with
    {
        General = c.General with { DbPath = dbpath, LatestEnabled = true },
        Admin = c.Admin with { Enabled = true, Password = AdminWire.Password },
        Rss = c.Rss with { Base = "https://blog.example.tld/" },
    };

    [SkippableTheory]
    [MemberData(nameof(Versions))]
    public async Task AnIssoDatabaseMovesWithEveryCommentItsCookiesAndItsLinks(int version, bool hasNotification)
    {
        TestPostgres.Require();
        using var fixture = new TempDatabase();
        LegacyDatabase.Create(fixture, version, hasNotification, textNullable: version < 5);
        using var target = TestPostgres.CreateDatabase();

        Created written;
        string moderationKey;
        IReadOnlyList<string> before;
        await using (var sqlite = await TestApp.StartAsync(c => Site(c, fixture.Path)))
        {
            written = await sqlite.CommentAsync("/a", "Written before the move");
            moderationKey = sqlite.Tokens().ModerationKey(9);
            before = await AnswersAsync(sqlite);
            await sqlite.Store.Destinations.SetAsync("webhook https://gone.example/", 0, null, 1234.5, "answered 410 Gone");
        }

        using var config = TempConfig.Of($"[general]\ndbpath = {target.Url}\n");
        var moved = await ParleyCli.RunAsync("-c", config.Path, "import-db", fixture.Path);
        Assert.True(moved.ExitCode == 0, moved.ToString());
        Assert.Contains("2 threads, 10 comments", moved.Output, StringComparison.Ordinal);

        await using var postgres = await TestApp.StartAsync(c => Site(c, target.Url));
        // The same moment as the answers before the move (moderation keys carry their time): signed alike, with the moved key.
        postgres.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(before, await AnswersAsync(postgres));
        // A stopped webhook stays stopped.
        Assert.Contains(new Core.Events.DestinationState("webhook https://gone.example/", false, 0, null, 1234.5, "answered 410 Gone"),
            await postgres.Store.Destinations.ListAsync());

        postgres.Clock.Advance(TimeSpan.FromSeconds(5));
        using (var edit = await postgres.SendAsync(HttpMethod.Put, $"/id/{written.Id}", """{"text":"Edited after the move"}""", cookie: written.Cookie))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }
        using (var activate = await postgres.PostAsync($"/id/9/activate/{moderationKey}", ""))
        {
            Assert.Equal("Comment has been activated", await activate.Content.ReadAsStringAsync());
        }
        Assert.Contains("Edited after the move", (await postgres.FetchAsync("uri=%2Fa")).ToString(), StringComparison.Ordinal);
        Assert.Equal(3, (await postgres.FetchAsync("uri=%2Fb")).GetProperty("total_replies").GetInt32() + 1);
    }

    // What a reader and the admin see of both threads, as status line and body.
    private static async Task<IReadOnlyList<string>> AnswersAsync(TestApp app)
    {
        var answers = new List<string>();
        foreach (var path in new[] { "/?uri=%2Fa", "/?uri=%2Fa&sort=upvotes&nested_limit=1", "/?uri=%2Fb", "/?uri=%2Fa&parent=2", "/feed?uri=%2Fa", "/latest?limit=20" })
        {
            using var response = await app.GetAsync(path);
            answers.Add($"{path} {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        using (var count = await app.PostAsync("/count", """["/a","/b","/c"]"""))
        {
            answers.Add($"count {(int)count.StatusCode} {await count.Content.ReadAsStringAsync()}");
        }
        var login = await app.SignInAsync();
        var all = await app.ListAsync(login, "mode=all&order_by=id&asc=1");
        answers.Add(all.ToString());
        return answers;
    }

    [SkippableFact]
    public async Task ATargetThatHoldsASiteIsLeftAloneUnlessYesReplacesIt()
    {
        TestPostgres.Require();
        using var fixture = new TempDatabase();
        LegacyDatabase.Create(fixture, 5, hasNotification: true, textNullable: false);
        using var target = TestPostgres.CreateDatabase();
        await using (var postgres = await TestApp.StartAsync(c => Site(c, target.Url)))
        {
            await postgres.CommentAsync("/already-here", "Posted on PostgreSQL");
        }
        using var config = TempConfig.Of($"[general]\ndbpath = {target.Url}\n");

        var refused = await ParleyCli.RunAsync("-c", config.Path, "import-db", fixture.Path);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("already holds 1 threads and 1 comments; pass --yes to replace them. Nothing was changed.", refused.Error, StringComparison.Ordinal);
        await using (var postgres = await TestApp.StartAsync(c => Site(c, target.Url)))
        {
            Assert.Equal("[1,0]", await (await postgres.PostAsync("/count", """["/already-here","/a"]""")).Content.ReadAsStringAsync());
        }

        var replaced = await ParleyCli.RunAsync("-c", config.Path, "import-db", "--yes", fixture.Path);

        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        await using (var postgres = await TestApp.StartAsync(c => Site(c, target.Url)))
        {
            Assert.Equal("[0,7]", await (await postgres.PostAsync("/count", """["/already-here","/a"]""")).Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task ImportDbNeedsAPostgresDbpath()
    {
        using var fixture = new TempDatabase();
        LegacyDatabase.Create(fixture, 5, hasNotification: true, textNullable: false);
        using var config = TempConfig.Of("[general]\ndbpath = /tmp/parley-not-postgres.db\n");

        var result = await ParleyCli.RunAsync("-c", config.Path, "import-db", fixture.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("set it to postgresql://user:password@host:port/dbname first", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists("/tmp/parley-not-postgres.db"));
    }
}
