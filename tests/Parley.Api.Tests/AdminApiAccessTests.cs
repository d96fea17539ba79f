using System.Net;
using Parley.Api.Tests.Support;
using Parley.Core.Security;

namespace Parley.Api.Tests;

/// <summary>Who may use the admin JSON API: a valid session, the server's own origin and the CSRF token.</summary>
public sealed class AdminApiAccessTests
{
    public static TheoryData<string, string, string?> Endpoints => new()
    {
        { "GET", "/admin/api/session", null },
        { "GET", "/admin/api/comments", null },
        { "POST", "/admin/api/comments/activate", """{"ids":[1]}""" },
        { "POST", "/admin/api/comments/delete", """{"ids":[1]}""" },
        { "PUT", "/admin/api/comments/1", """{"text":"Changed text"}""" },
        { "POST", "/admin/api/logout", null },
    };

    public static TheoryData<string, string, string?> UnsafeEndpoints => new()
    {
        { "POST", "/admin/api/comments/activate", """{"ids":[1]}""" },
        { "POST", "/admin/api/comments/delete", """{"ids":[1]}""" },
        { "PUT", "/admin/api/comments/1", """{"text":"Changed text"}""" },
        { "POST", "/admin/api/logout", null },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task WithoutSessionEveryEndpointIs401AndNothingChanges(string method, string path, string? json)
    {
        await using var app = await AdminWire.StartAsync();
        var id = await app.SeedAsync("/a", "Waiting here");
        using var response = await app.AdminAsync(new HttpMethod(method), path, null, json);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("sign in first", await AdminWire.MessageAsync(response));
        Assert.Equal(2, (await app.Store.GetCommentAsync(id))!.Mode);
        Assert.Equal("Waiting here", (await app.Store.GetCommentAsync(id))!.Text);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task ForgedOrExpiredSessionIs401(string method, string path, string? json)
    {
        await using var app = await AdminWire.StartAsync();
        await app.SeedAsync("/a", "Waiting here");
        var login = await app.SignInAsync();
        var forgedToken = new TokenSigner("not the key", app.Clock).Sign("{\"logged\":true}");
        using (var forged = await app.AdminAsync(new HttpMethod(method), path, login with { Cookie = "admin-session=" + forgedToken }, json))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }
        app.Clock.Advance(TimeSpan.FromSeconds(86401));
        using var expired = await app.AdminAsync(new HttpMethod(method), path, login, json);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal(2, (await app.Store.GetCommentAsync(1))!.Mode);
    }

    [Theory]
    [MemberData(nameof(UnsafeEndpoints))]
    public async Task MissingOrWrongCsrfTokenIs403AndNothingChanges(string method, string path, string? json)
    {
        await using var app = await AdminWire.StartAsync();
        await app.SeedAsync("/a", "Waiting here");
        var login = await app.SignInAsync();
        foreach (var token in new[] { "", "AAAA", login.Csrf[..^1] + (login.Csrf[^1] == 'A' ? 'B' : 'A') })
        {
            using var response = await app.AdminAsync(new HttpMethod(method), path, login with { Csrf = token }, json);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("CSRF token missing or wrong", await AdminWire.MessageAsync(response));
        }
        Assert.Equal(2, (await app.Store.GetCommentAsync(1))!.Mode);
        Assert.Equal("Waiting here", (await app.Store.GetCommentAsync(1))!.Text);
    }

    [Theory]
    [MemberData(nameof(UnsafeEndpoints))]
    public async Task ForeignOriginIs403EvenWithTheToken(string method, string path, string? json)
    {
        await using var app = await AdminWire.StartAsync();
        await app.SeedAsync("/a", "Waiting here");
        var login = await app.SignInAsync();
        var request = AdminWire.Request(new HttpMethod(method), path, login, json);
        request.Headers.Add("Origin", "https://example.tld");
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(2, (await app.Store.GetCommentAsync(1))!.Mode);
    }

    [Fact]
    public async Task OwnOriginWithTheTokenIsAccepted()
    {
        await using var app = await AdminWire.StartAsync();
        var id = await app.SeedAsync("/a", "Waiting here");
        var login = await app.SignInAsync();
        var request = AdminWire.Request(HttpMethod.Post, "/admin/api/comments/activate", login, $$"""{"ids":[{{id}}]}""");
        request.Headers.Add("Origin", app.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task NoAdminPageOrApiResponseCarriesCorsHeaders()
    {
        await using var app = await AdminWire.StartAsync();
        var login = await app.SignInAsync();
        static HttpRequestMessage Form(string password)
        {
            var request = Wire.Request(HttpMethod.Post, "/login/");
            request.Content = new FormUrlEncodedContent([new("password", password)]);
            return request;
        }
        var requests = new[]
        {
            AdminWire.Request(HttpMethod.Get, "/admin/api/comments", login),
            AdminWire.Request(HttpMethod.Get, "/admin/api/session", null),
            AdminWire.Request(HttpMethod.Options, "/admin/api/comments", null),
            AdminWire.Request(HttpMethod.Post, "/admin/api/login", null, """{"password":"nope"}"""),
            // The panel page carries the CSRF token; the sign-in page and the form's answers are the admin's too.
            AdminWire.Request(HttpMethod.Get, "/admin/", login),
            AdminWire.Request(HttpMethod.Get, "/admin/", null),
            AdminWire.Request(HttpMethod.Get, "/admin", null),
            AdminWire.Request(HttpMethod.Options, "/admin/", null),
            Form("nope"),
            Form(AdminWire.Password),
            AdminWire.Request(HttpMethod.Options, "/login/", null),
        };
        foreach (var request in requests)
        {
            request.Headers.Add("Origin", "https://example.tld");
            var what = $"{request.Method} {request.RequestUri}";
            using var response = await app.Client.SendAsync(request);
            if (request.Method == HttpMethod.Options)
            {
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{what}: {response.StatusCode}");
            }
            else
            {
                Assert.True((int)response.StatusCode < 500, $"{what}: {response.StatusCode}");
            }
            Assert.False(response.Headers.Any(h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase)), what);
        }
        // The public API keeps Isso's CORS.
        var pub = Wire.Request(HttpMethod.Get, "/config");
        pub.Headers.Add("Origin", "https://example.tld");
        using var config = await app.Client.SendAsync(pub);
        Assert.Equal("https://example.tld", Wire.Header(config, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task DisabledAdminApiIs404()
    {
        await using var app = await TestApp.StartAsync(c => c with { Admin = c.Admin with { Password = "s3cret" } });
        using var response = await app.AdminAsync(HttpMethod.Post, "/admin/api/login", null, """{"password":"s3cret"}""");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("administration disabled", await AdminWire.MessageAsync(response));
        Assert.Empty(Wire.SetCookies(response));
    }

    [Fact]
    public async Task JsonLoginAnswers403ForAWrongPassword()
    {
        await using var app = await AdminWire.StartAsync();
        using var response = await app.AdminAsync(HttpMethod.Post, "/admin/api/login", null, """{"password":"guess"}""");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("wrong password", await AdminWire.MessageAsync(response));
        Assert.Empty(Wire.SetCookies(response));
    }

    [Fact]
    public async Task LogoutExpiresTheSessionCookie()
    {
        await using var app = await AdminWire.StartAsync();
        var login = await app.SignInAsync();
        using var response = await app.AdminAsync(HttpMethod.Post, "/admin/api/logout", login);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.StartsWith("admin-session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT", Wire.SetCookies(response).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PanelPageEmbedsTheCsrfTokenOfItsSession()
    {
        await using var app = await AdminWire.StartAsync();
        var login = await app.SignInAsync();
        using var page = await app.SendAsync(HttpMethod.Get, "/admin/", cookie: login.Cookie);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"<meta name=\"parley-csrf\" content=\"{login.Csrf}\">", html, StringComparison.Ordinal);
        Assert.Contains("/js/admin.js\"", html, StringComparison.Ordinal);
        // No third-party assets: everything the page loads comes from the comment server itself or is inline.
        var loads = System.Text.RegularExpressions.Regex.Matches(html, @"(?:src|href)=""([^""]*)""").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(loads);
        Assert.All(loads, url => Assert.True(url.StartsWith(app.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal)
            || url.StartsWith("data:", StringComparison.Ordinal), url));
    }
}
