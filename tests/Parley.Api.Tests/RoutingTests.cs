using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class RoutingTests
{
    [Theory]
    [InlineData("/id/abc")]
    [InlineData("/id/-1")]
    [InlineData("/id/+1")]
    [InlineData("/nothing/here")]
    public async Task UnroutablePathsAre404(string path)
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/new", "POST")]
    [InlineData("DELETE", "/count", "POST")]
    [InlineData("POST", "/config", "GET")]
    [InlineData("POST", "/?uri=x", "GET")]
    [InlineData("PATCH", "/id/1", "GET")]
    [InlineData("GET", "/id/1/like", "POST")]
    [InlineData("GET", "/preview", "POST")]
    [InlineData("GET", "/login/", "POST")]
    public async Task WrongMethodIs405WithAllow(string method, string path, string allowed)
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.SendAsync(new HttpMethod(method), path);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains(allowed, Wire.Header(response, "Allow"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin", "/admin/")]
    [InlineData("/demo", "/demo/")]
    [InlineData("/login", "/login/")]
    public async Task PathsWithoutTheirTrailingSlashRedirectWith308(string path, string location)
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.GetAsync(path);
        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/?uri=%2Fx", "application/json")]
    [InlineData("/config", "application/json")]
    [InlineData("/demo/", "text/html; charset=utf-8")]
    [InlineData("/admin/", "text/html; charset=utf-8")]
    public async Task HeadWorksWhereGetDoesWithoutABody(string path, string contentType)
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.SendAsync(HttpMethod.Head, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task DemoPageIsServedUncached()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.GetAsync("/demo/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-cache", Wire.Header(response, "Cache-Control"));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-title=\"Isso Test\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"isso-thread\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptNamePrefixIsStrippedBeforeRouting()
    {
        await using var app = await TestApp.StartAsync();
        var request = Wire.Request(HttpMethod.Post, "/isso/new?uri=%2Fs", """{"text": "abc", "title": "t"}""");
        request.Headers.Add("X-Script-Name", "/isso");
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task RepeatedQueryParametersUseTheFirstValue()
    {
        await using var app = await TestApp.StartAsync();
        await app.CommentAsync("/first");
        var answer = await app.FetchAsync("uri=%2Ffirst&uri=%2Fsecond");
        Assert.Equal(1, answer.GetProperty("replies").GetArrayLength());
    }
}
