using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class FeedTests
{
    private static Task<TestApp> StartAsync() =>
        TestApp.StartAsync(c => c with { Rss = c.Rss with { Base = "https://blog.example.tld/" } });

    [Fact]
    public async Task FeedListsTheThreadAsAtomWithRepliesAfterTopLevel()
    {
        await using var app = await StartAsync();
        using (await app.PostNewAsync("/post/", """{"text": "First!", "author": "Ann", "title": "t"}""")) { }
        app.Clock.Advance(TimeSpan.FromSeconds(1.5));
        using (await app.PostNewAsync("/post/", """{"text": "Reply one", "author": "Bob & Co", "parent": 1}""")) { }
        using var response = await app.GetAsync("/feed?uri=/post/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("\"1-1\"", Wire.Header(response, "ETag"));
        Assert.Equal("Sat, 21 Nov 2026 10:00:00 GMT", Wire.Header(response, "Last-Modified"));
        Assert.Equal(
            "<?xml version='1.0' encoding='utf-8'?>\n"
            + "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:thr=\"http://purl.org/syndication/thread/1.0\">"
            + "<updated>2026-11-21T10:00:00Z</updated><id>tag:blog.example.tld,2018:/isso/thread/post/</id><title>Comments for blog.example.tld/post/</title>"
            + "<entry><id>tag:blog.example.tld,2018:/isso/1/1</id><title>Comment #1</title><updated>2026-11-21T10:00:00Z</updated>"
            + "<author><name>Ann</name></author><link href=\"https://blog.example.tld/post/#isso-1\" /><content type=\"html\">&lt;p&gt;First!&lt;/p&gt;</content></entry>"
            + "<entry><id>tag:blog.example.tld,2018:/isso/1/2</id><title>Comment #2</title><updated>2026-11-21T10:00:01.500000Z</updated>"
            + "<author><name>Bob &amp;amp; Co</name></author><link href=\"https://blog.example.tld/post/#isso-2\" /><content type=\"html\">&lt;p&gt;Reply one&lt;/p&gt;</content>"
            + "<thr:in-reply-to ref=\"tag:blog.example.tld,2018:/isso/1/1\" href=\"https://blog.example.tld/post/#isso-1\" /></entry></feed>",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MatchingIfNoneMatchIs304()
    {
        await using var app = await StartAsync();
        await app.CommentAsync("/post/");
        var request = Wire.Request(HttpMethod.Get, "/feed?uri=/post/");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"1-1\"");
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal("\"1-1\"", Wire.Header(response, "ETag"));
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var stale = Wire.Request(HttpMethod.Get, "/feed?uri=/post/");
        stale.Headers.TryAddWithoutValidation("If-None-Match", "\"1-0\"");
        using var fresh = await app.Client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task EmptyThreadFeedHasTheEpochAndEmptyEtag()
    {
        await using var app = await StartAsync();
        using var response = await app.GetAsync("/feed?uri=/none/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"empty\"", Wire.Header(response, "ETag"));
        Assert.Contains("<updated>1970-01-01T01:00:00Z</updated>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedIs404WhenRssBaseIsEmpty()
    {
        await using var app = await TestApp.StartAsync();
        var request = Wire.Request(HttpMethod.Get, "/feed?uri=/post/");
        request.Headers.Add("Accept", "application/json");
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404 Not Found: The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.",
            (await Wire.JsonOf(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task FeedWithoutUriIs400EvenWhenDisabled()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.GetAsync("/feed");
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.BadRequest, "missing uri query");
        await using var enabled = await StartAsync();
        using var again = await enabled.GetAsync("/feed");
        await Wire.AssertHtmlErrorAsync(again, HttpStatusCode.BadRequest, "missing uri query");
    }

    [Fact]
    public async Task NonIntegerLimitIs400Html()
    {
        await using var app = await StartAsync();
        var request = Wire.Request(HttpMethod.Get, "/feed?uri=/post/&limit=ten");
        request.Headers.Add("Accept", "application/json");
        using var response = await app.Client.SendAsync(request);
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.BadRequest, "limit should be integer");
    }

    [Fact]
    public async Task LimitParameterCanOnlyRaiseTheConfiguredLimit()
    {
        await using var app = await TestApp.StartAsync(c => c with { Rss = new() { Base = "https://blog.example.tld", Limit = 2 } });
        for (var i = 0; i < 3; i++)
        {
            await app.CommentAsync("/post/");
        }
        static int Entries(string xml) => xml.Split("<entry>").Length - 1;
        using var one = await app.GetAsync("/feed?uri=/post/&limit=1");
        Assert.Equal(2, Entries(await one.Content.ReadAsStringAsync()));
        using var three = await app.GetAsync("/feed?uri=/post/&limit=3");
        Assert.Equal(3, Entries(await three.Content.ReadAsStringAsync()));
    }
}
