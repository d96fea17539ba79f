using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class NewCommentTests
{
    private static async Task<JsonElement> CreatedJsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Wire.JsonOf(response);
    }

    [Fact]
    public async Task NewCommentIsCreatedWithEscapedFieldsAndRenderedText()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.PostNewAsync("/blog/post-1/",
            """{"text": "Hello **world**\nsecond line", "author": "Jane <b>", "email": "jane@example.org", "website": "example.org/x", "parent": null, "title": "Post", "notification": 0}""");
        var c = await CreatedJsonAsync(response);
        Assert.Equal(
            ["id", "parent", "created", "modified", "mode", "text", "author", "website", "likes", "dislikes", "notification", "hash"],
            c.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(1, c.GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Null, c.GetProperty("parent").ValueKind);
        Assert.Equal(app.Clock.Now.ToUnixTimeSeconds(), c.GetProperty("created").GetDouble());
        Assert.Equal(JsonValueKind.Null, c.GetProperty("modified").ValueKind);
        Assert.Equal(1, c.GetProperty("mode").GetInt32());
        Assert.Equal("<p>Hello <strong>world</strong><br>\nsecond line</p>", c.GetProperty("text").GetString());
        Assert.Equal("Jane &lt;b&gt;", c.GetProperty("author").GetString());
        Assert.Equal("http://example.org/x", c.GetProperty("website").GetString());
        Assert.Equal(0, c.GetProperty("likes").GetInt32());
        Assert.Equal(0, c.GetProperty("notification").GetInt32());
        Assert.Matches("^[0-9a-f]{12}$", c.GetProperty("hash").GetString());
        Assert.Equal("Post", (await app.Store.GetThreadAsync("/blog/post-1/"))!.Title);
    }

    [Fact]
    public async Task StoredFieldsAreEscapedAndWebsiteGetsHttpPrefixOnlyWhenLackingExactLowercaseScheme()
    {
        await using var app = await TestApp.StartAsync();
        using var a = await app.PostNewAsync("/e", """{"text": "abc", "title": "t", "author": "\"A\" & 'B'", "email": "<x>&\"y\"@z.org", "website": "example.org/?a=\"'&"}""");
        var c = await CreatedJsonAsync(a);
        Assert.Equal("\"A\" &amp; 'B'", c.GetProperty("author").GetString());
        Assert.Equal("http://example.org/?a=&quot;&#x27;&amp;", c.GetProperty("website").GetString());
        Assert.Equal("&lt;x&gt;&amp;\"y\"@z.org", (await app.Store.GetCommentAsync(1))!.Email);
        using var b = await app.PostNewAsync("/e", """{"text": "abc", "website": "HTTP://x.org"}""");
        Assert.Equal("http://HTTP://x.org", (await CreatedJsonAsync(b)).GetProperty("website").GetString());
        using var s = await app.PostNewAsync("/e", """{"text": "abc", "website": "https://x.org"}""");
        Assert.Equal("https://x.org", (await CreatedJsonAsync(s)).GetProperty("website").GetString());
    }

    [Fact]
    public async Task UnknownKeysAreDroppedSoIdModeAndCreatedCannotBeInjected()
    {
        await using var app = await TestApp.StartAsync(c => c with { Moderation = c.Moderation with { Enabled = true } });
        using var response = await app.PostNewAsync("/i", """{"text": "abc", "title": "t", "id": 99, "mode": 1, "created": 5, "likes": 7, "email": "e@x.org"}""");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var c = await Wire.JsonOf(response);
        Assert.Equal(1, c.GetProperty("id").GetInt64());
        Assert.Equal(2, c.GetProperty("mode").GetInt32());
        Assert.Equal(app.Clock.Now.ToUnixTimeSeconds(), c.GetProperty("created").GetDouble());
        Assert.Equal(0, c.GetProperty("likes").GetInt32());
        Assert.False(c.TryGetProperty("email", out _));
        Assert.Equal(2, (await app.Store.GetCommentAsync(1))!.Mode);
    }

    [Fact]
    public async Task ModerationAnswers202WithPendingMode()
    {
        await using var app = await TestApp.StartAsync(c => c with { Moderation = c.Moderation with { Enabled = true } });
        using var response = await app.PostNewAsync("/m", """{"text": "abc", "title": "t"}""");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await Wire.JsonOf(response)).GetProperty("mode").GetInt32());
    }

    [Fact]
    public async Task CreateSetsTheTwoOwnershipCookiesWithLaxOverHttp()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.PostNewAsync("/c", """{"text": "abc", "title": "t"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var cookie = Assert.Single(Wire.SetCookies(response));
        var copy = Assert.Single(Wire.XSetCookies(response));
        var match = Regex.Match(cookie, "^1=([^;]+); Expires=Sat, 21 Nov 2026 10:15:00 GMT; Max-Age=900; Path=/; SameSite=Lax$");
        Assert.True(match.Success, cookie);
        Assert.Equal("isso-" + cookie, copy);
        Assert.Equal(1, app.Tokens().Owns(match.Groups[1].Value, 900, 1, "abc") ? 1 : 0);
    }

    [Fact]
    public async Task HttpsPublicEndpointMakesCookiesSecureAndSameSiteNone()
    {
        await using var app = await TestApp.StartAsync(c => c with { Server = c.Server with { PublicEndpoint = "https://comments.example.tld" } });
        using var response = await app.PostNewAsync("/c", """{"text": "abc", "title": "t"}""");
        Assert.Matches("^1=[^;]+; Expires=Sat, 21 Nov 2026 10:15:00 GMT; Max-Age=900; Path=/; SameSite=None; Secure$", Assert.Single(Wire.SetCookies(response)));
        Assert.Matches("^isso-1=[^;]+; Expires=[^;]+; Max-Age=900; Path=/; SameSite=None; Secure$", Assert.Single(Wire.XSetCookies(response)));
    }

    [Fact]
    public async Task ForwardedHttpsSchemeMakesCookiesSecure()
    {
        await using var app = await TestApp.StartAsync(c => c with { Server = c.Server with { SameSite = "Strict" } });
        var request = Wire.Request(HttpMethod.Post, "/new?uri=%2Fc", """{"text": "abc", "title": "t"}""");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await app.Client.SendAsync(request);
        Assert.EndsWith("; Max-Age=900; Path=/; SameSite=Strict; Secure", Assert.Single(Wire.SetCookies(response)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyToAReplyIsStoredUnderTheTopLevelComment()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/p");
        var reply = await app.CommentAsync("/p", parent: 1);
        Assert.Equal(1, reply.Json.GetProperty("parent").GetInt64());
        var nested = await app.CommentAsync("/p", parent: 2);
        Assert.Equal(1, nested.Json.GetProperty("parent").GetInt64());
        Assert.Equal(1, (await app.Store.GetCommentAsync(3))!.Parent);
    }

    [Fact]
    public async Task UnknownOrForeignOrZeroParentMakesATopLevelComment()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/other");
        Assert.Equal(JsonValueKind.Null, (await app.CommentAsync("/p", parent: 99)).Json.GetProperty("parent").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await app.CommentAsync("/p", parent: 1)).Json.GetProperty("parent").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await app.CommentAsync("/p", parent: 0)).Json.GetProperty("parent").ValueKind);
    }

    [Theory]
    [InlineData("{}", "text is missing")]
    [InlineData("""{"text": null}""", "text is missing")]
    [InlineData("""{"text": "abc", "parent": "1"}""", "parent must be an integer or null")]
    [InlineData("""{"text": "abc", "parent": 1.5}""", "parent must be an integer or null")]
    [InlineData("""{"text": 123}""", "text must be a string or null")]
    [InlineData("""{"text": "abc", "author": 1, "email": 1}""", "author must be a string or null")]
    [InlineData("""{"text": "abc", "website": [], "email": 1}""", "website must be a string or null")]
    [InlineData("""{"text": "abc", "email": {}}""", "email must be a string or null")]
    [InlineData("""{"text": "ab   "}""", "text is too short (minimum length: 3)")]
    [InlineData("""{"text": "", "parent": "x"}""", "parent must be an integer or null")]
    [InlineData("""{"text": "abc", "website": "spam"}""", "Website not Django-conform")]
    public async Task InvalidBodyIsA400HtmlPageWithTheExactDescription(string body, string description)
    {
        await using var app = await TestApp.StartAsync();
        var request = Wire.Request(HttpMethod.Post, "/new?uri=%2Fv", body);
        request.Headers.Add("Accept", "application/json");
        using var response = await app.Client.SendAsync(request);
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.BadRequest, description);
        Assert.Null(await app.Store.GetCommentAsync(1));
    }

    [Theory]
    [InlineData("text", 65536, "text is too long (maximum length: 65535)")]
    [InlineData("email", 255, "http://tools.ietf.org/html/rfc5321#section-4.5.3")]
    [InlineData("website", 255, "arbitrary length limit")]
    public async Task OverlongFieldIsA400WithTheExactDescription(string field, int length, string description)
    {
        await using var app = await TestApp.StartAsync();
        var value = field == "website" ? "x.org/" + new string('a', length - 6) : new string('a', length);
        var body = new Dictionary<string, string> { ["text"] = "abc", ["title"] = "t" };
        body[field] = value;
        using var response = await app.PostNewAsync("/v", JsonSerializer.Serialize(body));
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.BadRequest, description);
    }

    [Theory]
    [InlineData("text", 65535)]
    [InlineData("email", 254)]
    [InlineData("website", 254)]
    public async Task FieldsAtTheirLimitAreAccepted(string field, int length)
    {
        await using var app = await TestApp.StartAsync();
        var value = field == "website" ? "x.org/" + new string('a', length - 6) : new string('a', length);
        var body = new Dictionary<string, string> { ["text"] = "abc", ["title"] = "t" };
        body[field] = value;
        using var response = await app.PostNewAsync("/v", JsonSerializer.Serialize(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("example.tld")]
    [InlineData("https://exämple.tld")]
    [InlineData("https://example.tld:1337/foobar?p=1#isso-thread")]
    [InlineData("localhost:8080/x")]
    [InlineData("999.1.1.1")]
    [InlineData("a_b.com")]
    [InlineData("sub.example.tld.")]
    public async Task WebsiteMatchingTheUrlGrammarIsAccepted(string website)
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.PostNewAsync("/w", JsonSerializer.Serialize(new { text = "abc", title = "t", website }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("ftp://example.tld/")]
    [InlineData("tel:+1234567890")]
    [InlineData("spam")]
    [InlineData("http://example")]
    [InlineData("example.tld#x")]
    [InlineData("example.tld/a b")]
    [InlineData("//example.tld")]
    [InlineData("name@example.com")]
    [InlineData("-a.com")]
    [InlineData("http://example.tld:/")]
    public async Task WebsiteOutsideTheUrlGrammarIsRejected(string website)
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.PostNewAsync("/w", JsonSerializer.Serialize(new { text = "abc", title = "t", website }));
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.BadRequest, "Website not Django-conform");
    }

    [Fact]
    public async Task EmptyWebsiteIsAcceptedAndStoredEmpty()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.PostNewAsync("/w", """{"text": "abc", "title": "t", "website": ""}""");
        Assert.Equal("", (await CreatedJsonAsync(response)).GetProperty("website").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    public async Task NonJsonContentTypeIsRefusedAsCsrfBeforeTheUriCheck(string contentType)
    {
        await using var app = await TestApp.StartAsync();
        var request = Wire.Request(HttpMethod.Post, "/new");
        request.Content = Wire.Body("""{"text": "abc", "title": "t"}""", contentType);
        using var response = await app.Client.SendAsync(request);
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.Forbidden, "CSRF");
    }

    [Fact]
    public async Task MissingContentTypeAndJsonWithCharsetAreAccepted()
    {
        await using var app = await TestApp.StartAsync();
        var bare = Wire.Request(HttpMethod.Post, "/new?uri=%2Fx");
        bare.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"text": "abc", "title": "t"}"""));
        using (var response = await app.Client.SendAsync(bare))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        var charset = Wire.Request(HttpMethod.Post, "/new?uri=%2Fx");
        charset.Content = Wire.Body("""{"text": "abc"}""", "application/json");
        charset.Content.Headers.ContentType!.CharSet = "utf-8";
        using (var response = await app.Client.SendAsync(charset))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    [Fact]
    public async Task BodyOver256KiBIs413()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.PostNewAsync("/big", JsonSerializer.Serialize(new { text = new string('a', 262145), title = "t" }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"text\": ")]
    [InlineData("")]
    public async Task InvalidJsonIs400UnableToReadJsonRequest(string body)
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.PostNewAsync("/j", body);
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.BadRequest, "Unable to read JSON request");
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("null")]
    public async Task NonObjectJsonBodyIs400NotA500(string body)
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.PostNewAsync("/j", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task MissingUriIs400()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.PostAsync("/new", """{"text": "abc"}""");
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.BadRequest, "missing uri query");
    }

    [Fact]
    public async Task RateLimitRefusesTheThirdCommentWithinAMinuteFromOneNetwork()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/r", ip: "192.168.1.10");
        await app.CommentAsync("/s", ip: "192.168.1.20");
        var request = Wire.Request(HttpMethod.Post, "/new?uri=%2Fr", """{"text": "abc"}""", "192.168.1.30");
        request.Headers.Add("Accept", "application/json");
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var json = await Wire.JsonOf(response);
        Assert.Equal("403 Forbidden: ratelimit exceeded: at most 2 comments a minute from one network; please try again in a minute",
            json.GetProperty("message").GetString());
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        using var later = await app.PostNewAsync("/r", """{"text": "abc"}""", "192.168.1.30");
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
    }

    [Fact]
    public async Task DirectReplyLimitRefusesTheFourthTopLevelCommentInAThread()
    {
        await using var app = await TestApp.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await app.CommentAsync("/g", ip: "192.168.2.1");
            app.Clock.Advance(TimeSpan.FromSeconds(61));
        }
        using var response = await app.PostNewAsync("/g", """{"text": "abc"}""", "192.168.2.1");
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.Forbidden, "3 direct responses to /g");
        using var reply = await app.PostNewAsync("/g", """{"text": "abc", "parent": 1}""", "192.168.2.1");
        Assert.Equal(HttpStatusCode.Forbidden, reply.StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(900));
        using var lateReply = await app.PostNewAsync("/g", """{"text": "abc", "parent": 1}""", "192.168.2.1");
        Assert.Equal(HttpStatusCode.Created, lateReply.StatusCode);
    }

    [Fact]
    public async Task ReplyToOwnCommentWithinTheEditWindowIsRefused()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/s", ip: "192.168.3.1");
        using var response = await app.PostNewAsync("/s", """{"text": "abc", "parent": 1}""", "192.168.3.1");
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.Forbidden, "edit time frame is still open");
        app.Clock.Advance(TimeSpan.FromSeconds(900));
        using var later = await app.PostNewAsync("/s", """{"text": "abc", "parent": 1}""", "192.168.3.1");
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
    }

    [Fact]
    public async Task ReplyToSelfAllowsReplyingToOwnCommentAtOnce()
    {
        await using var app = await TestApp.StartAsync(c => c with { Guard = c.Guard with { ReplyToSelf = true } });
        await app.CommentAsync("/s", ip: "192.168.3.1");
        using var response = await app.PostNewAsync("/s", """{"text": "abc", "parent": 1}""", "192.168.3.1");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(true, false, """{"text": "abc", "title": "t", "author": "A"}""", "email address required but not provided")]
    [InlineData(true, false, """{"text": "abc", "title": "t", "email": ""}""", "email address required but not provided")]
    [InlineData(false, true, """{"text": "abc", "title": "t", "email": "a@b.c"}""", "author address required but not provided")]
    public async Task RequiredFieldsAreEnforcedByTheGuard(bool email, bool author, string body, string reason)
    {
        await using var app = await TestApp.StartAsync(c => c with { Guard = c.Guard with { RequireEmail = email, RequireAuthor = author } });
        using var response = await app.PostNewAsync("/q", body);
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.Forbidden, reason);
    }

    [Fact]
    public async Task WithTheGuardDisabledNoGuardRuleApplies()
    {
        await using var app = await TestApp.StartAsync(c => c with { Guard = c.Guard with { Enabled = false, RequireEmail = true, RequireAuthor = true } });
        for (var i = 0; i < 5; i++)
        {
            using var response = await app.PostNewAsync("/q", """{"text": "abc", "title": "t"}""", "192.168.4.1");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        using var reply = await app.PostNewAsync("/q", """{"text": "abc", "parent": 1}""", "192.168.4.1");
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task NewThreadWithoutTitleForAnUnreachablePageIs400(string? title)
    {
        await using var app = await TestApp.StartAsync(c => c with { General = c.General with { Host = ["http://127.0.0.1:1"] } });
        using var response = await app.PostNewAsync("/nope", JsonSerializer.Serialize(new { text = "abc", title }));
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.BadRequest,
            "Cannot create new thread: URI /nope is not accessible and no title was provided. Please provide a title parameter in your request.");
        Assert.Null(await app.Store.GetThreadAsync("/nope"));
    }

    [Fact]
    public async Task NewThreadWithoutTitleTakesTheTitleFromThePage()
    {
        await using var page = await PageServer.StartAsync("/post/", """<html><body><h1>Site</h1><div id="isso-thread" data-title="No way%21"></div></body></html>""");
        await using var app = await TestApp.StartAsync(c => c with { General = c.General with { Host = [page.Origin] } });
        using var response = await app.PostNewAsync("/post/", """{"text": "abc"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("No way!", (await app.Store.GetThreadAsync("/post/"))!.Title);
        using var missing = await app.PostNewAsync("/gone/", """{"text": "abc"}""");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task TitleOfAnExistingThreadIsKept()
    {
        await using var app = await TestApp.StartAsync();
        using (await app.PostNewAsync("/t", """{"text": "abc", "title": "First"}""")) { }
        using (await app.PostNewAsync("/t", """{"text": "abc", "title": "Second"}""")) { }
        Assert.Equal("First", (await app.Store.GetThreadAsync("/t"))!.Title);
    }

    [Fact]
    public async Task JsonMediaTypeHeaderValueIsCaseInsensitive()
    {
        await using var app = await TestApp.StartAsync();
        var request = Wire.Request(HttpMethod.Post, "/new?uri=%2Fx");
        request.Content = new StringContent("""{"text": "abc", "title": "t"}""", Encoding.UTF8);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
