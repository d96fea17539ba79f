using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

/// <summary>Failed sign-ins from one address lock it out for a while, whatever it tries next.</summary>
public sealed class AdminThrottleTests
{
    private static HttpRequestMessage Login(string password, string ip)
    {
        var request = Wire.Request(HttpMethod.Post, "/login/", ip: ip);
        request.Content = new FormUrlEncodedContent([new("password", password)]);
        return request;
    }

    [Fact]
    public async Task FiveWrongPasswordsLockOutEvenTheRightOneUntilTheLockoutPasses()
    {
        await using var app = await AdminWire.StartAsync();
        var ip = Wire.FreshAddress();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await app.Client.SendAsync(Login("guess" + i, ip));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("role=\"alert\">Wrong password.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var locked = await app.Client.SendAsync(Login(AdminWire.Password, ip)))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
            Assert.Equal("60", Wire.Header(locked, "Retry-After"));
            Assert.Contains("Too many failed sign-ins. Try again in 1 minute.", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Empty(Wire.SetCookies(locked));
        }
        var jsonLogin = AdminWire.Request(HttpMethod.Post, "/admin/api/login", null, """{"password":"s3cret"}""", ip: ip);
        using (var jsonLocked = await app.Client.SendAsync(jsonLogin))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, jsonLocked.StatusCode);
            Assert.Equal("60", Wire.Header(jsonLocked, "Retry-After"));
        }
        using (var otherAddress = await app.Client.SendAsync(Login(AdminWire.Password, Wire.FreshAddress())))
        {
            Assert.Equal(HttpStatusCode.Found, otherAddress.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        using var after = await app.Client.SendAsync(Login(AdminWire.Password, ip));
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.Single(Wire.SetCookies(after));
    }

    [Fact]
    public async Task EachFailureAfterALockoutDoublesIt()
    {
        await using var app = await AdminWire.StartAsync();
        var ip = Wire.FreshAddress();
        for (var i = 0; i < 5; i++)
        {
            using var _ = await app.Client.SendAsync(Login("guess", ip));
        }
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        using (var sixth = await app.Client.SendAsync(Login("guess again", ip)))
        {
            Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        }
        using var locked = await app.Client.SendAsync(Login(AdminWire.Password, ip));
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("120", Wire.Header(locked, "Retry-After"));
        Assert.Contains("Try again in 2 minutes.", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailuresOlderThanTheWindowAreForgotten()
    {
        await using var app = await AdminWire.StartAsync();
        var ip = Wire.FreshAddress();
        for (var i = 0; i < 4; i++)
        {
            using var _ = await app.Client.SendAsync(Login("guess", ip));
        }
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        using (var fifth = await app.Client.SendAsync(Login("guess", ip)))
        {
            Assert.Equal(HttpStatusCode.OK, fifth.StatusCode);
        }
        using var right = await app.Client.SendAsync(Login(AdminWire.Password, ip));
        Assert.Equal(HttpStatusCode.Found, right.StatusCode);
    }
}
