using System.Net;
using Parley.Api.Tests.Lifecycle;
using Parley.Api.Tests.Support;
using Parley.Tests.Shared;
using static Parley.Api.Tests.Deployment.ServerProcessWire;

namespace Parley.Api.Tests.Engines;

/// <summary>
/// The PostgreSQL server goes out of reach (the network to it cut, then mended): requests get 503 with a sentence, never a
/// stack trace, /info says so, nothing is acknowledged that was not stored, and everything works again once it answers.
/// </summary>
public sealed class DatabaseDownTests
{
    [SkippableFact]
    public async Task RequestsGet503WhileTheDatabaseIsOutOfReachAndWorkAgainAfter()
    {
        var server = new Uri(TestPostgres.Require());
        using var database = TestPostgres.CreateDatabase();
        await using var relay = new TcpRelay(FreePort.Next(), server.Host, server.Port);
        relay.Start();
        var viaRelay = new UriBuilder(database.Url) { Port = relay.Port }.Uri.ToString();
        await using var app = await TestApp.StartAsync(c => c with { General = c.General with { DbPath = viaRelay } });
        var before = await app.CommentAsync("/down/", "Before the cut");

        relay.Stop();

        using (var posted = await app.PostNewAsync("/down/", """{"text":"During the cut","title":"Down"}"""))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, posted.StatusCode);
            Assert.Equal("5", Wire.Header(posted, "Retry-After"));
            var body = await posted.Content.ReadAsStringAsync();
            Assert.Contains("cannot reach its database", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
        }
        using (var fetch = await app.GetAsync("/?uri=%2Felsewhere%2F"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, fetch.StatusCode);
        }
        using (var info = await app.GetAsync("/info"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, info.StatusCode);
            Assert.Equal("unavailable", (await Wire.JsonOf(info)).GetProperty("database").GetString());
        }

        relay.Start();

        using (var info = await app.GetAsync("/info"))
        {
            Assert.Equal(HttpStatusCode.OK, info.StatusCode);
            Assert.False((await Wire.JsonOf(info)).TryGetProperty("database", out _));
        }
        var after = await app.CommentAsync("/down/", "After the cut");
        var thread = await app.FetchAsync("uri=%2Fdown%2F");
        Assert.Equal([before.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), after.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            Wire.Ids(thread.GetProperty("replies")));
        Assert.Contains("The database is unavailable", string.Join('\n', app.Logs.Lines), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RunWaitsForADatabaseThatDoesNotAnswerYet()
    {
        var server = new Uri(TestPostgres.Require());
        using var database = TestPostgres.CreateDatabase();
        await using var relay = new TcpRelay(FreePort.Next(), server.Host, server.Port);
        var work = Directory.CreateTempSubdirectory("parley-wait-");
        try
        {
            var port = FreePort.Next();
            var config = WriteConfig(Path.Combine(work.FullName, "isso.cfg"), new UriBuilder(database.Url) { Port = relay.Port }.Uri.ToString(), port);
            // The database comes up a few seconds after Parley.
            var late = Task.Delay(TimeSpan.FromSeconds(3)).ContinueWith(_ => relay.Start(), TaskScheduler.Default);

            await using var parley = await InstalledServer.StartBuiltAsync(config, port);
            await late;

            Assert.Contains("Waiting for the database (attempt 1): [general] dbpath postgresql://parley:***@", parley.Output, StringComparison.Ordinal);
            Assert.Contains("cannot be reached", parley.Output, StringComparison.Ordinal);
            var (status, _) = await NewAsync(Client(parley), "/late/", "Once it answered");
            Assert.Equal(HttpStatusCode.Created, status);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
