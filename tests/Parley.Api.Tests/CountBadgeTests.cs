using System.Net;
using System.Xml.Linq;
using Parley.Api.Tests.Support;
using Parley.Http;

namespace Parley.Api.Tests;

public sealed class CountBadgeTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task AnUnknownUriIsABadgeWithZeroNotAnError()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.GetAsync("/badge.svg?uri=%2Fnever-commented%2F");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("comments: 0", Title(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task TheBadgeCountsPublishedCommentsAndAnswers304ToItsETagUntilTheCountChanges()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/post/");
        await app.CommentAsync("/post/", "A second one");
        await app.CommentAsync("/elsewhere/");

        using var first = await app.GetAsync("/badge.svg?uri=%2Fpost%2F");
        var svg = await first.Content.ReadAsStringAsync();
        Assert.Equal("comments: 2", Title(svg));
        Assert.Equal("comments: 2", XDocument.Parse(svg).Root!.Attribute("aria-label")!.Value);
        var etag = Wire.Header(first, "ETag");
        Assert.Equal("no-cache", Wire.Header(first, "Cache-Control"));

        using var again = Wire.Request(HttpMethod.Get, "/badge.svg?uri=%2Fpost%2F");
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var unchanged = await app.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);

        // A comment on another thread leaves this badge's tag valid; one on this thread changes it.
        await app.CommentAsync("/elsewhere/", "Not on the post");
        using var stillSame = Wire.Request(HttpMethod.Get, "/badge.svg?uri=%2Fpost%2F");
        stillSame.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.Equal(HttpStatusCode.NotModified, (await app.Client.SendAsync(stillSame)).StatusCode);

        await app.CommentAsync("/post/", "A third one");
        using var changed = Wire.Request(HttpMethod.Get, "/badge.svg?uri=%2Fpost%2F");
        changed.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var fresh = await app.Client.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("comments: 3", Title(await fresh.Content.ReadAsStringAsync()));
        Assert.NotEqual(etag, Wire.Header(fresh, "ETag"));
    }

    [Fact]
    public async Task CommentsAwaitingModerationAreNotCounted()
    {
        await using var app = await TestApp.StartAsync(c => c with { Moderation = c.Moderation with { Enabled = true } });
        await app.CommentAsync("/post/");
        using var response = await app.GetAsync("/badge.svg?uri=%2Fpost%2F");
        Assert.Equal("comments: 0", Title(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ABadgeWithoutUriIs400WithIssosMessage()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.GetAsync("/badge.svg");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("uri", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheUriNeverReachesTheImage()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.GetAsync("/badge.svg?uri=" + Uri.EscapeDataString("/<script>alert(1)</script>\"&"));
        var svg = await response.Content.ReadAsStringAsync();
        Assert.Equal("comments: 0", Title(svg));
        Assert.DoesNotContain("script", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 82)]
    [InlineData(7, 82)]
    [InlineData(1234, 103)]
    public void TheValueSideWidensWithTheNumberOfDigits(int count, int width)
    {
        var root = XDocument.Parse(CountBadge.Svg(count)).Root!;
        Assert.Equal(width.ToString(System.Globalization.CultureInfo.InvariantCulture), root.Attribute("width")!.Value);
        Assert.Equal($"comments: {count}", root.Element(Svg + "title")!.Value);
    }

    private static string Title(string svg) => XDocument.Parse(svg).Root!.Element(Svg + "title")!.Value;
}
