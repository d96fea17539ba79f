using System.Net;
using System.Text.Json;

namespace Parley.Api.Tests.Support;

/// <summary>A signed-in admin: the <c>admin-session=…</c> cookie pair and its CSRF token.</summary>
internal sealed record AdminLogin(string Cookie, string Csrf);

/// <summary>Requests to the admin JSON API as the panel sends them.</summary>
internal static class AdminWire
{
    public const string Password = "s3cret";

    /// <summary>An app with the admin on and, by default, moderation on so new comments are pending.</summary>
    public static Task<TestApp> StartAsync(bool moderation = true) => TestApp.StartAsync(c => c with
    {
        Admin = c.Admin with { Enabled = true, Password = Password },
        Moderation = c.Moderation with { Enabled = moderation },
    });

    public static HttpRequestMessage Request(HttpMethod method, string path, AdminLogin? login, string? json = null,
        string? csrf = null, string? ip = null)
    {
        var request = Wire.Request(method, path, json, ip, login?.Cookie);
        if ((csrf ?? login?.Csrf) is { } token)
        {
            request.Headers.Add("X-Parley-CSRF", token);
        }
        return request;
    }

    public static Task<HttpResponseMessage> AdminAsync(this TestApp app, HttpMethod method, string path, AdminLogin? login, string? json = null) =>
        app.Client.SendAsync(Request(method, path, login, json));

    public static async Task<AdminLogin> SignInAsync(this TestApp app)
    {
        using var response = await app.Client.SendAsync(Request(HttpMethod.Post, "/admin/api/login", null, $$"""{"password":"{{Password}}"}"""));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookie = Wire.CookiePair(response, "admin-session");
        using var session = await app.Client.SendAsync(Request(HttpMethod.Get, "/admin/api/session", new AdminLogin(cookie, "")));
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        return new AdminLogin(cookie, (await Wire.JsonOf(session)).GetProperty("csrf").GetString()!);
    }

    /// <summary>Posts a comment one second after the previous one (pending when moderation is on) and answers its id.</summary>
    public static async Task<long> SeedAsync(this TestApp app, string uri, string text, string? author = null, string? email = null, string? title = "A page")
    {
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var body = JsonSerializer.Serialize(new { text, author, email, title });
        using var response = await app.PostNewAsync(uri, body);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await Wire.JsonOf(response)).GetProperty("id").GetInt64();
    }

    /// <summary>GET /admin/api/comments?<paramref name="query"/>, asserted 200.</summary>
    public static async Task<JsonElement> ListAsync(this TestApp app, AdminLogin login, string query = "")
    {
        using var response = await app.AdminAsync(HttpMethod.Get, "/admin/api/comments?" + query, login);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await Wire.JsonOf(response);
    }

    public static long[] Ids(JsonElement listing) =>
        [.. listing.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("id").GetInt64())];

    /// <summary>Ids of the published comments of a thread, over the public API.</summary>
    public static async Task<long[]> PublishedIdsAsync(this TestApp app, string uri)
    {
        using var response = await app.GetAsync("/?uri=" + Uri.EscapeDataString(uri));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
        var json = await Wire.JsonOf(response);
        return [.. json.GetProperty("replies").EnumerateArray().Where(c => c.GetProperty("mode").GetInt32() == 1).Select(c => c.GetProperty("id").GetInt64())];
    }

    public static async Task<string> MessageAsync(HttpResponseMessage response) =>
        (await Wire.JsonOf(response)).GetProperty("message").GetString()!;
}
