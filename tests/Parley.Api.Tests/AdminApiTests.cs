using System.Net;
using System.Text.Json;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

/// <summary>The admin JSON API's listing and actions, checked against the public API and the store.</summary>
public sealed class AdminApiTests
{
    [Fact]
    public async Task ListingShowsPendingCommentsWithCountsAndTheModerationKey()
    {
        await using var app = await AdminWire.StartAsync();
        var first = await app.SeedAsync("/a", "First *one*", author: "Ann", email: "ann@example.org");
        var second = await app.SeedAsync("/b", "Second one", title: "Page B");
        var login = await app.SignInAsync();

        var listing = await app.ListAsync(login);

        Assert.Equal(new[] { second, first }, AdminWire.Ids(listing));
        Assert.Equal(2, listing.GetProperty("total").GetInt32());
        Assert.Equal(0, listing.GetProperty("page").GetInt32());
        Assert.Equal(50, listing.GetProperty("per_page").GetInt32());
        Assert.Equal("""{"1":0,"2":2,"4":0}""", listing.GetProperty("counts").GetRawText());
        var ann = listing.GetProperty("comments")[1];
        Assert.Equal("First *one*", ann.GetProperty("text").GetString());
        Assert.Equal("<p>First <em>one</em></p>", ann.GetProperty("html").GetString());
        Assert.Equal(("Ann", "ann@example.org", "/a", 2), (ann.GetProperty("author").GetString(), ann.GetProperty("email").GetString(),
            ann.GetProperty("uri").GetString(), ann.GetProperty("mode").GetInt32()));
        Assert.Equal("Page B", listing.GetProperty("comments")[0].GetProperty("title").GetString());
        Assert.Equal(first, app.Tokens().ModeratedId(ann.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task ListingFiltersByEachSearchField()
    {
        await using var app = await AdminWire.StartAsync();
        var ann = await app.SeedAsync("/posts/one/", "Lovely weather", author: "Ann", email: "ann@example.org", title: "Weather report");
        var bob = await app.SeedAsync("/posts/two/", "100% agree", author: "Bob", email: "bob@example.net", title: "Opinions");
        var login = await app.SignInAsync();

        Assert.Equal(new[] { ann }, AdminWire.Ids(await app.ListAsync(login, "text=WEATHER")));
        Assert.Equal(new[] { bob }, AdminWire.Ids(await app.ListAsync(login, "text=0%25%20a")));
        Assert.Equal(new[] { bob }, AdminWire.Ids(await app.ListAsync(login, "author=bo")));
        Assert.Equal(new[] { ann }, AdminWire.Ids(await app.ListAsync(login, "email=example.org")));
        Assert.Equal(new[] { bob }, AdminWire.Ids(await app.ListAsync(login, "thread=%2Ftwo%2F")));
        Assert.Equal(new[] { ann }, AdminWire.Ids(await app.ListAsync(login, "thread=report")));
        var none = await app.ListAsync(login, "author=ann&thread=two");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.Empty(AdminWire.Ids(none));
    }

    [Fact]
    public async Task ListingPagesSortsAndSelectsModes()
    {
        await using var app = await AdminWire.StartAsync();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await app.SeedAsync("/a", $"Comment number {i}"));
        }
        var login = await app.SignInAsync();
        using (await app.AdminAsync(HttpMethod.Post, "/admin/api/comments/activate", login, $$"""{"ids":[{{ids[0]}}]}""")) { }

        var page = await app.ListAsync(login, "per_page=2&page=1&order_by=id&asc=1");
        Assert.Equal(new[] { ids[3], ids[4] }, AdminWire.Ids(page));
        Assert.Equal(4, page.GetProperty("total").GetInt32());
        Assert.Equal(new[] { ids[4], ids[3] }, AdminWire.Ids(await app.ListAsync(login, "per_page=2")));
        Assert.Equal(new[] { ids[0] }, AdminWire.Ids(await app.ListAsync(login, "mode=1")));
        Assert.Equal(5, AdminWire.Ids(await app.ListAsync(login, "mode=all")).Length);
        Assert.Equal("""{"1":1,"2":4,"4":0}""", page.GetProperty("counts").GetRawText());
    }

    [Theory]
    [InlineData("page=x", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("per_page=0", "per_page")]
    [InlineData("per_page=201", "per_page")]
    [InlineData("per_page=99999999999999999999", "per_page")]
    [InlineData("asc=2", "asc")]
    [InlineData("mode=3", "mode")]
    [InlineData("order_by=text", "order_by")]
    public async Task BadListingParametersAre400NamingTheParameter(string query, string parameter)
    {
        await using var app = await AdminWire.StartAsync();
        var login = await app.SignInAsync();
        using var response = await app.AdminAsync(HttpMethod.Get, "/admin/api/comments?" + query, login);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(parameter + " must be", await AdminWire.MessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkActivatePublishesTenPendingComments()
    {
        await using var app = await AdminWire.StartAsync();
        var ids = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await app.SeedAsync("/bulk", $"Pending comment {i}"));
        }
        var login = await app.SignInAsync();
        Assert.Empty(await app.PublishedIdsAsync("/bulk"));

        using var response = await app.AdminAsync(HttpMethod.Post, "/admin/api/comments/activate", login,
            JsonSerializer.Serialize(new { ids = ids.Append(999) }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await Wire.JsonOf(response);
        Assert.Equal(ids, answer.GetProperty("activated").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(new long[] { 999 }, answer.GetProperty("unchanged").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(ids.Order(), (await app.PublishedIdsAsync("/bulk")).Order());
        using var again = await app.AdminAsync(HttpMethod.Post, "/admin/api/comments/activate", login, JsonSerializer.Serialize(new { ids }));
        Assert.Empty((await Wire.JsonOf(again)).GetProperty("activated").EnumerateArray());
    }

    [Fact]
    public async Task BulkDeleteRemovesTheCommentsAndReportsMissingOnes()
    {
        await using var app = await AdminWire.StartAsync(moderation: false);
        var keep = await app.SeedAsync("/d", "Keep this one");
        var gone1 = await app.SeedAsync("/d", "Remove this one");
        var gone2 = await app.SeedAsync("/d", "Remove that one");
        var login = await app.SignInAsync();

        using var response = await app.AdminAsync(HttpMethod.Post, "/admin/api/comments/delete", login,
            JsonSerializer.Serialize(new { ids = new[] { gone1, gone2, 4242 } }));

        var answer = await Wire.JsonOf(response);
        Assert.Equal(new[] { gone1, gone2 }, answer.GetProperty("deleted").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(new long[] { 4242 }, answer.GetProperty("missing").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(new[] { keep }, await app.PublishedIdsAsync("/d"));
    }

    [Fact]
    public async Task EditChangesTextAuthorAndWebsiteButNotModified()
    {
        await using var app = await AdminWire.StartAsync();
        var id = await app.SeedAsync("/e", "Speling mistake", author: "Ann");
        var login = await app.SignInAsync();

        using var response = await app.AdminAsync(HttpMethod.Put, $"/admin/api/comments/{id}", login,
            """{"text":"Spelling *fixed*","author":"Ann <B>","website":"https://ann.example"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edited = await Wire.JsonOf(response);
        Assert.Equal(("Spelling *fixed*", "<p>Spelling <em>fixed</em></p>", "Ann &lt;B&gt;", "/e"),
            (edited.GetProperty("text").GetString(), edited.GetProperty("html").GetString(), edited.GetProperty("author").GetString(), edited.GetProperty("uri").GetString()));
        var stored = (await app.Store.GetCommentAsync(id))!;
        Assert.Equal(("Spelling *fixed*", "https://ann.example", (double?)null), (stored.Text, stored.Website, stored.Modified));
    }

    [Theory]
    [InlineData("POST", "/admin/api/comments/activate", """{"ids":[]}""")]
    [InlineData("POST", "/admin/api/comments/activate", """{"ids":["1"]}""")]
    [InlineData("POST", "/admin/api/comments/activate", """{"ids":[1.5]}""")]
    [InlineData("POST", "/admin/api/comments/delete", """{"id":1}""")]
    [InlineData("POST", "/admin/api/comments/delete", """[1]""")]
    [InlineData("POST", "/admin/api/comments/delete", "not json")]
    [InlineData("PUT", "/admin/api/comments/1", """{"text":"no"}""")]
    [InlineData("PUT", "/admin/api/comments/1", """{"author":"Only author"}""")]
    [InlineData("PUT", "/admin/api/comments/1", """{"text":"Fine text","website":"not a site"}""")]
    public async Task BadInputIs400WithAMessageAndChangesNothing(string method, string path, string json)
    {
        await using var app = await AdminWire.StartAsync();
        await app.SeedAsync("/x", "Original text", author: "Ann");
        var login = await app.SignInAsync();

        using var response = await app.AdminAsync(new HttpMethod(method), path, login, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await AdminWire.MessageAsync(response));
        var stored = (await app.Store.GetCommentAsync(1))!;
        Assert.Equal(("Original text", "Ann", 2), (stored.Text, stored.Author, stored.Mode));
    }

    [Fact]
    public async Task TooManyIdsAre400()
    {
        await using var app = await AdminWire.StartAsync();
        var login = await app.SignInAsync();
        using var response = await app.AdminAsync(HttpMethod.Post, "/admin/api/comments/delete", login,
            JsonSerializer.Serialize(new { ids = Enumerable.Range(1, 501) }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task EditingAMissingCommentIs404()
    {
        await using var app = await AdminWire.StartAsync();
        var login = await app.SignInAsync();
        using var response = await app.AdminAsync(HttpMethod.Put, "/admin/api/comments/77", login, """{"text":"Some new text"}""");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("comment not found", await AdminWire.MessageAsync(response));
    }
}
