using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>
/// A seeded thread photographed in light and dark mode to artifacts/screenshots/, and each picture checked
/// for real content: a blank, unstyled or unthemed widget fails.
/// </summary>
public sealed class ScreenshotTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    // Relative luminance of a CSS rgb()/rgba() colour as computed by the browser, 0..1.
    private const string TextLuminance = """
        e => {
          const [r, g, b] = getComputedStyle(e).color.match(/[\d.]+/g).map(Number);
          return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        }
        """;

    [Fact]
    public async Task ThreadIsLegibleInLightAndDarkMode()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var first = await site.Api.PostAsync("/post-1/", "What a **great** article. I learned a lot about comment servers.", author: "Ada Lovelace", from: 1);
        await site.Api.PostAsync("/post-1/", "Agreed, the part about *threads* was the best.", parent: first, author: "Bea", from: 2);
        await site.Api.PostAsync("/post-1/", "I am not so sure; see [the docs](https://example.com/docs).", parent: first, from: 3);
        var third = await site.Api.PostAsync("/post-1/", "Does it work with `isso.cfg` unchanged?", author: "Carl", from: 4);
        await site.Api.PostAsync("/post-1/", "Yes, it reads the same file.", parent: third, author: "Dana", from: 5);
        await site.Api.PostAsync("/post-1/", "Thanks for writing this up!", author: "Eve", from: 6);
        Directory.CreateDirectory(RepoPaths.Screenshots);

        var light = await PhotographAsync(site, site.Browser, "thread-light.png", first);
        var dark = await PhotographAsync(site, await site.OpenSessionAsync(ColorScheme.Dark), "thread-dark.png", first);

        output.WriteLine($"light: {light}\ndark: {dark}");
        foreach (var (stats, name) in new[] { (light.Png, "light"), (dark.Png, "dark") })
        {
            Assert.True(stats.DistinctColours >= 32, $"{name}: only {stats.DistinctColours} colours");
            Assert.True(stats.ShareUnlikeBackground >= 0.02, $"{name}: only {stats.ShareUnlikeBackground:P1} of the pixels differ from the background");
        }
        Assert.True(dark.Png.MeanLuminance < light.Png.MeanLuminance - 0.3, $"dark {dark.Png.MeanLuminance:F2} vs light {light.Png.MeanLuminance:F2}");
        Assert.True(light.Text < 0.5, $"light mode text luminance {light.Text:F2}: light text on a light page");
        Assert.True(dark.Text > 0.5, $"dark mode text luminance {dark.Text:F2}: dark text on a dark page");
    }

    private static async Task<(PngStats Png, double Text)> PhotographAsync(TestSite site, BrowserSession session, string file, long commentId)
    {
        await site.OpenPostAsync("/post-1/", page: session.Page);
        var dom = new ThreadDom(session.Page);
        await Expect(dom.AllComments).ToHaveCountAsync(6);
        await Expect(dom.Comment(commentId).Element.Locator("svg, img").First).ToBeVisibleAsync();
        // Relative dates and web fonts settle before the picture; the thread is what is photographed.
        await session.Page.EvaluateAsync("() => document.fonts.ready");
        var png = await dom.Thread.ScreenshotAsync(new LocatorScreenshotOptions
        {
            Path = Path.Combine(RepoPaths.Screenshots, file),
            Animations = ScreenshotAnimations.Disabled,
        });
        var text = await dom.Comment(commentId).Text.EvaluateAsync<double>(TextLuminance);
        return (await PngStats.MeasureAsync(session.Page, png), text);
    }
}
