using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class ClientAddressTests
{
    private static async Task<string?> StoredAddressAsync(TestApp app, Action<HttpRequestMessage> adjust)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/new?uri=%2Fa", UriKind.Relative)) { Content = TestApp.Json("""{"text": "abc", "title": "t"}""") };
        adjust(request);
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await Wire.JsonOf(response)).GetProperty("id").GetInt64();
        return (await app.Store.GetCommentAsync(id))!.RemoteAddr;
    }

    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0")]
    [InlineData("1.2.3.4, 203.0.113.77", "203.0.113.0")]
    [InlineData("2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:0db8:85a3:0000:0000:0000:0000:0000")]
    [InlineData("::ffff:198.51.100.9", "198.51.100.0")]
    public async Task ForwardedForFromLoopbackIsHonouredAndAnonymised(string forwarded, string stored)
    {
        await using var app = await TestApp.StartAsync();
        Assert.Equal(stored, await StoredAddressAsync(app, r => r.Headers.Add("X-Forwarded-For", forwarded)));
    }

    [Fact]
    public async Task WithoutForwardedForTheConnectionAddressIsUsed()
    {
        await using var app = await TestApp.StartAsync();
        Assert.Equal("127.0.0.0", await StoredAddressAsync(app, _ => { }));
    }

    [Fact]
    public async Task TrustedProxiesAreSkippedFromTheEnd()
    {
        await using var app = await TestApp.StartAsync(c => c with { Server = c.Server with { TrustedProxies = ["10.0.0.1"] } });
        Assert.Equal("198.51.100.0", await StoredAddressAsync(app, r => r.Headers.Add("X-Forwarded-For", "198.51.100.9, 10.0.0.1")));
    }

    [Fact]
    public async Task VotesAndRateLimitSeeTheForwardedAddress()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/a", ip: "198.51.100.1");
        await app.CommentAsync("/b", ip: "198.51.100.2");
        using var third = await app.PostNewAsync("/c", """{"text": "abc", "title": "t"}""", "198.51.100.3");
        Assert.Equal(HttpStatusCode.Forbidden, third.StatusCode);
        using var elsewhere = await app.PostNewAsync("/c", """{"text": "abc", "title": "t"}""", "198.51.101.3");
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }
}
