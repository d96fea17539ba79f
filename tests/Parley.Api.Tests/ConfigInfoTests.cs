using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class ConfigInfoTests
{
    [Fact]
    public async Task ConfigAnnouncesTheDefaults()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.GetAsync("/config");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"config":{"reply-to-self":false,"require-email":false,"require-author":false,"website-field":true,"reply-notifications":false,"gravatar":false,"feed":false}}""",
            (await Wire.JsonOf(response)).GetRawText());
    }

    [Fact]
    public async Task ConfigFollowsTheSettingsAndGravatarAddsAvatarFalse()
    {
        await using var app = await TestApp.StartAsync(c => c with
        {
            Guard = c.Guard with { ReplyToSelf = true, RequireEmail = true, RequireAuthor = true, WebsiteField = false },
            General = c.General with { ReplyNotifications = true, Gravatar = true },
            Rss = c.Rss with { Base = "https://blog.example.tld" },
        });
        const string expected = """{"reply-to-self":true,"require-email":true,"require-author":true,"website-field":false,"reply-notifications":true,"gravatar":true,"avatar":false,"feed":true}""";
        using var response = await app.GetAsync("/config");
        Assert.Equal("{\"config\":" + expected + "}", (await Wire.JsonOf(response)).GetRawText());
        Assert.Equal(expected, (await app.FetchAsync("uri=%2Fx")).GetProperty("config").GetRawText());
    }

    [Fact]
    public async Task GravatarImageIsTheMd5OfTheStoredEmail()
    {
        await using var app = await TestApp.StartAsync(c => c with
        {
            General = c.General with { Gravatar = true },
            Guard = c.Guard with { Enabled = false },
        });
        using var withEmail = await app.PostNewAsync("/g", """{"text": "abc", "title": "t", "email": "Jane@Example.org"}""");
        const string md5 = "4b4668e068cfcf565fdad89873cb16a1"; // MD5 of "Jane@Example.org", case preserved
        Assert.Equal($"https://www.gravatar.com/avatar/{md5}?d=identicon&s=55", (await Wire.JsonOf(withEmail)).GetProperty("gravatar_image").GetString());
        using var anonymous = await app.PostNewAsync("/g", """{"text": "abc"}""");
        Assert.Equal("https://www.gravatar.com/avatar/d41d8cd98f00b204e9800998ecf8427e?d=identicon&s=55",
            (await Wire.JsonOf(anonymous)).GetProperty("gravatar_image").GetString());
        var fetched = (await app.FetchAsync("uri=%2Fg")).GetProperty("replies")[0];
        Assert.Equal($"https://www.gravatar.com/avatar/{md5}?d=identicon&s=55", fetched.GetProperty("gravatar_image").GetString());
    }

    [Fact]
    public async Task InfoReportsVersionHostOriginAndModeration()
    {
        await using var app = await TestApp.StartAsync(c => c with { Moderation = c.Moderation with { Enabled = true } });
        var request = Wire.Request(HttpMethod.Get, "/isso/info");
        request.Headers.Host = "comments.example.tld";
        request.Headers.Add("X-Script-Name", "/isso");
        request.Headers.Referrer = new Uri("https://example.tld/some/page");
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"version":"0.14.0","host":"http://comments.example.tld/isso","origin":"https://example.tld","moderation":true}""",
            (await Wire.JsonOf(response)).GetRawText());
    }

    [Fact]
    public async Task InfoAnswersAnyMethodAndFallsBackToTheFirstHost()
    {
        await using var app = await TestApp.StartAsync();
        var request = Wire.Request(HttpMethod.Post, "/info", "{}");
        request.Headers.Add("Origin", "http://localhost:8080");
        using var response = await app.Client.SendAsync(request);
        var info = await Wire.JsonOf(response);
        Assert.Equal("http://localhost:8080", info.GetProperty("origin").GetString());
        Assert.False(info.GetProperty("moderation").GetBoolean());
        using var bare = await app.SendAsync(HttpMethod.Delete, "/info");
        Assert.Equal("https://example.tld", (await Wire.JsonOf(bare)).GetProperty("origin").GetString());
    }
}
