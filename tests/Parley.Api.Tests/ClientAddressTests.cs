using System.Net;
using Microsoft.AspNetCore.Http;
using Parley.Api.Tests.Support;
using Parley.Http.Edge;

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

    [Theory]
    [InlineData("198.51.100.9, 172.20.1.5", "198.51.100.0")]
    [InlineData("198.51.100.9, 172.31.255.255, 172.16.0.0", "198.51.100.0")]
    [InlineData("198.51.100.9, ::ffff:172.20.1.5", "198.51.100.0")]
    [InlineData("2001:db8:85a3::1, fd12::5", "2001:0db8:85a3:0000:0000:0000:0000:0000")]
    [InlineData("198.51.100.9, fdff:ffff::1, 172.20.1.5", "198.51.100.0")]
    [InlineData("198.51.100.9, 172.32.0.1", "172.32.0.0")]
    [InlineData("198.51.100.9, fe00::1", "fe00:0000:0000:0000:0000:0000:0000:0000")]
    public async Task TrustedRangesAreSkippedFromTheEnd(string forwarded, string stored)
    {
        await using var app = await TestApp.StartAsync(c => c with { Server = c.Server with { TrustedProxies = ["172.16.0.0/12", "fd00::/8"] } });
        Assert.Equal(stored, await StoredAddressAsync(app, r => r.Headers.Add("X-Forwarded-For", forwarded)));
    }

    // A proxy on a Docker bridge connects from a non-loopback address, reported mapped by a dual-stack listener.
    [Theory]
    [InlineData("172.17.0.2", "198.51.100.0", "https")]
    [InlineData("::ffff:172.17.0.2", "198.51.100.0", "https")]
    [InlineData("fd00::2", "198.51.100.0", "https")]
    [InlineData("172.32.0.2", "172.32.0.0", "http")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.0", "http")]
    public async Task APeerInATrustedRangeHasItsForwardingHeadersHonoured(string peer, string client, string scheme)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        context.Request.Scheme = "http";
        context.Request.Headers["X-Forwarded-For"] = "198.51.100.9";
        context.Request.Headers["X-Forwarded-Proto"] = "https";
        var middleware = new ClientAddress(_ => Task.CompletedTask, ["172.16.0.0/12", "fd00::/8"]);

        await middleware.InvokeAsync(context);

        Assert.Equal(client, context.ClientAddress());
        Assert.Equal(scheme, context.Request.Scheme);
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
