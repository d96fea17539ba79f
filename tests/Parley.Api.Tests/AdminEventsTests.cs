using System.Net;
using System.Text.Json;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class AdminEventsTests
{
    [Fact]
    public async Task TheHistoryListsEventsNewestFirstWithFiltersAndPagesAndNoPrivateField()
    {
        await using var app = await AdminWire.StartAsync(moderation: false);
        var login = await app.SignInAsync();
        await app.SeedAsync("/a/", "one", email: "ann@example.org");
        await app.SeedAsync("/b/", "two");
        await app.SeedAsync("/a/", "three");

        var all = await HistoryAsync(app, login, "limit=100");
        var types = all.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["comment.created", "comment.created", "thread.created", "comment.created", "thread.created"], types);
        Assert.Equal(JsonValueKind.Null, all.GetProperty("next").ValueKind);
        Assert.DoesNotContain("ann@example.org", all.GetRawText(), StringComparison.Ordinal);
        var newest = all.GetProperty("events")[0];
        Assert.Equal("three", newest.GetProperty("comment").GetProperty("text").GetString());
        Assert.Equal("/a/", newest.GetProperty("thread").GetProperty("uri").GetString());
        Assert.StartsWith("evt_", newest.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Z", newest.GetProperty("timestamp").GetString(), StringComparison.Ordinal);

        var onA = await HistoryAsync(app, login, "type=comment.created&uri=%2Fa%2F");
        Assert.Equal(["three", "one"], onA.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("comment").GetProperty("text").GetString()));

        // Two at a time, following "next" until it is null: every event once, in the same order.
        var paged = new List<string>();
        var query = "limit=2";
        while (true)
        {
            var page = await HistoryAsync(app, login, query);
            paged.AddRange(page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
            if (page.GetProperty("next").GetString() is not { } next)
            {
                break;
            }
            query = "limit=2&before=" + next;
        }
        Assert.Equal(all.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()!), paged);

        // A time window in the future is empty; ISO 8601 and Unix seconds both work.
        var later = await HistoryAsync(app, login, "since=" + Uri.EscapeDataString(app.Clock.GetUtcNow().AddHours(1).ToString("O")));
        Assert.Empty(later.GetProperty("events").EnumerateArray());
        var earlier = await HistoryAsync(app, login, "until=1");
        Assert.Empty(earlier.GetProperty("events").EnumerateArray());
    }

    [Theory]
    [InlineData("type=comment.liked", "type must be one of")]
    [InlineData("limit=0", "limit must be an integer from 1 to 100")]
    [InlineData("limit=101", "limit must be an integer from 1 to 100")]
    [InlineData("before=12", "before must be an event id")]
    [InlineData("since=yesterday", "since must be Unix seconds or an ISO 8601 time")]
    public async Task ABadFilterIs400NamingIt(string query, string message)
    {
        await using var app = await AdminWire.StartAsync();
        var login = await app.SignInAsync();
        using var response = await app.AdminAsync(HttpMethod.Get, "/admin/api/events?" + query, login);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHistoryIsForTheAdminOnly()
    {
        await using var app = await AdminWire.StartAsync();
        await app.SeedAsync("/a/", "one");
        using var response = await app.AdminAsync(HttpMethod.Get, "/admin/api/events", login: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<JsonElement> HistoryAsync(TestApp app, AdminLogin login, string query)
    {
        using var response = await app.AdminAsync(HttpMethod.Get, "/admin/api/events?" + query, login);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await Wire.JsonOf(response);
    }
}
