using System.Net;
using System.Text.Json;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class OwnershipTests
{
    [Fact]
    public async Task OwnerCanViewEditAndDeleteWithinTheWindow()
    {
        await using var app = await TestApp.StartAsync();
        var mine = await app.CommentAsync("/o", "Hello **world**");
        using (var view = await app.SendAsync(HttpMethod.Get, "/id/1", cookie: mine.Cookie))
        {
            Assert.Equal(HttpStatusCode.OK, view.StatusCode);
            var c = await Wire.JsonOf(view);
            Assert.Equal("<p>Hello <strong>world</strong></p>", c.GetProperty("text").GetString());
            Assert.False(c.TryGetProperty("hash", out _));
        }
        string cookie;
        using (var edit = await app.SendAsync(HttpMethod.Put, "/id/1", """{"text": "Edited text"}""", cookie: mine.Cookie))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
            var c = await Wire.JsonOf(edit);
            Assert.Equal("<p>Edited text</p>", c.GetProperty("text").GetString());
            Assert.Equal(app.Clock.Now.ToUnixTimeSeconds(), c.GetProperty("modified").GetDouble());
            Assert.False(c.TryGetProperty("hash", out _));
            cookie = Wire.CookiePair(edit, "1");
        }
        using var delete = await app.SendAsync(HttpMethod.Delete, "/id/1", cookie: cookie);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await Wire.JsonOf(delete)).ValueKind);
        Assert.Null(await app.Store.GetCommentAsync(1));
    }

    [Fact]
    public async Task ViewWithPlainOneReturnsTheRawMarkdown()
    {
        await using var app = await TestApp.StartAsync();
        var mine = await app.CommentAsync("/o", "Hello **world**\nsecond line");
        using var view = await app.SendAsync(HttpMethod.Get, "/id/1?plain=1", cookie: mine.Cookie);
        Assert.Equal("Hello **world**\nsecond line", (await Wire.JsonOf(view)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task ViewEditAndDeleteAfterTheWindowAreForbidden()
    {
        await using var app = await TestApp.StartAsync();
        var mine = await app.CommentAsync("/o");
        app.Clock.Advance(TimeSpan.FromSeconds(901));
        using var view = await app.SendAsync(HttpMethod.Get, "/id/1", cookie: mine.Cookie);
        Assert.Equal(HttpStatusCode.Forbidden, view.StatusCode);
        using var edit = await app.SendAsync(HttpMethod.Put, "/id/1", """{"text": "Too late"}""", cookie: mine.Cookie);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        using var delete = await app.SendAsync(HttpMethod.Delete, "/id/1", cookie: mine.Cookie);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("Hello there", (await app.Store.GetCommentAsync(1))!.Text);
    }

    [Fact]
    public async Task AnotherClientWithoutTheCookieIsForbidden()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/o");
        using var other = app.NewClient();
        using (var view = await other.SendAsync(Wire.Request(HttpMethod.Get, "/id/1")))
        {
            await Wire.AssertHtmlErrorAsync(view, HttpStatusCode.Forbidden,
                "You don't have the permission to access the requested resource. It is either read-protected or not readable by the server.");
        }
        using (var edit = await other.SendAsync(Wire.Request(HttpMethod.Put, "/id/1", """{"text": "mine now"}""")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        }
        using var delete = await other.SendAsync(Wire.Request(HttpMethod.Delete, "/id/1"));
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.NotNull(await app.Store.GetCommentAsync(1));
    }

    [Fact]
    public async Task CookieForAnotherIdCannotEditOrDelete()
    {
        await using var app = await TestApp.StartAsync();
        var first = await app.CommentAsync("/o");
        await app.CommentAsync("/o");
        var forged = "2=" + first.Cookie["1=".Length..];
        using var edit = await app.SendAsync(HttpMethod.Put, "/id/2", """{"text": "hijacked"}""", cookie: forged);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        using var delete = await app.SendAsync(HttpMethod.Delete, "/id/2", cookie: forged);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("Hello there", (await app.Store.GetCommentAsync(2))!.Text);
    }

    [Fact]
    public async Task CookieForStaleTextIsForbiddenAfterSomeoneElseEdited()
    {
        await using var app = await TestApp.StartAsync();
        var mine = await app.CommentAsync("/o");
        var key = app.Tokens().ModerationKey(1);
        using (var moderated = await app.PostAsync($"/id/1/edit/{key}", """{"text": "Admin was here"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, moderated.StatusCode);
        }
        using var edit = await app.SendAsync(HttpMethod.Put, "/id/1", """{"text": "Mine again"}""", cookie: mine.Cookie);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        using var delete = await app.SendAsync(HttpMethod.Delete, "/id/1", cookie: mine.Cookie);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        // Viewing checks only signature and age.
        using var view = await app.SendAsync(HttpMethod.Get, "/id/1", cookie: mine.Cookie);
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
    }

    [Fact]
    public async Task EachEditReturnsFreshCookiesThatRestartTheWindow()
    {
        await using var app = await TestApp.StartAsync();
        var mine = await app.CommentAsync("/o");
        app.Clock.Advance(TimeSpan.FromSeconds(800));
        string cookie;
        using (var edit = await app.SendAsync(HttpMethod.Put, "/id/1", """{"text": "Edit one"}""", cookie: mine.Cookie))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
            cookie = Wire.CookiePair(edit, "1");
            Assert.Matches("^1=[^;]+; Expires=Sat, 21 Nov 2026 10:28:21 GMT; Max-Age=900; Path=/; SameSite=Lax$", Assert.Single(Wire.SetCookies(edit)));
            Assert.Equal("isso-" + Assert.Single(Wire.SetCookies(edit)), Assert.Single(Wire.XSetCookies(edit)));
        }
        app.Clock.Advance(TimeSpan.FromSeconds(800));
        using (var stale = await app.SendAsync(HttpMethod.Put, "/id/1", """{"text": "Edit two"}""", cookie: mine.Cookie))
        {
            Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
        }
        using var second = await app.SendAsync(HttpMethod.Put, "/id/1", """{"text": "Edit two"}""", cookie: cookie);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("Edit two", (await app.Store.GetCommentAsync(1))!.Text);
    }

    [Fact]
    public async Task EditKeepsOnlyTextAuthorAndWebsiteWithoutPrefixingTheWebsite()
    {
        await using var app = await TestApp.StartAsync();
        var mine = await app.CommentAsync("/o", email: "old@example.org");
        await app.CommentAsync("/o");
        using var edit = await app.SendAsync(HttpMethod.Put, "/id/1",
            """{"text": "New text", "author": "<Ann>", "website": "example.com", "email": "new@example.org", "parent": 2, "notification": 0, "mode": 2}""",
            cookie: mine.Cookie);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var c = await Wire.JsonOf(edit);
        Assert.Equal("&lt;Ann&gt;", c.GetProperty("author").GetString());
        Assert.Equal("example.com", c.GetProperty("website").GetString());
        Assert.Equal(JsonValueKind.Null, c.GetProperty("parent").ValueKind);
        Assert.Equal(1, c.GetProperty("mode").GetInt32());
        Assert.Equal(1, c.GetProperty("notification").GetInt32());
        var stored = (await app.Store.GetCommentAsync(1))!;
        Assert.Equal("old@example.org", stored.Email);
        Assert.Equal("New text", stored.Text);
    }

    [Fact]
    public async Task EditLeavesUnsentKeysAndClearsKeysSentAsNull()
    {
        await using var app = await TestApp.StartAsync();
        using var created = await app.PostNewAsync("/o", """{"text": "abc", "title": "t", "author": "Ann", "website": "ann.tld"}""");
        var cookie = Wire.CookiePair(created, "1");
        using var edit = await app.SendAsync(HttpMethod.Put, "/id/1", """{"text": "abc def", "website": null}""", cookie: cookie);
        var c = await Wire.JsonOf(edit);
        Assert.Equal("Ann", c.GetProperty("author").GetString());
        Assert.Equal(JsonValueKind.Null, c.GetProperty("website").ValueKind);
    }

    [Theory]
    [InlineData("""{"author": "x"}""", "text is missing")]
    [InlineData("""{"text": "ab"}""", "text is too short (minimum length: 3)")]
    [InlineData("""{"text": "abc", "website": "spam"}""", "Website not Django-conform")]
    public async Task InvalidEditIs400Html(string body, string description)
    {
        await using var app = await TestApp.StartAsync();
        var mine = await app.CommentAsync("/o");
        using var edit = await app.SendAsync(HttpMethod.Put, "/id/1", body, cookie: mine.Cookie);
        await Wire.AssertHtmlErrorAsync(edit, HttpStatusCode.BadRequest, description);
    }

    [Fact]
    public async Task EditAndDeleteWithFormContentTypeAreCsrf()
    {
        await using var app = await TestApp.StartAsync();
        var mine = await app.CommentAsync("/o");
        var put = Wire.Request(HttpMethod.Put, "/id/1", cookie: mine.Cookie);
        put.Content = Wire.Body("""{"text": "abcd"}""", "text/plain");
        using var edit = await app.Client.SendAsync(put);
        await Wire.AssertHtmlErrorAsync(edit, HttpStatusCode.Forbidden, "CSRF");
        var del = Wire.Request(HttpMethod.Delete, "/id/1", cookie: mine.Cookie);
        del.Content = Wire.Body("", "application/x-www-form-urlencoded");
        using var delete = await app.Client.SendAsync(del);
        await Wire.AssertHtmlErrorAsync(delete, HttpStatusCode.Forbidden, "CSRF");
    }

    [Fact]
    public async Task DeleteClearsBothCookies()
    {
        await using var app = await TestApp.StartAsync();
        var mine = await app.CommentAsync("/o");
        using var delete = await app.SendAsync(HttpMethod.Delete, "/id/1", cookie: mine.Cookie);
        Assert.Equal("1=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax", Assert.Single(Wire.SetCookies(delete)));
        Assert.Equal("isso-1=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax", Assert.Single(Wire.XSetCookies(delete)));
    }

    [Fact]
    public async Task DeletingACommentWithRepliesReturnsThePlaceholder()
    {
        await using var app = await TestApp.StartAsync();
        var mine = await app.CommentAsync("/o", email: "me@example.org");
        await app.CommentAsync("/o", parent: 1);
        using var delete = await app.SendAsync(HttpMethod.Delete, "/id/1", cookie: mine.Cookie);
        var c = await Wire.JsonOf(delete);
        Assert.Equal(4, c.GetProperty("mode").GetInt32());
        Assert.Equal("", c.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, c.GetProperty("author").ValueKind);
        Assert.Equal(JsonValueKind.Null, c.GetProperty("website").ValueKind);
        Assert.False(c.TryGetProperty("hash", out _));
        Assert.Equal("me@example.org", (await app.Store.GetCommentAsync(1))!.Email);
    }

    [Fact]
    public async Task DeletingTheLastReplyRemovesThePlaceholderParentAndTheThread()
    {
        await using var app = await TestApp.StartAsync();
        var parent = await app.CommentAsync("/o");
        var reply = await app.CommentAsync("/o", parent: 1);
        (await app.SendAsync(HttpMethod.Delete, "/id/1", cookie: parent.Cookie)).Dispose();
        Assert.Equal(4, (await app.Store.GetCommentAsync(1))!.Mode);
        using var delete = await app.SendAsync(HttpMethod.Delete, "/id/2", cookie: reply.Cookie);
        Assert.Equal(JsonValueKind.Null, (await Wire.JsonOf(delete)).ValueKind);
        Assert.Null(await app.Store.GetCommentAsync(1));
        Assert.Null(await app.Store.GetThreadAsync("/o"));
    }

    [Fact]
    public async Task ViewOfUnknownCommentIs404AndDeleteWithoutCookieIs403()
    {
        await using var app = await TestApp.StartAsync();
        using var view = await app.GetAsync("/id/7");
        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        using var delete = await app.SendAsync(HttpMethod.Delete, "/id/7");
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
    }

    [Fact]
    public async Task EditOfAVanishedCommentWithAValidCookieIs404()
    {
        await using var app = await TestApp.StartAsync();
        var mine = await app.CommentAsync("/o");
        using (var moderated = await app.PostAsync($"/id/1/delete/{app.Tokens().ModerationKey(1)}", ""))
        {
            Assert.Equal(HttpStatusCode.OK, moderated.StatusCode);
        }
        using var edit = await app.SendAsync(HttpMethod.Put, "/id/1", """{"text": "abcd"}""", cookie: mine.Cookie);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
    }

    [Fact]
    public async Task OwnerCanViewAndEditAPendingComment()
    {
        await using var app = await TestApp.StartAsync(c => c with { Moderation = c.Moderation with { Enabled = true } });
        var mine = await app.CommentAsync("/o");
        using var view = await app.SendAsync(HttpMethod.Get, "/id/1", cookie: mine.Cookie);
        Assert.Equal(2, (await Wire.JsonOf(view)).GetProperty("mode").GetInt32());
        using var edit = await app.SendAsync(HttpMethod.Put, "/id/1", """{"text": "abcd"}""", cookie: mine.Cookie);
        Assert.Equal(2, (await Wire.JsonOf(edit)).GetProperty("mode").GetInt32());
    }
}
