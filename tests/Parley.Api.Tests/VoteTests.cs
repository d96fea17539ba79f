using System.Net;
using System.Text.Json;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class VoteTests
{
    private static async Task<JsonElement> VoteAsync(TestApp app, string path, string ip)
    {
        using var response = await app.SendAsync(HttpMethod.Post, path, ip: ip);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Wire.JsonOf(response);
    }

    [Fact]
    public async Task LikesAndDislikesAreCountedOncePerNetwork()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/v", ip: "198.51.100.1");
        Assert.Equal("""{"likes":1,"dislikes":0}""", (await VoteAsync(app, "/id/1/like", "203.0.113.5")).GetRawText());
        Assert.Equal("""{"likes":1,"dislikes":1}""", (await VoteAsync(app, "/id/1/dislike", "203.0.114.5")).GetRawText());
        var again = await VoteAsync(app, "/id/1/like", "203.0.113.99");
        Assert.Equal(1, again.GetProperty("likes").GetInt32());
        Assert.Equal(1, again.GetProperty("dislikes").GetInt32());
        Assert.Equal("Upvote denied because a vote has already been registered for this remote address", again.GetProperty("message").GetString());
        var switched = await VoteAsync(app, "/id/1/dislike", "203.0.113.5");
        Assert.Equal("Downvote denied because a vote has already been registered for this remote address", switched.GetProperty("message").GetString());
        var stored = (await app.Store.GetCommentAsync(1))!;
        Assert.Equal((1, 1), (stored.Likes, stored.Dislikes));
    }

    [Fact]
    public async Task AuthorsNetworkCannotVoteOnTheirOwnComment()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/v", ip: "198.51.100.1");
        var refused = await VoteAsync(app, "/id/1/like", "198.51.100.200");
        Assert.Equal(
            """{"likes":0,"dislikes":0,"message":"Upvote denied because a vote has already been registered for this remote address"}""",
            refused.GetRawText());
    }

    [Fact]
    public async Task VotesStopAt142()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/v", ip: "198.51.100.1");
        var voters = (await app.Store.GetCommentAsync(1))!.Voters;
        for (var i = 0; i < 100; i++)
        {
            await app.Store.RecordVoteAsync(1, upvote: true, voters);
        }
        for (var i = 0; i < 42; i++)
        {
            await app.Store.RecordVoteAsync(1, upvote: false, voters);
        }
        var up = await VoteAsync(app, "/id/1/like", "203.0.113.5");
        Assert.Equal("Upvote denied due to a \"likes + dislikes\" total too high (142 >= 142)", up.GetProperty("message").GetString());
        Assert.Equal(100, up.GetProperty("likes").GetInt32());
        var down = await VoteAsync(app, "/id/1/dislike", "203.0.113.5");
        Assert.Equal("Downvote denied due to a \"likes + dislikes\" total too high (142 >= 142)", down.GetProperty("message").GetString());
        Assert.Equal(42, down.GetProperty("dislikes").GetInt32());
    }

    [Fact]
    public async Task VoteOnUnknownCommentAnswersNull()
    {
        await using var app = await TestApp.StartAsync();
        Assert.Equal(JsonValueKind.Null, (await VoteAsync(app, "/id/5/like", "203.0.113.5")).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await VoteAsync(app, "/id/5/dislike", "203.0.113.5")).ValueKind);
    }

    [Fact]
    public async Task VotesAreAcceptedOnPendingComments()
    {
        await using var app = await TestApp.StartAsync(c => c with { Moderation = c.Moderation with { Enabled = true } });
        await app.CommentAsync("/v", ip: "198.51.100.1");
        Assert.Equal(1, (await VoteAsync(app, "/id/1/like", "203.0.113.5")).GetProperty("likes").GetInt32());
    }

    [Theory]
    [InlineData("/id/1/like")]
    [InlineData("/id/1/dislike")]
    public async Task VoteWithFormContentTypeIsCsrf(string path)
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/v", ip: "198.51.100.1");
        var request = Wire.Request(HttpMethod.Post, path, ip: "203.0.113.5");
        request.Content = Wire.Body("", "application/x-www-form-urlencoded");
        using var response = await app.Client.SendAsync(request);
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.Forbidden, "CSRF");
        Assert.Equal(0, (await app.Store.GetCommentAsync(1))!.Likes);
    }
}
