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
    public async Task TheAnswerIsTheSameWhetherTheBodyComesWithALengthOrInChunks()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/a");
        await app.CommentAsync("/b");
        await app.CommentAsync("/b");
        var body = """["/b", "/nope", "/a"]""";

        async Task<string> SendAsync(bool chunked)
        {
            var request = Wire.Request(HttpMethod.Post, "/count");
            request.Content = chunked
                ? new StreamContent(new UnseekableStream(System.Text.Encoding.UTF8.GetBytes(body)))
                : Wire.Body(body, "application/json");
            using var response = await app.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(chunked, request.Content.Headers.ContentLength is null);
            return await response.Content.ReadAsStringAsync();
        }

        // Each twice: the second answer of each is the kept one.
        Assert.Equal("[2,0,1]", await SendAsync(chunked: false));
        Assert.Equal("[2,0,1]", await SendAsync(chunked: true));
        Assert.Equal("[2,0,1]", await SendAsync(chunked: false));
        Assert.Equal("[2,0,1]", await SendAsync(chunked: true));
    }

    [Fact]
    public async Task BodiesThatDifferOnlyOutsideAsciiGetTheirOwnAnswers()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/caf\u00e9");
        // "é" and "è" are C3 A9 and C3 A8 in UTF-8: the bodies differ in one byte.
        Assert.Equal("[1]", await CountAsync(app, """["/café"]"""));
        Assert.Equal("[0]", await CountAsync(app, """["/cafè"]"""));
        Assert.Equal("[1]", await CountAsync(app, """["/café"]"""));
        Assert.Equal("[0]", await CountAsync(app, """["/cafè"]"""));
    }

    [Fact]
    public async Task ABodyOfManyUrisIsReadWhole()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/last");
        // About 30 KiB: more than one read of the request body.
        var uris = Enumerable.Range(0, 2000).Select(i => $"/thread/{i:D8}/").Append("/last").ToList();

        var answer = await CountAsync(app, System.Text.Json.JsonSerializer.Serialize(uris));

        Assert.Equal("[" + string.Concat(Enumerable.Repeat("0,", 2000)) + "1]", answer);
    }

    /// <summary>A body whose length HttpClient cannot know, so it is sent with chunked transfer encoding.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
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
