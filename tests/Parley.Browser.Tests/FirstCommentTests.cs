using System.Globalization;
using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>
/// The widget's first load on a slow phone: Chromium throttled to a 150 ms round trip, 1.6 Mbit/s down and a CPU
/// four times slower. The catalogue, <c>GET /config</c> and the thread must be in flight together; the time until the
/// first comment shows is reported (a measurement, not asserted: bench/first-comment.sh repeats it).
/// </summary>
public sealed class FirstCommentTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    // When the first comment is drawn, by the page's own clock (ms since navigation started).
    private const string Watch = """
        new MutationObserver((_, observer) => {
          if (document.querySelector('#isso-root .isso-comment')) {
            window.parleyFirstComment = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
        """;

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task UnderAMobileThrottleTheWidgetAsksForEverythingAtOnce(string lang)
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var first = await site.Api.PostAsync("/post-1/", "The first comment, with **some** text.", author: "Ada", from: 1);
        await site.Api.PostAsync("/post-1/", "A reply to it.", parent: first, author: "Bea", from: 2);
        var session = await site.OpenSessionAsync();
        var page = session.Page;
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 150, ["downloadThroughput"] = 1_600_000 / 8, ["uploadThroughput"] = 750_000 / 8,
        });
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = 4 });
        await page.AddInitScriptAsync(Watch);

        await site.OpenPostAsync("/post-1/", new Dictionary<string, string> { ["lang"] = lang }, page: page);
        await page.WaitForFunctionAsync("() => window.parleyFirstComment !== undefined");
        var shown = await page.EvaluateAsync<double>("() => window.parleyFirstComment");

        // The browser's own resource timings: when each request left and when its answer was in.
        var timings = (await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            () => performance.getEntriesByType('resource').map((e) => [e.name, e.startTime, e.responseEnd])
            """)).EnumerateArray().Select(e => (Url: e[0].GetString()!, Start: e[1].GetDouble(), End: e[2].GetDouble())).ToList();
        var kinds = (lang == "en" ? new[] { "config", "thread" } : ["config", "thread", "catalogue"])
            .ToDictionary(k => k, k => timings.FirstOrDefault(t => Kind(t.Url) == k));
        var report = string.Join(", ", kinds.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value.Start:F0}–{k.Value.End:F0}")));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first comment under the mobile throttle ({lang}): {shown:F0} ms after navigation; {report} ms"));

        // Each request leaves before any of the others has come back.
        Assert.All(kinds, k => Assert.True(k.Value.Url is not null, $"no {k.Key} request"));
        Assert.True(kinds.Values.Max(t => t.Start) < kinds.Values.Min(t => t.End), report);
    }

    private static string? Kind(string url) => new Uri(url) switch
    {
        { AbsolutePath: "/config" } => "config",
        { AbsolutePath: "/", Query: var q } when q.Contains("uri=", StringComparison.Ordinal) => "thread",
        { AbsolutePath: var p } when p.StartsWith("/js/i18n/", StringComparison.Ordinal) => "catalogue",
        _ => null,
    };
}
