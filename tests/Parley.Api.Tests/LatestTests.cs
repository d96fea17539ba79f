using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class LatestTests
{
    private static Task<TestApp> StartAsync() =>
        TestApp.StartAsync(c => c with { General = c.General with { LatestEnabled = true } });

    // Published: 1 (/a), 2 → 1, 3 (/b), 4 → 3, 5 (/a); mixed order is 1, 3, 5, 2, 4.
    private static async Task<(TestApp App, Created First)> SiteAsync()
    {
        var app = await StartAsync();
        var first = await app.CommentAsync("/a", "top one");
        await app.CommentAsync("/a", "reply one", parent: 1);
        await app.CommentAsync("/b", "top two");
        await app.CommentAsync("/b", "reply two", parent: 3);
        await app.CommentAsync("/a", "top three");
        return (app, first);
    }

    private static async Task<string[]> LatestAsync(TestApp app, int limit)
    {
        using var response = await app.GetAsync("/latest?limit=" + limit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Wire.Ids(await Wire.JsonOf(response));
    }

    [Theory]
    [InlineData(2, new[] { "2", "4" })]
    [InlineData(3, new[] { "5", "2", "4" })]
    [InlineData(10, new[] { "1", "3", "5", "2", "4" })]
    public async Task LatestIsTheTailOfTopLevelThenReplies(int limit, string[] ids)
    {
        var (app, _) = await SiteAsync();
        await using (app)
        {
            Assert.Equal(ids, await LatestAsync(app, limit));
        }
    }

    [Fact]
    public async Task LatestHasExactlyItsKeysWithRenderedTextAndUri()
    {
        var (app, _) = await SiteAsync();
        await using (app)
        {
            using var response = await app.GetAsync("/latest?limit=1");
            var c = (await Wire.JsonOf(response))[0];
            Assert.Equal(
                ["author", "created", "dislikes", "id", "likes", "mode", "modified", "parent", "text", "uri", "website"],
                c.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
            Assert.Equal("/b", c.GetProperty("uri").GetString());
            Assert.Equal("<p>reply two</p>", c.GetProperty("text").GetString());
            Assert.Equal(3, c.GetProperty("parent").GetInt64());
        }
    }

    [Fact]
    public async Task LatestShowsOnlyPublishedComments()
    {
        var (app, first) = await SiteAsync();
        await using (app)
        {
            (await app.SendAsync(HttpMethod.Delete, "/id/1", cookie: first.Cookie)).Dispose();
            Assert.Equal(4, (await app.Store.GetCommentAsync(1))!.Mode);
            Assert.Equal(["3", "5", "2", "4"], await LatestAsync(app, 10));
        }
        await using var moderated = await TestApp.StartAsync(c => c with
        {
            General = c.General with { LatestEnabled = true },
            Moderation = c.Moderation with { Enabled = true },
        });
        await moderated.CommentAsync("/a");
        Assert.Empty(await LatestAsync(moderated, 10));
    }

    [Fact]
    public async Task LatestIs404HtmlWhenDisabled()
    {
        await using var app = await TestApp.StartAsync();
        var request = Wire.Request(HttpMethod.Get, "/latest?limit=5");
        request.Headers.Add("Accept", "application/json");
        using var response = await app.Client.SendAsync(request);
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.NotFound, "Unavailable because 'latest-enabled' not set by site admin");
    }

    [Theory]
    [InlineData("")]
    [InlineData("?limit=0")]
    [InlineData("?limit=-1")]
    [InlineData("?limit=x")]
    [InlineData("?limit=1.5")]
    public async Task LatestWithoutAPositiveIntegerLimitIs400Html(string query)
    {
        await using var app = await StartAsync();
        var request = Wire.Request(HttpMethod.Get, "/latest" + query);
        request.Headers.Add("Accept", "application/json");
        using var response = await app.Client.SendAsync(request);
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.BadRequest, "Query parameter 'limit' is mandatory (integer, >0)");
    }
}
