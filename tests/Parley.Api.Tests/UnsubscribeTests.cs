using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class UnsubscribeTests
{
    [Fact]
    public async Task ValidLinkStopsNotificationsForTheCommentAndItsRepliesWithThatEmail()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/u", email: "alice@example.org");
        await app.CommentAsync("/u", parent: 1, email: "alice@example.org");
        await app.CommentAsync("/u", email: "alice@example.org");
        await app.CommentAsync("/u", parent: 1, email: "bob@example.org");
        var key = app.Tokens().UnsubscribeKey("alice@example.org");
        using var response = await app.GetAsync($"/id/1/unsubscribe/alice%40example.org/{key}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("Successfully unsubscribed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        long?[] flags = [.. await Task.WhenAll(Enumerable.Range(1, 4).Select(async i => (await app.Store.GetCommentAsync(i))!.Notification))];
        Assert.Equal([0, 0, 1, 1], flags);
    }

    [Fact]
    public async Task KeyForAnotherEmailIs403()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/u", email: "alice@example.org");
        var key = app.Tokens().UnsubscribeKey("bob@example.org");
        using var response = await app.GetAsync($"/id/1/unsubscribe/alice%40example.org/{key}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var garbage = await app.GetAsync("/id/1/unsubscribe/alice%40example.org/nonsense");
        Assert.Equal(HttpStatusCode.Forbidden, garbage.StatusCode);
        Assert.Equal(1, (await app.Store.GetCommentAsync(1))!.Notification);
    }

    [Fact]
    public async Task UnknownCommentIs404()
    {
        await using var app = await TestApp.StartAsync();
        var key = app.Tokens().UnsubscribeKey("alice@example.org");
        using var response = await app.GetAsync($"/id/9/unsubscribe/alice%40example.org/{key}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OneClickPostOfRfc8058Unsubscribes()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/u", email: "alice@example.org");
        var key = app.Tokens().UnsubscribeKey("alice@example.org");
        using var response = await app.PostAsync($"/id/1/unsubscribe/alice%40example.org/{key}", "List-Unsubscribe=One-Click");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await app.Store.GetCommentAsync(1))!.Notification);
    }
}
