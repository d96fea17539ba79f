using System.Globalization;
using System.Net;
using System.Text.Json;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class FetchTests
{
    // behaviour.md §4 worked example: 1, 2→1, 3→1, (4 elsewhere), 5, 6→2 (stored under 1), 7, 8.
    private static async Task<TestApp> WorkedExampleAsync()
    {
        var app = await TestApp.StartAsync();
        await app.CommentAsync("/a");
        await app.CommentAsync("/a", parent: 1);
        await app.CommentAsync("/a", parent: 1);
        await app.CommentAsync("/elsewhere");
        await app.CommentAsync("/a");
        var six = await app.CommentAsync("/a", parent: 2);
        Assert.Equal(1, six.Json.GetProperty("parent").GetInt64());
        await app.CommentAsync("/a");
        await app.CommentAsync("/a");
        return app;
    }

    private static string Shape(JsonElement replies) => string.Join(" ", replies.EnumerateArray().Select(r =>
        r.TryGetProperty("replies", out var nested)
            ? string.Create(CultureInfo.InvariantCulture, $"{r.GetProperty("id")}({r.GetProperty("total_replies")},{r.GetProperty("hidden_replies")},[{string.Join(",", Wire.Ids(nested))}])")
            : r.GetProperty("id").ToString()));

    [Theory]
    [InlineData("", 7, 0, "1(3,0,[2,3,6]) 5(0,0,[]) 7(0,0,[]) 8(0,0,[])")]
    [InlineData("&limit=2", 7, 2, "1(3,1,[2,3]) 5(0,0,[])")]
    [InlineData("&limit=2&nested_limit=1", 7, 2, "1(3,2,[2]) 5(0,0,[])")]
    [InlineData("&limit=1&offset=1", 7, 2, "5(0,0,[])")]
    [InlineData("&nested_limit=0", 7, 0, "1(3,3,[]) 5(0,0,[]) 7(0,0,[]) 8(0,0,[])")]
    [InlineData("&limit=0", 7, 4, "")]
    [InlineData("&limit=-1", 7, 0, "1(3,0,[2,3,6]) 5(0,0,[]) 7(0,0,[]) 8(0,0,[])")]
    [InlineData("&offset=1", 7, -1, "1(3,0,[2,3,6]) 5(0,0,[]) 7(0,0,[]) 8(0,0,[])")]
    [InlineData("&sort=newest&limit=2", 7, 2, "8(0,0,[]) 7(0,0,[])")]
    [InlineData("&parent=1", 3, 0, "2 3 6")]
    [InlineData("&parent=1&limit=1&offset=1", 3, 1, "3")]
    [InlineData("&parent=999", 0, 0, "")]
    public async Task FetchFollowsTheWorkedExampleOfIssoPaging(string query, int total, int hidden, string shape)
    {
        await using var app = await WorkedExampleAsync();
        var answer = await app.FetchAsync("uri=%2Fa" + query);
        Assert.Equal(total, answer.GetProperty("total_replies").GetInt32());
        Assert.Equal(hidden, answer.GetProperty("hidden_replies").GetInt32());
        Assert.Equal(shape, Shape(answer.GetProperty("replies")));
        var parent = query.Contains("parent=", StringComparison.Ordinal) ? query.Split("parent=")[1].Split('&')[0] : null;
        Assert.Equal(parent ?? "null", answer.GetProperty("id").ToString() is { Length: > 0 } id ? id : "null");
    }

    [Fact]
    public async Task UnknownThreadIsAnEmptyAnswerNotA404()
    {
        await using var app = await TestApp.StartAsync();
        var answer = await app.FetchAsync("uri=%2Fempty%2F");
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("id").ValueKind);
        Assert.Equal(0, answer.GetProperty("total_replies").GetInt32());
        Assert.Equal(0, answer.GetProperty("hidden_replies").GetInt32());
        Assert.Equal(0, answer.GetProperty("replies").GetArrayLength());
        Assert.False(answer.GetProperty("config").GetProperty("feed").GetBoolean());
    }

    [Fact]
    public async Task CommentsCarryExactlyIssoKeysWithRenderedText()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/k", "Hello **world**");
        var c = (await app.FetchAsync("uri=%2Fk")).GetProperty("replies")[0];
        Assert.Equal(
            ["id", "parent", "created", "modified", "mode", "text", "author", "website", "likes", "dislikes", "notification", "hash", "total_replies", "hidden_replies", "replies"],
            c.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("<p>Hello <strong>world</strong></p>", c.GetProperty("text").GetString());
        Assert.Equal(12, c.GetProperty("hash").GetString()!.Length);
    }

    [Fact]
    public async Task PlainOneReturnsTheRawMarkdown()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/p", "Hello **world**");
        var c = (await app.FetchAsync("uri=%2Fp&plain=1")).GetProperty("replies")[0];
        Assert.Equal("Hello **world**", c.GetProperty("text").GetString());
    }

    [Fact]
    public async Task AfterReturnsOnlyCommentsCreatedStrictlyLaterButCountsAll()
    {
        await using var app = await TestApp.StartAsync();
        var first = await app.CommentAsync("/t");
        await app.CommentAsync("/t");
        await app.CommentAsync("/t");
        var after = first.Json.GetProperty("created").GetDouble().ToString("R", CultureInfo.InvariantCulture);
        var answer = await app.FetchAsync("uri=%2Ft&after=" + after);
        Assert.Equal(["2", "3"], Wire.Ids(answer.GetProperty("replies")));
        Assert.Equal(3, answer.GetProperty("total_replies").GetInt32());
        Assert.Equal(1, answer.GetProperty("hidden_replies").GetInt32());
        Assert.Equal(0, (await app.FetchAsync("uri=%2Ft&after=soon")).GetProperty("replies").GetArrayLength());
    }

    [Fact]
    public async Task SortUpvotesOrdersByLikesMinusDislikes()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/v");
        await app.CommentAsync("/v");
        await app.CommentAsync("/v");
        (await app.PostAsync("/id/2/like", "")).Dispose();
        (await app.PostAsync("/id/2/like", "")).Dispose();
        (await app.PostAsync("/id/3/like", "")).Dispose();
        (await app.PostAsync("/id/1/dislike", "")).Dispose();
        Assert.Equal(["2", "3", "1"], Wire.Ids((await app.FetchAsync("uri=%2Fv&sort=upvotes")).GetProperty("replies")));
        Assert.Equal(["3", "2", "1"], Wire.Ids((await app.FetchAsync("uri=%2Fv&sort=newest")).GetProperty("replies")));
        Assert.Equal(["1", "2", "3"], Wire.Ids((await app.FetchAsync("uri=%2Fv&sort=oldest")).GetProperty("replies")));
    }

    [Fact]
    public async Task RepliesAreOldestFirstWhateverTheSort()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/r");
        await app.CommentAsync("/r", parent: 1);
        await app.CommentAsync("/r", parent: 1);
        var root = (await app.FetchAsync("uri=%2Fr&sort=newest")).GetProperty("replies")[0];
        Assert.Equal(["2", "3"], Wire.Ids(root.GetProperty("replies")));
    }

    [Theory]
    [InlineData("uri=%2Fa&sort=", "Invalid sort option. Must be one of: 'newest', 'oldest', 'upvotes'")]
    [InlineData("uri=%2Fa&sort=best", "Invalid sort option. Must be one of: 'newest', 'oldest', 'upvotes'")]
    [InlineData("uri=%2Fa&limit=two", "limit should be integer")]
    [InlineData("uri=%2Fa&offset=1.5", "offset should be integer")]
    [InlineData("uri=%2Fa&offset=-1", "offset should not be negative")]
    [InlineData("uri=%2Fa&parent=x", "parent should be integer")]
    [InlineData("uri=%2Fa&nested_limit=many", "nested_limit should be integer")]
    public async Task MalformedQueryIsA400HtmlPageWithIssoDescription(string query, string description)
    {
        await using var app = await TestApp.StartAsync();
        var request = Wire.Request(HttpMethod.Get, "/?" + query);
        request.Headers.Add("Accept", "application/json");
        using var response = await app.Client.SendAsync(request);
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.BadRequest, description);
    }

    [Fact]
    public async Task MissingUriIsA400()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.GetAsync("/");
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.BadRequest, "missing uri query");
    }

    [Fact]
    public async Task DeletedParentShowsAsAnEmptyPlaceholderWithoutAuthor()
    {
        await using var app = await TestApp.StartAsync();
        var parent = await app.CommentAsync("/d", "I will go");
        await app.CommentAsync("/d", "I stay", parent: parent.Id);
        (await app.SendAsync(HttpMethod.Put, "/id/1", """{"text": "I will go", "author": "Ann", "website": "a.tld"}""", cookie: parent.Cookie)).Dispose();
        var edited = await app.FetchAsync("uri=%2Fd");
        Assert.Equal("Ann", edited.GetProperty("replies")[0].GetProperty("author").GetString());
        var cookie = parent.Cookie;
        using (var put = await app.SendAsync(HttpMethod.Put, "/id/1", """{"text": "I will go"}""", cookie: cookie))
        {
            cookie = Wire.CookiePair(put, "1");
        }
        using (var delete = await app.SendAsync(HttpMethod.Delete, "/id/1", cookie: cookie))
        {
            Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        }
        var root = (await app.FetchAsync("uri=%2Fd")).GetProperty("replies")[0];
        Assert.Equal(4, root.GetProperty("mode").GetInt32());
        Assert.Equal("<p></p>", root.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("author").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("website").ValueKind);
        Assert.Equal(["2"], Wire.Ids(root.GetProperty("replies")));
        Assert.Equal("", (await app.FetchAsync("uri=%2Fd&plain=1")).GetProperty("replies")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task PendingCommentsAreNeverShown()
    {
        await using var app = await TestApp.StartAsync(c => c with { Moderation = c.Moderation with { Enabled = true } });
        await app.CommentAsync("/m");
        var answer = await app.FetchAsync("uri=%2Fm");
        Assert.Equal(0, answer.GetProperty("replies").GetArrayLength());
        Assert.Equal(0, answer.GetProperty("total_replies").GetInt32());
    }
}
