using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Parley.Core.Security;

namespace Parley.Api.Tests.Support;

/// <summary>Requests as the Isso client sends them, and readers for Isso's answers.</summary>
internal static class Wire
{
    private static int _nextNetwork;

    /// <summary>A client address in a /24 no other call of this method has handed out.</summary>
    public static string FreshAddress()
    {
        var n = Interlocked.Increment(ref _nextNetwork);
        return $"10.{n / 250 % 250}.{n % 250}.7";
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? json = null, string? ip = null, string? cookie = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = TestApp.Json(json);
        }
        request.Headers.Add("X-Forwarded-For", ip ?? FreshAddress());
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return request;
    }

    public static Task<HttpResponseMessage> SendAsync(this TestApp app, HttpMethod method, string path, string? json = null, string? ip = null, string? cookie = null) =>
        app.Client.SendAsync(Request(method, path, json, ip, cookie));

    public static Task<HttpResponseMessage> GetAsync(this TestApp app, string path, string? ip = null) => app.SendAsync(HttpMethod.Get, path, ip: ip);

    public static Task<HttpResponseMessage> PostAsync(this TestApp app, string path, string json, string? ip = null) =>
        app.SendAsync(HttpMethod.Post, path, json, ip);

    /// <summary>POST /new with a title so no page is fetched.</summary>
    public static Task<HttpResponseMessage> PostNewAsync(this TestApp app, string uri, string json, string? ip = null) =>
        app.SendAsync(HttpMethod.Post, "/new?uri=" + Uri.EscapeDataString(uri), json, ip);

    /// <summary>Creates a published comment one second after the previous one and answers its id and owner cookie.</summary>
    public static async Task<Created> CommentAsync(this TestApp app, string uri, string text = "Hello there", long? parent = null,
        string? ip = null, string? email = null)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["text"] = text, ["parent"] = parent, ["title"] = "A page", ["email"] = email, ["notification"] = email is null ? 0 : 1,
        });
        using var response = await app.PostNewAsync(uri, body, ip);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var json = await JsonOf(response);
        var id = json.GetProperty("id").GetInt64();
        return new Created(id, CookiePair(response, id.ToString(System.Globalization.CultureInfo.InvariantCulture)), json);
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The fetch answer for <paramref name="query"/> (without the leading <c>?</c>).</summary>
    public static async Task<JsonElement> FetchAsync(this TestApp app, string query)
    {
        using var response = await app.GetAsync("/?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonOf(response);
    }

    /// <summary><c>name=value</c> of the Set-Cookie header named <paramref name="name"/>, ready for a Cookie header.</summary>
    public static string CookiePair(HttpResponseMessage response, string name)
    {
        var header = SetCookies(response).Single(h => h.StartsWith(name + "=", StringComparison.Ordinal));
        return header[..header.IndexOf(';', StringComparison.Ordinal)];
    }

    public static IReadOnlyList<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    public static IReadOnlyList<string> XSetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Set-Cookie", out var values) ? [.. values] : [];

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
        : throw new Xunit.Sdk.XunitException($"no {name} header");

    /// <summary>Asserts Isso's HTML error page (shape A) with this status and description.</summary>
    public static async Task AssertHtmlErrorAsync(HttpResponseMessage response, HttpStatusCode status, string description)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<p>{WebUtility.HtmlEncode(description)}</p>", body, StringComparison.Ordinal);
    }

    public static CommentTokens Tokens(this TestApp app) => new(new TokenSigner(app.Store.SessionKey, app.Clock));

    public static StringContent Body(string text, string contentType) => new(text, Encoding.UTF8, new MediaTypeHeaderValue(contentType));

    public static string[] Ids(JsonElement replies) => [.. replies.EnumerateArray().Select(r => r.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

/// <summary>A comment the test created: its id, the <c>id=token</c> cookie and the /new answer.</summary>
internal sealed record Created(long Id, string Cookie, JsonElement Json);
