using System.Globalization;
using System.Net;
using Parley.Api.Tests.Support;

namespace Parley.Api.Tests.Reload;

/// <summary>A website that is not in [general] host is named in the log, and its pages can learn that they are refused.</summary>
public sealed class RefusedOriginTests
{
    private static Task<TestApp> StartAsync() =>
        TestApp.StartFromFileAsync(db => $"[general]\ndbpath = {db}\nhost =\n    https://example.tld\n    https://www.example.tld/\n    http://localhost\n");

    private static async Task<HttpResponseMessage> GetFromAsync(TestApp app, string path, string origin)
    {
        var request = Wire.Request(HttpMethod.Get, path);
        // Unvalidated: the tests send what no browser would, too.
        request.Headers.TryAddWithoutValidation("Origin", origin);
        return await app.Client.SendAsync(request);
    }

    private static IReadOnlyList<string> Refusals(TestApp app) =>
        [.. app.Logs.Lines.Where(l => l.Contains("Refused requests from", StringComparison.Ordinal))];

    [Fact]
    public async Task ARefusedOriginIsLoggedOnceWithTheCommandThatAllowsIt()
    {
        await using var app = await StartAsync();
        (await GetFromAsync(app, "/?uri=%2Fpost%2F", "https://blog.example")).Dispose();
        (await GetFromAsync(app, "/config", "https://blog.example")).Dispose();

        var line = Assert.Single(Refusals(app));
        Assert.StartsWith("Warning: ", line, StringComparison.Ordinal);
        Assert.Contains("Refused requests from https://blog.example: it is not in [general] host", line, StringComparison.Ordinal);
        // The configured websites, as set-websites writes them, then the new one; the placeholder is added back by the command.
        Assert.EndsWith($"parley -c {app.ConfigPath} config set-websites https://example.tld https://www.example.tld https://blog.example", line,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLoggedCommandAllowsTheWebsite()
    {
        await using var app = await StartAsync();
        (await GetFromAsync(app, "/config", "https://blog.example")).Dispose();
        var line = Assert.Single(Refusals(app));
        var command = line[(line.IndexOf("parley -c ", StringComparison.Ordinal) + "parley ".Length)..].Split(' ');

        var cli = await ParleyCli.RunAsync(command);
        Assert.True(cli.ExitCode == 0, cli.ToString());
        await app.Logs.WaitForAsync("now in effect: [general] host");

        using var allowed = await GetFromAsync(app, "/config", "https://blog.example");
        Assert.Equal("https://blog.example", Wire.Header(allowed, "Access-Control-Allow-Origin"));
        using var kept = await GetFromAsync(app, "/config", "https://www.example.tld");
        Assert.Equal("https://www.example.tld", Wire.Header(kept, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AllowedOriginsTheServersOwnPagesTheAdminAndNonBrowserOriginsAreNotLogged()
    {
        await using var app = await StartAsync();
        var own = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        (await GetFromAsync(app, "/config", "https://www.example.tld")).Dispose();
        (await GetFromAsync(app, "/config", own)).Dispose();
        (await GetFromAsync(app, "/admin/", "https://evil.example")).Dispose();
        (await GetFromAsync(app, "/config", "null")).Dispose();
        (await GetFromAsync(app, "/config", "https://x.example$(touch pwned)")).Dispose();
        // Logged after all of the above, by the same middleware: had any of them been logged, it would come first.
        (await GetFromAsync(app, "/config", "https://last.example")).Dispose();

        var line = Assert.Single(Refusals(app));
        Assert.Contains("https://last.example", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheFirstHundredRefusedOriginsAreRemembered()
    {
        await using var app = await StartAsync();
        for (var i = 0; i < 105; i++)
        {
            (await GetFromAsync(app, "/config", $"https://site{i.ToString(CultureInfo.InvariantCulture)}.example")).Dispose();
        }
        Assert.Equal(100, Refusals(app).Count);
        Assert.Contains(Refusals(app), l => l.Contains("https://site99.example:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://blog.example", false)]
    [InlineData("https://www.example.tld", true)]
    [InlineData(null, true)]
    public async Task TheOriginCheckTellsAnyPageWhetherItIsAllowedWithoutCookies(string? origin, bool allowed)
    {
        await using var app = await StartAsync();
        var request = Wire.Request(HttpMethod.Get, "/origin-check");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(allowed, (await Wire.JsonOf(response)).GetProperty("allowed").GetBoolean());
        Assert.Equal("*", Wire.Header(response, "Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Equal("Origin", Wire.Header(response, "Vary"));
        Assert.Equal("no-store", Wire.Header(response, "Cache-Control"));
    }
}
