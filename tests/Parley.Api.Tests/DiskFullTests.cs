using System.Net;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Parley.Api.Tests.Support;
using Parley.Http.Edge;
using Parley.Storage.Sqlite;

namespace Parley.Api.Tests;

/// <summary>
/// A database that cannot grow (SQLite answers SQLITE_FULL, exactly as on a full disk): readers get 503 with a
/// sentence, the log one line a minute instead of a stack trace per request, stored comments stay, and writes work
/// again as soon as there is room.
/// </summary>
public sealed class DiskFullTests
{
    private static readonly string Large = new('x', 60_000);

    [Fact]
    public async Task WritesAre503WithAMessageLoggedOnceAMinuteAndWorkAgainOnceThereIsRoom()
    {
        await using var app = await TestApp.StartAsync();
        var kept = await app.CommentAsync("/full", "Written before the disk filled up");
        var before = DatabaseSnapshot.Read(app.DbPath, "threads", "comments");
        var store = (SqliteCommentStore)app.Store;
        store.PageLimit = PageCount(app.DbPath);

        for (var i = 0; i < 5; i++)
        {
            using var refused = await PostAsync(app);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("503 Service Unavailable: " + DiskFull.Message, await AdminWire.MessageAsync(refused));
            Assert.Equal("60", Wire.Header(refused, "Retry-After"));
            // The embedding page must be able to read the answer.
            Assert.Equal("https://example.tld", Wire.Header(refused, "Access-Control-Allow-Origin"));
        }
        var first = Assert.Single(DiskFullLines(app));
        Assert.Null(first.Exception);
        Assert.Contains($"Cannot write to the database {app.DbPath}: the disk is full", first.Message, StringComparison.Ordinal);
        Assert.Contains("1 refused since the last message", first.Message, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        using (var again = await PostAsync(app))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, again.StatusCode);
        }
        Assert.Equal(2, DiskFullLines(app).Count);
        Assert.Contains("5 refused since the last message", DiskFullLines(app)[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Logs.Entries, e => e.Exception is not null || e.Level >= LogLevel.Critical);
        Assert.Equal(before, DatabaseSnapshot.Read(app.DbPath, "threads", "comments"));
        var published = (await app.FetchAsync("uri=%2Ffull")).GetProperty("replies");
        Assert.Equal(kept.Id, Assert.Single(published.EnumerateArray()).GetProperty("id").GetInt64());

        store.PageLimit = null;
        using var accepted = await PostAsync(app);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(2, (await app.FetchAsync("uri=%2Ffull")).GetProperty("replies").GetArrayLength());
    }

    [Fact]
    public void TheSystemsNoSpaceLeftOnDeviceCountsAsAFullDisk()
    {
        // /dev/full answers every write with ENOSPC: the error a full file system gives.
        var error = Assert.ThrowsAny<IOException>(() =>
        {
            using var stream = new FileStream("/dev/full", FileMode.Open, FileAccess.Write);
            stream.Write(new byte[4096]);
            stream.Flush();
        });
        Assert.True(DiskFull.Is(error), $"{error.GetType().Name} HResult {error.HResult}: {error.Message}");
        Assert.True(DiskFull.Is(new InvalidOperationException("wrapped", error)));
        Assert.False(DiskFull.Is(new IOException("another failure")));
        Assert.False(DiskFull.Is(new SqliteException("busy", 5)));
    }

    private static Task<HttpResponseMessage> PostAsync(TestApp app)
    {
        var request = Wire.Request(HttpMethod.Post, "/new?uri=%2Ffull", $$"""{"text":"{{Large}}","title":"Full"}""");
        request.Headers.Add("Origin", "https://example.tld");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return app.Client.SendAsync(request);
    }

    private static List<LogEntry> DiskFullLines(TestApp app) =>
        [.. app.Logs.Entries.Where(e => e.Category == typeof(DiskFull).FullName)];

    private static long PageCount(string dbPath)
    {
        using var connection = new SqliteConnection($"Data Source={dbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_count";
        return (long)command.ExecuteScalar()!;
    }
}
