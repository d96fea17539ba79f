using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class PreviewTests
{
    [Fact]
    public async Task PreviewRendersMarkdown()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.PostAsync("/preview", """{"text": "This is **mark**_down_"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("<p>This is <strong>mark</strong><em>down</em></p>", (await Wire.JsonOf(response)).GetProperty("text").GetString());
        Assert.Null(await app.Store.GetThreadAsync(""));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"text": null}""")]
    public async Task PreviewWithoutTextIs400(string body)
    {
        await using var app = await TestApp.StartAsync();
        using var response = await app.PostAsync("/preview", body);
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.BadRequest, "no text given");
        var request = Wire.Request(HttpMethod.Post, "/preview", body);
        request.Headers.Add("Accept", "application/json");
        using var json = await app.Client.SendAsync(request);
        Assert.Equal("400 Bad Request: no text given", (await Wire.JsonOf(json)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task PreviewHasNoCsrfRuleAndNoLengthLimit()
    {
        await using var app = await TestApp.StartAsync();
        var request = Wire.Request(HttpMethod.Post, "/preview");
        request.Content = Wire.Body("""{"text": "a"}""", "text/plain");
        using var response = await app.Client.SendAsync(request);
        Assert.Equal("<p>a</p>", (await Wire.JsonOf(response)).GetProperty("text").GetString());
    }
}
