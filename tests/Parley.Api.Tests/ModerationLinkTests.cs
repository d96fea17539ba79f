using System.Net;
using System.Text.Json;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class ModerationLinkTests
{
    private static Task<TestApp> ModeratedAsync() =>
        TestApp.StartAsync(c => c with { Moderation = c.Moderation with { Enabled = true } });

    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("activate", "Activate")]
    [InlineData("edit", "Edit")]
    [InlineData("delete", "Delete")]
    public async Task GetShowsAConfirmPageAndChangesNothing(string action, string verb)
    {
        await using var app = await ModeratedAsync();
        await app.CommentAsync("/m");
        using var response = await app.GetAsync($"/id/1/{action}/{app.Tokens().ModerationKey(1)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.ToString());
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains($"{verb}: Are you sure?", page, StringComparison.Ordinal);
        Assert.Contains("\"https://example.tld/m#isso-1\"", page, StringComparison.Ordinal);
        var stored = (await app.Store.GetCommentAsync(1))!;
        Assert.Equal((2, "Hello there"), (stored.Mode, stored.Text));
    }

    [Fact]
    public async Task PostActivatePublishesOnceThenSaysAlreadyActivated()
    {
        await using var app = await ModeratedAsync();
        await app.CommentAsync("/m");
        var path = $"/id/1/activate/{app.Tokens().ModerationKey(1)}";
        using (var first = await app.PostAsync(path, ""))
        {
            Assert.Equal("Comment has been activated", await TextAsync(first));
        }
        Assert.Equal(1, (await app.Store.GetCommentAsync(1))!.Mode);
        using var second = await app.PostAsync(path, "");
        Assert.Equal("Already activated", await TextAsync(second));
        Assert.Equal(1, (await app.FetchAsync("uri=%2Fm")).GetProperty("replies").GetArrayLength());
    }

    [Fact]
    public async Task PostDeleteRemovesTheComment()
    {
        await using var app = await ModeratedAsync();
        await app.CommentAsync("/m");
        using var response = await app.PostAsync($"/id/1/delete/{app.Tokens().ModerationKey(1)}", "");
        Assert.Equal("Comment has been deleted", await TextAsync(response));
        Assert.Null(await app.Store.GetCommentAsync(1));
    }

    [Fact]
    public async Task PostEditChangesTextAuthorWebsiteAndAnswersRawTextWithoutModified()
    {
        await using var app = await ModeratedAsync();
        await app.CommentAsync("/m", email: "old@example.org");
        using var response = await app.PostAsync($"/id/1/edit/{app.Tokens().ModerationKey(1)}",
            """{"text": "Fixed **typo**", "author": "A <b>", "website": "example.com", "email": "new@example.org"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var c = await Wire.JsonOf(response);
        Assert.Equal("Fixed **typo**", c.GetProperty("text").GetString());
        Assert.Equal("A &lt;b&gt;", c.GetProperty("author").GetString());
        Assert.Equal("example.com", c.GetProperty("website").GetString());
        Assert.Equal(JsonValueKind.Null, c.GetProperty("modified").ValueKind);
        Assert.False(c.TryGetProperty("hash", out _));
        Assert.Equal("old@example.org", (await app.Store.GetCommentAsync(1))!.Email);
    }

    [Fact]
    public async Task PostEditValidatesLikeNew()
    {
        await using var app = await ModeratedAsync();
        await app.CommentAsync("/m");
        using var response = await app.PostAsync($"/id/1/edit/{app.Tokens().ModerationKey(1)}", """{"text": "no"}""");
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.BadRequest, "text is too short (minimum length: 3)");
    }

    [Fact]
    public async Task BadKeyIs403()
    {
        await using var app = await ModeratedAsync();
        await app.CommentAsync("/m");
        using var response = await app.PostAsync("/id/1/activate/badkey", "");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var other = new Parley.Core.Security.CommentTokens(new Parley.Core.Security.TokenSigner("another secret", app.Clock)).ModerationKey(1);
        using var foreign = await app.PostAsync($"/id/1/activate/{other}", "");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(2, (await app.Store.GetCommentAsync(1))!.Mode);
    }

    [Fact]
    public async Task UnknownActionIs404()
    {
        await using var app = await ModeratedAsync();
        await app.CommentAsync("/m");
        using var response = await app.PostAsync($"/id/1/foo/{app.Tokens().ModerationKey(1)}", "");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task KeyForAMissingCommentIs404()
    {
        await using var app = await ModeratedAsync();
        using var response = await app.PostAsync($"/id/42/activate/{app.Tokens().ModerationKey(42)}", "");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CommentIdIsTakenFromTheKeyNotThePath()
    {
        await using var app = await ModeratedAsync();
        await app.CommentAsync("/m");
        using var response = await app.PostAsync($"/id/999/activate/{app.Tokens().ModerationKey(1)}", "");
        Assert.Equal("Comment has been activated", await TextAsync(response));
        Assert.Equal(1, (await app.Store.GetCommentAsync(1))!.Mode);
    }

    [Fact]
    public async Task ModerationHasNoCsrfRule()
    {
        await using var app = await ModeratedAsync();
        await app.CommentAsync("/m");
        var request = Wire.Request(HttpMethod.Post, $"/id/1/activate/{app.Tokens().ModerationKey(1)}");
        request.Content = Wire.Body("", "application/x-www-form-urlencoded");
        using var response = await app.Client.SendAsync(request);
        Assert.Equal("Comment has been activated", await TextAsync(response));
    }
}
