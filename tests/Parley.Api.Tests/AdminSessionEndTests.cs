using System.Net;
using Microsoft.Data.Sqlite;
using Parley.Api.Tests.Support;
using Parley.Core.Security;

namespace Parley.Api.Tests;

/// <summary>
/// Admin sessions end when they should: at sign-out, and when the password is replaced, also by
/// <c>config set-admin-password</c> run as another process while the server runs. A cookie captured before is
/// refused afterwards by the JSON API (401) and the panel page (the sign-in form again).
/// </summary>
public sealed class AdminSessionEndTests
{
    private const string FirstPassword = "first-long-password";

    [Fact]
    public async Task ACookieCapturedBeforeLogoutGets401AfterItAndThePanelShowsSignInAgain()
    {
        await using var app = await AdminWire.StartAsync();
        var captured = await app.SignInAsync();
        var other = await app.SignInAsync();
        await AssertSignedInAsync(app, captured);

        using (var logout = await app.AdminAsync(HttpMethod.Post, "/admin/api/logout", captured))
        {
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        }

        await AssertSignedOutAsync(app, captured);
        // Only the session that signed out ends: another browser stays signed in.
        await AssertSignedInAsync(app, other);
    }

    [Fact]
    public async Task ACookieCapturedBeforeSetAdminPasswordGets401AfterIt()
    {
        var hash = AdminPassword.Hash(FirstPassword);
        await using var app = await TestApp.StartAsync(c => c with { Admin = c.Admin with { Enabled = true, Password = hash } });
        var fromApi = await SignInAsync(app, FirstPassword);
        var fromForm = await SignInWithFormAsync(app, FirstPassword);
        await AssertSignedInAsync(app, fromApi);
        await AssertSignedInAsync(app, fromForm);
        using var config = TempConfig.Of($"[general]\ndbpath = {app.DbPath}\nhost = https://example.tld/\n[admin]\nenabled = true\npassword = {hash}\n");

        var result = await config.RunAsync("config", "set-admin-password");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Every admin session has been signed out, also on a running server", result.Output, StringComparison.Ordinal);
        await AssertSignedOutAsync(app, fromApi);
        await AssertSignedOutAsync(app, fromForm);
    }

    [Fact]
    public async Task AfterSetAdminPasswordAServerThatHasNotReadTheNewOneRefusesEveryPassword()
    {
        var hash = AdminPassword.Hash(FirstPassword);
        await using var app = await TestApp.StartAsync(c => c with { Admin = c.Admin with { Enabled = true, Password = hash } });
        using var config = TempConfig.Of($"[general]\ndbpath = {app.DbPath}\nhost = https://example.tld/\n[admin]\nenabled = true\npassword = {hash}\n");
        var result = await config.RunAsync("config", "set-admin-password");
        Assert.True(result.ExitCode == 0, result.ToString());
        var attempts = Wire.FreshAddress();

        // The old password is not taken any more; the new one is unknown to this server (it watches no file) until it restarts.
        using (var api = await app.Client.SendAsync(AdminWire.Request(HttpMethod.Post, "/admin/api/login", null,
            $$"""{"password":"{{FirstPassword}}"}""", ip: attempts)))
        {
            Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
            Assert.Equal("the admin password has just been changed; try again in a few seconds, or restart Parley if this stays", await AdminWire.MessageAsync(api));
            Assert.Empty(Wire.SetCookies(api));
        }
        using var form = await app.Client.SendAsync(LoginForm(FirstPassword, attempts));
        Assert.Equal(HttpStatusCode.Conflict, form.StatusCode);
        Assert.Contains("The admin password has just been changed. Try again in a few seconds; if this stays, restart Parley.",
            await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Wire.SetCookies(form));
    }

    [Fact]
    public async Task ARestartKeepsSessionsUnderTheSamePasswordAndEndsThemUnderAnother()
    {
        var hash = AdminPassword.Hash(FirstPassword);
        var copy = Path.Combine(Path.GetTempPath(), $"parley-sessions-{Guid.NewGuid():N}.db");
        AdminLogin login;
        await using (var first = await TestApp.StartAsync(c => c with { Admin = c.Admin with { Enabled = true, Password = hash } }))
        {
            login = await SignInAsync(first, FirstPassword);
            CopyDatabase(first.DbPath, copy);
        }
        try
        {
            await using (var same = await StartOnCopyAsync(copy, hash))
            {
                await AssertSignedInAsync(same, login);
            }
            await using var other = await StartOnCopyAsync(copy, AdminPassword.Hash("another-long-password"));
            await AssertSignedOutAsync(other, login);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task TheSessionCookieIsHttpOnlySameSiteStrictAndHasNoCopyForScripts()
    {
        await using var app = await AdminWire.StartAsync();
        using var api = await app.Client.SendAsync(AdminWire.Request(HttpMethod.Post, "/admin/api/login", null, $$"""{"password":"{{AdminWire.Password}}"}"""));
        using var form = await app.Client.SendAsync(LoginForm(AdminWire.Password));

        foreach (var response in new[] { api, form })
        {
            Assert.Matches("^admin-session=[^;]+; Expires=Sun, 22 Nov 2026 10:00:00 GMT; Max-Age=86400; Path=/; HttpOnly; SameSite=Strict$",
                Assert.Single(Wire.SetCookies(response)));
            Assert.Empty(Wire.XSetCookies(response));
        }
        var login = new AdminLogin(Wire.CookiePair(api, "admin-session"), "");
        using var session = await app.AdminAsync(HttpMethod.Get, "/admin/api/session", login);
        using var logout = await app.AdminAsync(HttpMethod.Post, "/admin/api/logout",
            login with { Csrf = (await Wire.JsonOf(session)).GetProperty("csrf").GetString()! });
        Assert.Equal("admin-session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; HttpOnly; SameSite=Strict",
            Assert.Single(Wire.SetCookies(logout)));
    }

    [Theory]
    [InlineData("https://comments.example.tld", null)]
    [InlineData("", "https")]
    public async Task OverHttpsTheSessionCookieIsSecureAndStaysSameSiteStrict(string publicEndpoint, string? forwardedProto)
    {
        // [server] samesite = None is for the comment cookies of the embedding site; the admin's cookie never follows it.
        await using var app = await TestApp.StartAsync(c => c with
        {
            Admin = c.Admin with { Enabled = true, Password = AdminWire.Password },
            Server = c.Server with { PublicEndpoint = publicEndpoint, SameSite = "None" },
        });
        var request = AdminWire.Request(HttpMethod.Post, "/admin/api/login", null, $$"""{"password":"{{AdminWire.Password}}"}""");
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.EndsWith("; Path=/; HttpOnly; SameSite=Strict; Secure", Assert.Single(Wire.SetCookies(response)), StringComparison.Ordinal);
    }

    private static HttpRequestMessage LoginForm(string password, string? ip = null)
    {
        var request = Wire.Request(HttpMethod.Post, "/login/", ip: ip);
        request.Content = new FormUrlEncodedContent([new("password", password)]);
        return request;
    }

    private static async Task<AdminLogin> SignInAsync(TestApp app, string password)
    {
        using var response = await app.Client.SendAsync(AdminWire.Request(HttpMethod.Post, "/admin/api/login", null, $$"""{"password":"{{password}}"}"""));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return await WithCsrfAsync(app, Wire.CookiePair(response, "admin-session"));
    }

    private static async Task<AdminLogin> SignInWithFormAsync(TestApp app, string password)
    {
        using var response = await app.Client.SendAsync(LoginForm(password));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return await WithCsrfAsync(app, Wire.CookiePair(response, "admin-session"));
    }

    private static async Task<AdminLogin> WithCsrfAsync(TestApp app, string cookie)
    {
        using var session = await app.AdminAsync(HttpMethod.Get, "/admin/api/session", new AdminLogin(cookie, ""));
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        return new AdminLogin(cookie, (await Wire.JsonOf(session)).GetProperty("csrf").GetString()!);
    }

    private static async Task AssertSignedInAsync(TestApp app, AdminLogin login)
    {
        using (var list = await app.AdminAsync(HttpMethod.Get, "/admin/api/comments", login))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }
        using var page = await app.SendAsync(HttpMethod.Get, "/admin/", cookie: login.Cookie);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<meta name=\"parley-csrf\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"password\"", html, StringComparison.Ordinal);
    }

    private static async Task AssertSignedOutAsync(TestApp app, AdminLogin login)
    {
        foreach (var (method, path, json) in new[]
        {
            (HttpMethod.Get, "/admin/api/comments", (string?)null),
            (HttpMethod.Get, "/admin/api/session", null),
            (HttpMethod.Post, "/admin/api/comments/activate", """{"ids":[1]}"""),
        })
        {
            using var response = await app.AdminAsync(method, path, login, json);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("sign in first", await AdminWire.MessageAsync(response));
        }
        using var page = await app.SendAsync(HttpMethod.Get, "/admin/", cookie: login.Cookie);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("name=\"password\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("parley-csrf", html, StringComparison.Ordinal);
    }

    // A consistent copy of a live database, sessions and session key included.
    private static void CopyDatabase(string from, string to)
    {
        using var connection = new SqliteConnection($"Data Source={from};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO @to";
        command.Parameters.AddWithValue("@to", to);
        command.ExecuteNonQuery();
    }

    private static Task<TestApp> StartOnCopyAsync(string copy, string passwordHash) => TestApp.StartAsync(
        c => c with { Admin = c.Admin with { Enabled = true, Password = passwordHash } },
        prepare: path => File.Copy(copy, path));
}
