using System.Globalization;
using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>
/// The widget's first load on a slow phone: Chromium throttled to a 150 ms round trip, 1.6 Mbit/s down and a CPU
/// four times slower, a reader with an empty cache on a server that has answered readers before. The catalogue,
/// <c>GET /config</c> and the thread must be in flight together. The time until the first comment shows is reported
/// beside the least any page can do on the same machine in the same run (a few lines of script that ask for the same
/// answers and write the first comment's text): a measurement, not asserted; bench/first-comment.sh repeats it.
/// </summary>
public sealed class FirstCommentTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    // Tells the test when the first comment is drawn, by the page's own clock (ms since navigation started), with a
    // console message: nothing of the test's own runs in the page meanwhile.
    private const string Watch = """
        new MutationObserver((_, observer) => {
          if (document.querySelector('#isso-root .isso-comment')) {
            console.log(`parley-first-comment ${performance.now()}`);
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
        """;

    private const string Shown = "parley-first-comment ";

    // The least a page can do: ask for the settings, the catalogue (if not English) and the thread at once, then write
    // the first comment's text. Loaded as a script from the page's server, as the embed is from Parley's.
    private const string Floor = """
        addEventListener('DOMContentLoaded', async () => {
          const script = document.querySelector('script[data-isso]');
          const endpoint = script.dataset.isso.replace(/\/$/, '');
          const lang = script.dataset.issoLang;
          const thread = document.getElementById('isso-thread');
          const uri = encodeURIComponent(thread.dataset.issoId);
          const [page] = await Promise.all([
            fetch(`${endpoint}/?uri=${uri}&sort=oldest&offset=0&nested_limit=5`).then((r) => r.json()),
            fetch(`${endpoint}/config`).then((r) => r.json()),
            lang === 'en' ? null : fetch(`${endpoint}/js/i18n/${lang}.json`).then((r) => r.json()),
          ]);
          const root = Object.assign(document.createElement('div'), { id: 'isso-root' });
          root.innerHTML = '<div class="isso-comment"></div>';
          root.firstChild.textContent = page.replies[0].text;
          thread.append(root);
        });
        """;

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task UnderAMobileThrottleTheWidgetAsksForEverythingAtOnce(string lang)
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var first = await site.Api.PostAsync("/post-1/", "The first comment, with **some** text.", author: "Ada", from: 1);
        await site.Api.PostAsync("/post-1/", "A reply to it.", parent: first, author: "Bea", from: 2);
        var options = new Dictionary<string, string> { ["lang"] = lang };
        // A running site's server has answered readers before.
        await site.OpenPostAsync("/post-1/", options);

        var page = await ThrottledPageAsync(site);
        var url = site.Pages.AddPage("/post-1/", PageMarkup.Post(site.Parley.Origin, options: options));
        var shown = await FirstCommentAsync(page, url);

        // The browser's own resource timings: when each request left and when its answer was in.
        var timings = (await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            () => performance.getEntriesByType('resource').map((e) => [e.name, e.startTime, e.responseEnd])
            """)).EnumerateArray().Select(e => (Url: e[0].GetString()!, Start: e[1].GetDouble(), End: e[2].GetDouble())).ToList();
        var kinds = (lang == "en" ? new[] { "config", "thread" } : ["config", "thread", "catalogue"])
            .ToDictionary(k => k, k => timings.FirstOrDefault(t => Kind(t.Url) == k));
        var report = string.Join(", ", kinds.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value.Start:F0}–{k.Value.End:F0}")));

        var floorPage = await ThrottledPageAsync(site);
        var floorScript = site.Pages.AddText("/floor.js", Floor, "text/javascript");
        var floorUrl = site.Pages.AddPage("/floor/", PageMarkup.Post(site.Parley.Origin, options: options, threadId: "/post-1/", scriptSrc: floorScript));
        var floor = await FirstCommentAsync(floorPage, floorUrl);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first comment under the mobile throttle ({lang}): {shown:F0} ms after navigation, the least a page can do {floor:F0} ms; {report} ms"));

        // Each request leaves before any of the others has come back.
        Assert.All(kinds, k => Assert.True(k.Value.Url is not null, $"no {k.Key} request"));
        Assert.True(kinds.Values.Max(t => t.Start) < kinds.Values.Min(t => t.End), report);
    }

    // A new reader (an empty cache) on a slow phone.
    private static async Task<IPage> ThrottledPageAsync(TestSite site)
    {
        var page = (await site.OpenSessionAsync()).Page;
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 150, ["downloadThroughput"] = 1_600_000 / 8, ["uploadThroughput"] = 750_000 / 8,
        });
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = 4 });
        await page.AddInitScriptAsync(Watch);
        return page;
    }

    private static async Task<double> FirstCommentAsync(IPage page, Uri url)
    {
        var message = await page.RunAndWaitForConsoleMessageAsync(() => page.GotoAsync(url.ToString()),
            new() { Predicate = m => m.Text.StartsWith(Shown, StringComparison.Ordinal) });
        return double.Parse(message.Text[Shown.Length..], CultureInfo.InvariantCulture);
    }

    private static string? Kind(string url) => new Uri(url) switch
    {
        { AbsolutePath: "/config" } => "config",
        { AbsolutePath: "/", Query: var q } when q.Contains("uri=", StringComparison.Ordinal) => "thread",
        { AbsolutePath: var p } when p.StartsWith("/js/i18n/", StringComparison.Ordinal) => "catalogue",
        _ => null,
    };
}
