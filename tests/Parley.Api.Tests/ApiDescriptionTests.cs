using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests;

/// <summary>GET /openapi/v1.json against the app's own route table: a route added without appearing in the document
/// (or a document describing a route that is gone) fails here.</summary>
public sealed partial class ApiDescriptionTests
{
    private const string Document = "/openapi/v1.json";

    // What a path item can hold; a route that takes any method is described with all of them.
    private static readonly string[] AnyMethod = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"];

    [Fact]
    public async Task TheDocumentDescribesEveryRouteWithItsMethodsAndNothingElse()
    {
        await using var app = await TestApp.StartAsync();

        var routes = RouteTable(app);
        var described = Operations(await DocumentAsync(app)).Select(o => o.Route).ToHashSet();

        Assert.Contains("POST /new", routes);
        Assert.Contains("GET /admin/", routes);
        Assert.Contains("PUT /admin/api/comments/{id}", routes);
        Assert.Contains("PATCH /info", routes);
        Assert.True(routes.SetEquals(described),
            $"routes not in the document: {string.Join(", ", routes.Except(described))}; "
            + $"described but not routed: {string.Join(", ", described.Except(routes))}");
    }

    [Fact]
    public async Task EveryOperationHasASummaryAndOnlyItsPathParameters()
    {
        await using var app = await TestApp.StartAsync();

        foreach (var (route, path, operation) in Operations(await DocumentAsync(app)))
        {
            var summary = operation.TryGetProperty("summary", out var s) ? s.GetString() : null;
            Assert.False(string.IsNullOrWhiteSpace(summary), $"{route} has no summary");
            Assert.DoesNotMatch(@"&lt;|&gt;|\n", summary!);
            var declared = operation.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()).ToHashSet()
                : [];
            Assert.All(TemplateNames().Matches(path).Select(m => m.Groups[1].Value), name => Assert.Contains(name, declared));
            // Handlers read query and body themselves and take everything else from the app's services: a service
            // the generator did not recognise would show up here as a query or body parameter.
            Assert.False(operation.TryGetProperty("requestBody", out _), $"{route} has a request body");
            if (operation.TryGetProperty("parameters", out var all))
            {
                Assert.All(all.EnumerateArray(), p => Assert.Equal("path", p.GetProperty("in").GetString()));
            }
        }
    }

    [Fact]
    public async Task TheDocumentIsPublicWhateverTheOriginAndTheAdminSettings()
    {
        await using var app = await TestApp.StartAsync(c => c with { Admin = c.Admin with { Enabled = true, Password = "s3cret" } });

        foreach (var origin in new[] { "http://localhost:8080", "https://elsewhere.example" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Document);
            request.Headers.Add("Origin", origin);
            using var response = await app.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.StartsWith("3.", json.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
            Assert.Equal("Parley", json.RootElement.GetProperty("info").GetProperty("title").GetString());
        }
    }

    /// <summary>"METHOD /path" for every route the app serves, with route constraints left out as the document does.</summary>
    private static HashSet<string> RouteTable(TestApp app)
    {
        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + Constraints().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), "{$1}");
            if (path == "/openapi/{documentName}.json")
            {
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? AnyMethod;
            routes.UnionWith(methods.Select(method => method + " " + path));
        }
        return routes;
    }

    private static async Task<JsonElement> DocumentAsync(TestApp app)
    {
        using var response = await app.Client.GetAsync(new Uri(Document, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static IEnumerable<(string Route, string Path, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(item => AnyMethod.Contains(item.Name.ToUpperInvariant()))
            .Select(item => (item.Name.ToUpperInvariant() + " " + path.Name, path.Name, item.Value)));

    // "{id:long:min(0)}" → "{id}"
    [GeneratedRegex(@"\{([^}:=?]+)[^}]*\}")]
    private static partial Regex Constraints();

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex TemplateNames();
}
