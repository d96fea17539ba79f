using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class AdminLoginTests
{
    private static Task<TestApp> EnabledAsync() =>
        TestApp.StartAsync(c => c with { Admin = c.Admin with { Enabled = true, Password = "s3cret" } });

    private static HttpRequestMessage Login(string password, string path = "/login/")
    {
        var request = Wire.Request(HttpMethod.Post, path);
        request.Content = new FormUrlEncodedContent([new("password", password)]);
        return request;
    }

    [Fact]
    public async Task DisabledAdminShowsTheDisabledPage()
    {
        await using var app = await TestApp.StartAsync();
        using var admin = await app.GetAsync("/admin/");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal("text/html; charset=utf-8", admin.Content.Headers.ContentType?.ToString());
        Assert.Contains("Administration disabled", await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var login = await app.Client.SendAsync(Login(AdminConfigDefaults.Sample));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("Administration disabled", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Wire.SetCookies(login));
    }

    [Fact]
    public async Task AdminWithoutSessionShowsTheLoginForm()
    {
        await using var app = await EnabledAsync();
        using var admin = await app.GetAsync("/admin/");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var page = await admin.Content.ReadAsStringAsync();
        Assert.Contains($"action=\"{app.BaseAddress.ToString().TrimEnd('/')}/login/\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"password\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPasswordShowsTheLoginPageAgain()
    {
        await using var app = await EnabledAsync();
        using var response = await app.Client.SendAsync(Login("guess"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("name=\"password\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Wire.SetCookies(response));
    }

    [Fact]
    public async Task RightPasswordRedirectsToAdminWithASessionCookieValidForADay()
    {
        await using var app = await EnabledAsync();
        using var response = await app.Client.SendAsync(Login("s3cret"));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(app.BaseAddress.ToString().TrimEnd('/') + "/admin/", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(Wire.SetCookies(response));
        Assert.Matches("^admin-session=[^;]+; Expires=Sun, 22 Nov 2026 10:00:00 GMT; Max-Age=86400; Path=/; HttpOnly; SameSite=Strict$", cookie);
        var session = Wire.CookiePair(response, "admin-session");
        using (var admin = await app.SendAsync(HttpMethod.Get, "/admin/", cookie: session))
        {
            Assert.DoesNotContain("name=\"password\"", await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        app.Clock.Advance(TimeSpan.FromSeconds(86401));
        using var expired = await app.SendAsync(HttpMethod.Get, "/admin/", cookie: session);
        Assert.Contains("name=\"password\"", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginWithoutPasswordFieldIs400()
    {
        await using var app = await EnabledAsync();
        var request = Wire.Request(HttpMethod.Post, "/login/");
        request.Content = new FormUrlEncodedContent([new("user", "x")]);
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("multipart/form-data")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task AMalformedFormBodyIs400NotA500(string contentType)
    {
        await using var app = await EnabledAsync();
        var request = Wire.Request(HttpMethod.Post, "/login/");
        request.Content = new StringContent("password=123", System.Text.Encoding.ASCII);
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("Accept", "application/json");
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("400 Bad Request: the form body is malformed", await AdminWire.MessageAsync(response));
    }

    private static class AdminConfigDefaults
    {
        public const string Sample = Parley.Core.Config.AdminConfig.SamplePassword;
    }
}
