using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

public sealed class ErrorShapeTests
{
    private static async Task<HttpResponseMessage> SendAsync(TestApp app, HttpMethod method, string path, string? accept, string? json = null)
    {
        var request = Wire.Request(method, path, json);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return await app.Client.SendAsync(request);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json, text/plain, */*")]
    public async Task JsonPreferringClientsGetTheMessageShape(string accept)
    {
        await using var app = await TestApp.StartAsync();
        using var response = await SendAsync(app, HttpMethod.Get, "/", accept);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"message":"400 Bad Request: missing uri query"}""", (await Wire.JsonOf(response)).GetRawText());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("text/html, application/json;q=0.9")]
    public async Task OtherClientsGetTheHtmlPage(string? accept)
    {
        await using var app = await TestApp.StartAsync();
        using var response = await SendAsync(app, HttpMethod.Get, "/", accept);
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.BadRequest, "missing uri query");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>400 Bad Request</title>", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Bad Request</h1>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlDescriptionsAreEscaped()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await SendAsync(app, HttpMethod.Get, "/?uri=x&sort=no", null);
        Assert.Contains("<p>Invalid sort option. Must be one of: &#39;newest&#39;, &#39;oldest&#39;, &#39;upvotes&#39;</p>",
            await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/nowhere", null, "404 Not Found: The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.")]
    [InlineData("GET", "/new", null, "405 Method Not Allowed: The method is not allowed for the requested URL.")]
    [InlineData("POST", "/new?uri=%2Fx", "{", "400 Bad Request: Unable to read JSON request")]
    [InlineData("GET", "/id/3", null, "404 Not Found: The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.")]
    [InlineData("PUT", "/id/3", "{}", "403 Forbidden: You don't have the permission to access the requested resource. It is either read-protected or not readable by the server.")]
    [InlineData("POST", "/id/3/activate/bad", null, "403 Forbidden: You don't have the permission to access the requested resource. It is either read-protected or not readable by the server.")]
    public async Task CentralErrorsUseTheMessageShapeForJsonClients(string method, string path, string? json, string message)
    {
        await using var app = await TestApp.StartAsync();
        using var response = await SendAsync(app, new HttpMethod(method), path, "application/json", json);
        Assert.Equal(message, (await Wire.JsonOf(response)).GetProperty("message").GetString());
        Assert.Equal(message[..3], ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task CsrfUsesTheMessageShapeForJsonClients()
    {
        await using var app = await TestApp.StartAsync();
        var request = Wire.Request(HttpMethod.Post, "/new?uri=%2Fx");
        request.Content = Wire.Body("{}", "text/plain");
        request.Headers.Add("Accept", "application/json");
        using var response = await app.Client.SendAsync(request);
        Assert.Equal("""{"message":"403 Forbidden: CSRF"}""", (await Wire.JsonOf(response)).GetRawText());
    }

    [Fact]
    public async Task FieldValidationErrorsAreHtmlEvenForJsonClients()
    {
        await using var app = await TestApp.StartAsync();
        using var response = await SendAsync(app, HttpMethod.Post, "/new?uri=%2Fx", "application/json", """{"text": "abc", "title": "t", "email": 5}""");
        await Wire.AssertHtmlErrorAsync(response, HttpStatusCode.BadRequest, "email must be a string or null");
    }
}
