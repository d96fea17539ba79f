using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

/// <summary>
/// Refusals a reader can act on carry a stable code beside Isso's message: always in <c>X-Parley-Error</c>, and as
/// <c>"code"</c> in the JSON body a client asking for JSON gets. Isso's bodies stay exactly as they were.
/// </summary>
public sealed class RefusalCodeTests
{
    public static TheoryData<string, string, string> FieldRefusals => new()
    {
        { """{"text": "no"}""", "text is too short (minimum length: 3)", "text-too-short" },
        { """{"text": "Hello", "website": "not an address"}""", "Website not Django-conform", "website-invalid" },
        { $$"""{"text": "Hello", "website": "https://example.com/{{new string('x', 250)}}"}""", "arbitrary length limit", "website-too-long" },
        { $$"""{"text": "Hello", "email": "{{new string('x', 250)}}@example.com"}""", "http://tools.ietf.org/html/rfc5321#section-4.5.3", "email-too-long" },
    };

    [Theory]
    [MemberData(nameof(FieldRefusals))]
    public async Task AFieldRefusalKeepsIssosHtmlPageAndAddsTheCodeHeader(string body, string message, string code)
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.PostNewAsync("/p", body);

        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.BadRequest, message);
        Assert.Equal(code, Wire.Header(response, "X-Parley-Error"));
    }

    [Fact]
    public async Task AJsonClientGetsTheCodeBesideTheMessage()
    {
        await using var app = await TestApp.StartAsync(c => c with { Guard = c.Guard with { RequireEmail = true } });
        using var request = Wire.Request(HttpMethod.Post, "/new?uri=%2Fp", """{"text": "Hello there", "title": "P"}""");
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var json = await Wire.JsonOf(response);
        Assert.Equal("403 Forbidden: email address required but not provided", json.GetProperty("message").GetString());
        Assert.Equal("email-required", json.GetProperty("code").GetString());
        Assert.Equal("email-required", Wire.Header(response, "X-Parley-Error"));
    }

    [Fact]
    public async Task TheRateLimitIsNamedAndOtherErrorsCarryNoCode()
    {
        await using var app = await TestApp.StartAsync(c => c with { Guard = c.Guard with { RateLimit = 1 } });
        var ip = Wire.FreshAddress();
        (await app.PostNewAsync("/p", """{"text": "First one", "title": "P"}""", ip)).Dispose();

        using var limited = await app.PostNewAsync("/p", """{"text": "Second one", "title": "P"}""", ip);
        Assert.Equal(HttpStatusCode.Forbidden, limited.StatusCode);
        Assert.Equal("rate-limited", Wire.Header(limited, "X-Parley-Error"));

        using var missing = await app.GetAsync("/id/999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.False(missing.Headers.Contains("X-Parley-Error"));
    }
}
