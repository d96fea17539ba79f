using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class CorsTests
{
    private static void AssertCors(HttpResponseMessage response, string origin)
    {
        Assert.Equal(origin, Wire.Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Wire.Header(response, "Access-Control-Allow-Credentials"));
        Assert.Equal("HEAD, GET, POST, PUT, DELETE", Wire.Header(response, "Access-Control-Allow-Methods"));
        Assert.Equal("Origin, Referer, Content-Type", Wire.Header(response, "Access-Control-Allow-Headers"));
        Assert.Equal("X-Set-Cookie, Date, X-Parley-Error", Wire.Header(response, "Access-Control-Expose-Headers"));
        Assert.False(response.Headers.Contains("Vary"));
        Assert.NotNull(response.Headers.Date);
    }

    [Theory]
    [InlineData("GET", "/config", 200)]
    [InlineData("GET", "/?uri=%2Fx", 200)]
    [InlineData("GET", "/nowhere", 404)]
    [InlineData("GET", "/new", 405)]
    [InlineData("GET", "/demo", 308)]
    [InlineData("GET", "/?sort=x&uri=a", 400)]
    [InlineData("POST", "/new?uri=%2Fx", 400)]
    [InlineData("POST", "/preview", 400)]
    [InlineData("GET", "/demo/", 200)]
    public async Task EveryResponseCarriesTheFiveCorsHeaders(string method, string path, int status)
    {
        await using var app = await TestApp.StartAsync();
        var request = Wire.Request(new HttpMethod(method), path, method == "POST" ? "{}" : null);
        request.Headers.Add("Origin", "http://localhost:8080");
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        AssertCors(response, "http://localhost:8080");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/new")]
    [InlineData("/id/1")]
    [InlineData("/no/such/path")]
    public async Task PreflightOnAnyPathIs200PlainTextWithCors(string path)
    {
        await using var app = await TestApp.StartAsync();
        var request = Wire.Request(HttpMethod.Options, path);
        request.Headers.Add("Origin", "https://example.tld");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        AssertCors(response, "https://example.tld");
    }

    [Theory]
    [InlineData("Origin", "http://localhost:8080", "http://localhost:8080")]
    [InlineData("Origin", "https://example.tld:443", "https://example.tld")]
    [InlineData("Origin", "https://example.tld", "https://example.tld")]
    [InlineData("Origin", "http://localhost:8081", "https://example.tld")]
    [InlineData("Origin", "http://LOCALHOST:8080", "https://example.tld")]
    [InlineData("Origin", "https://evil.tld", "https://example.tld")]
    [InlineData("Referer", "http://localhost:8080/some/page?x=1", "http://localhost:8080")]
    public async Task AllowOriginIsTheMatchingConfiguredHostElseTheFirst(string header, string value, string expected)
    {
        await using var app = await TestApp.StartAsync();
        var request = Wire.Request(HttpMethod.Get, "/config");
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await app.Client.SendAsync(request);
        AssertCors(response, expected);
    }

    [Fact]
    public async Task OriginWinsOverReferer()
    {
        await using var app = await TestApp.StartAsync();
        var request = Wire.Request(HttpMethod.Get, "/config");
        request.Headers.Add("Origin", "https://example.tld");
        request.Headers.Referrer = new Uri("http://localhost:8080/page");
        using var response = await app.Client.SendAsync(request);
        AssertCors(response, "https://example.tld");
    }

    [Fact]
    public async Task HostsWithExplicitDefaultPortsAndNoSchemeAreNormalised()
    {
        await using var app = await TestApp.StartAsync(c => c with { General = c.General with { Host = ["blog.example.tld", "https://secure.example.tld:443/path", "http://alt.example.tld:8000"] } });
        foreach (var (origin, expected) in new[]
        {
            ("http://blog.example.tld:80", "http://blog.example.tld"),
            ("https://secure.example.tld", "https://secure.example.tld"),
            ("http://alt.example.tld:8000", "http://alt.example.tld:8000"),
            ("http://secure.example.tld", "http://blog.example.tld"),
        })
        {
            var request = Wire.Request(HttpMethod.Get, "/config");
            request.Headers.Add("Origin", origin);
            using var response = await app.Client.SendAsync(request);
            AssertCors(response, expected);
        }
        using var none = await app.GetAsync("/config");
        AssertCors(none, "http://blog.example.tld");
    }
}
