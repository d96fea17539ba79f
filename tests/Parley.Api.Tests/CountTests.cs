using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class CountTests
{
    private static async Task<string> CountAsync(TestApp app, string body)
    {
        using var response = await app.PostAsync("/count", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Wire.JsonOf(response)).GetRawText();
    }

    [Fact]
    public async Task CountAnswersPublishedCommentsPerUriInRequestOrder()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/a");
        await app.CommentAsync("/a", parent: 1);
        await app.CommentAsync("/b");
        Assert.Equal("[1,0,2,2]", await CountAsync(app, """["/b", "/nope", "/a", "/a"]"""));
    }

    [Fact]
    public async Task EmptyListCountsToEmptyList()
    {
        await using var app = await TestApp.StartAsync();
        Assert.Equal("[]", await CountAsync(app, "[]"));
    }

    [Fact]
    public async Task PendingAndDeletedPlaceholdersAreNotCounted()
    {
        await using var app = await TestApp.StartAsync();
        var parent = await app.CommentAsync("/a");
        await app.CommentAsync("/a", parent: 1);
        (await app.SendAsync(HttpMethod.Delete, "/id/1", cookie: parent.Cookie)).Dispose();
        Assert.Equal(4, (await app.Store.GetCommentAsync(1))!.Mode);
        Assert.Equal("[1]", await CountAsync(app, """["/a"]"""));
        await using var moderated = await TestApp.StartAsync(c => c with { Moderation = c.Moderation with { Enabled = true } });
        await moderated.CommentAsync("/a");
        Assert.Equal("[0]", await CountAsync(moderated, """["/a"]"""));
    }

    [Fact]
    public async Task NonStringEntriesCountZero()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/a");
        Assert.Equal("[0,1]", await CountAsync(app, """[3, "/a"]"""));
    }

    [Theory]
    [InlineData("{\"/a\": 1}")]
    [InlineData("\"/a\"")]
    [InlineData("42")]
    public async Task NonArrayBodyIs400(string body)
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.PostAsync("/count", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task InvalidJsonIs400()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.PostAsync("/count", "[");
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.BadRequest, "Unable to read JSON request");
    }

    [Fact]
    public async Task CountHasNoCsrfRule()
    {
        await using var app = await TestApp.StartAsync();
        var request = Wire.Request(HttpMethod.Post, "/count");
        request.Content = Wire.Body("[\"/a\"]", "text/plain");
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
