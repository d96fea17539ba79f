using System.Net;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

/// <summary>Kept answers of thread fetches and counts: every committed write, from anywhere, retires them.</summary>
public sealed class ReadCacheTests
{
    private static async Task<HttpResponseMessage> FetchWithTagAsync(TestApp app, string query, string? etag = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, "/?" + query);
        if (etag is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        }
        return await app.Client.SendAsync(request);
    }

    private static async Task<string> CountAsync(TestApp app, string body)
    {
        using var response = await app.PostAsync("/count", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task AFetchCarriesAnETagAndIsAnswered304WhileNothingChanged()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/a", "first");

        using var first = await FetchWithTagAsync(app, "uri=%2Fa");
        var etag = first.Headers.ETag?.ToString();
        Assert.NotNull(etag);
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());

        using var again = await FetchWithTagAsync(app, "uri=%2Fa", etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag?.ToString());
        Assert.Equal("https://example.tld", Wire.Header(again, "Access-Control-Allow-Origin"));

        using var weak = await FetchWithTagAsync(app, "uri=%2Fa", "W/" + etag);
        Assert.Equal(HttpStatusCode.NotModified, weak.StatusCode);
        using var other = await FetchWithTagAsync(app, "uri=%2Fa", "\"something-else\"");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ANewCommentChangesTheAnswerAndItsETag()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/a", "first");
        using var before = await FetchWithTagAsync(app, "uri=%2Fa");
        var etag = before.Headers.ETag!.ToString();

        await app.CommentAsync("/a", "second");

        using var after = await FetchWithTagAsync(app, "uri=%2Fa", etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag?.ToString());
        Assert.Equal(["1", "2"], Wire.Ids((await Wire.JsonOf(after)).GetProperty("replies")));
    }

    [Fact]
    public async Task VotesEditsAndDeletesShowAtOnce()
    {
        await using var app = await TestApp.StartAsync();
        var one = await app.CommentAsync("/a", "first");
        await app.CommentAsync("/a", "second");
        Assert.Equal(0, (await app.FetchAsync("uri=%2Fa")).GetProperty("replies")[0].GetProperty("likes").GetInt32());

        using (var like = await app.SendAsync(HttpMethod.Post, "/id/2/like", ip: Wire.FreshAddress()))
        {
            Assert.Equal(HttpStatusCode.OK, like.StatusCode);
        }
        Assert.Equal(1, (await app.FetchAsync("uri=%2Fa")).GetProperty("replies")[1].GetProperty("likes").GetInt32());

        string cookie;
        using (var edit = await app.SendAsync(HttpMethod.Put, "/id/1", """{"text":"edited"}""", cookie: one.Cookie))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
            // The owner's cookie is bound to the text, so the edit hands out a new one.
            cookie = Wire.CookiePair(edit, "1");
        }
        Assert.Equal("<p>edited</p>", (await app.FetchAsync("uri=%2Fa")).GetProperty("replies")[0].GetProperty("text").GetString());

        using (var delete = await app.SendAsync(HttpMethod.Delete, "/id/1", cookie: cookie))
        {
            Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        }
        Assert.Equal(["2"], Wire.Ids((await app.FetchAsync("uri=%2Fa")).GetProperty("replies")));
    }

    [Fact]
    public async Task AChangeMadeByAnotherProgramIsSeenByTheNextRead()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/a", "first");
        await app.CommentAsync("/a", "second");
        Assert.Equal("<p>first</p>", (await app.FetchAsync("uri=%2Fa")).GetProperty("replies")[0].GetProperty("text").GetString());
        Assert.Equal("[2]", await CountAsync(app, """["/a"]"""));

        // An Isso server or a CLI import on the same file: a connection of its own, outside the app.
        await using (var other = new SqliteConnection($"Data Source={app.DbPath};Pooling=False"))
        {
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            command.CommandText = "UPDATE comments SET text = 'changed elsewhere' WHERE id = 1; UPDATE comments SET mode = 2 WHERE id = 2";
            await command.ExecuteNonQueryAsync();
        }

        var replies = (await app.FetchAsync("uri=%2Fa")).GetProperty("replies");
        Assert.Equal(["1"], Wire.Ids(replies));
        Assert.Equal("<p>changed elsewhere</p>", replies[0].GetProperty("text").GetString());
        Assert.Equal("[1]", await CountAsync(app, """["/a"]"""));
    }

    [Fact]
    public async Task CountsFollowNewCommentsAndEachBodyGetsItsOwnAnswer()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/a");
        Assert.Equal("[1,0]", await CountAsync(app, """["/a","/b"]"""));
        Assert.Equal("[0,1]", await CountAsync(app, """["/b","/a"]"""));

        await app.CommentAsync("/b");
        Assert.Equal("[1,1]", await CountAsync(app, """["/a","/b"]"""));

        // A broken body is never served a kept answer, however close it is to a good one.
        using var broken = await app.PostAsync("/count", """["/a","/b" """);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("[1,1]", await CountAsync(app, """["/a","/b"]"""));
    }

    [Fact]
    public async Task HeadGetsTheHeadersOfTheKeptAnswerWithoutItsBody()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/a");
        using var get = await FetchWithTagAsync(app, "uri=%2Fa");
        using var head = await FetchWithTagAsync(app, "uri=%2Fa", method: HttpMethod.Head);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnUnknownThreadIsKeptUntilItsFirstComment()
    {
        await using var app = await TestApp.StartAsync();
        Assert.Empty(Wire.Ids((await app.FetchAsync("uri=%2Fnew")).GetProperty("replies")));
        await app.CommentAsync("/new");
        Assert.Equal(["1"], Wire.Ids((await app.FetchAsync("uri=%2Fnew")).GetProperty("replies")));
    }
}
