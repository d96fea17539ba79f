using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>
/// Right-to-left languages: the widget takes the catalogue's language and direction whatever the page's, mirrors its
/// layout with logical CSS, and isolates text written the other way. Arabic, Hebrew and Persian are photographed on a
/// left-to-right and a right-to-left page to artifacts/screenshots/ for review.
/// </summary>
public sealed partial class DirectionTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string RtlHost = "<script>document.documentElement.dir = 'rtl'; document.documentElement.lang = 'ar';</script>";

    [Fact]
    public async Task ArabicOnALeftToRightPageIsAnnouncedAndLaidOutRightToLeft()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var first = await site.Api.PostAsync("/post-1/", "First!", author: "Ada", from: 1);
        await site.Api.PostAsync("/post-1/", "مرحبا بكم جميعا", parent: first, author: "سارة", from: 2);

        await site.OpenPostAsync("/post-1/", new Dictionary<string, string> { ["lang"] = "ar" });
        var dom = new ThreadDom(site.Page);
        var comment = dom.Comment(first);

        await Expect(dom.Thread).ToHaveAttributeAsync("lang", "ar");
        await Expect(dom.Thread).ToHaveAttributeAsync("dir", "rtl");
        Assert.Equal("en", await site.Page.EvaluateAsync<string>("() => document.documentElement.lang"));
        // The reply line runs down the right-hand side.
        var line = await comment.Element.Locator(":scope > .isso-follow-up").EvaluateAsync<string[]>(
            "e => { const s = getComputedStyle(e); return [s.borderRightWidth, s.borderLeftWidth]; }");
        Assert.Equal(["2px", "0px"], line);
        // "First!" is Latin text in an Arabic thread: it keeps its own direction (no ".First!").
        await Expect(comment.Text).ToHaveAttributeAsync("dir", "auto");
        Assert.Equal("ltr", await comment.Text.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await Expect(comment.Author).ToHaveAttributeAsync("dir", "auto");
        await Expect(dom.MainBox.Email).ToHaveAttributeAsync("dir", "ltr");
        await Expect(dom.MainBox.Website).ToHaveAttributeAsync("dir", "ltr");
    }

    [Fact]
    public async Task ALanguageWithoutACatalogueGivesWayToThePagesOwnAndSaysSoOnce()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var said = new List<string>();
        site.Page.Console += (_, message) => said.Add(message.Text);

        await site.OpenPostAsync("/post-1/", new Dictionary<string, string> { ["lang"] = "xx" },
            extraBody: "<script>document.documentElement.lang = 'fr-CA';</script>");

        var dom = new ThreadDom(site.Page);
        await Expect(dom.Thread).ToHaveAttributeAsync("lang", "fr");
        await Expect(dom.Thread).ToHaveAttributeAsync("dir", "ltr");
        await Expect(dom.MainBox.Submit).ToHaveValueAsync("Envoyer");
        Assert.Single(said, m => m.Contains("data-isso-lang=xx", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("he")]
    [InlineData("fa")]
    public async Task RightToLeftLanguagesArePhotographedOnBothKindsOfPage(string lang)
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var first = await site.Api.PostAsync("/post-1/", "First! A comment in **English**, with a [link](https://example.com/).", author: "Ada", from: 1);
        await site.Api.PostAsync("/post-1/", "> quoted\n\nتعليق تجريبي — שלום — نظر آزمایشی", parent: first, author: "Noor", from: 2);
        Directory.CreateDirectory(RepoPaths.Screenshots);

        foreach (var (host, extra) in new[] { ("ltr", ""), ("rtl", RtlHost) })
        {
            await site.OpenPostAsync($"/{host}/", new Dictionary<string, string> { ["lang"] = lang }, threadId: "/post-1/", extraBody: extra);
            var dom = new ThreadDom(site.Page);
            await Expect(dom.AllComments).ToHaveCountAsync(2);
            await Expect(dom.Thread).ToHaveAttributeAsync("dir", "rtl");
            await Expect(dom.Thread).ToHaveAttributeAsync("lang", lang);
            await site.Page.EvaluateAsync("() => document.fonts.ready");
            var file = Path.Combine(RepoPaths.Screenshots, $"rtl-{lang}-on-{host}-page.png");
            await dom.Thread.ScreenshotAsync(new LocatorScreenshotOptions { Path = file, Animations = ScreenshotAnimations.Disabled });
            Assert.True(new FileInfo(file).Length > 5000, file);

            // One digit system: Persian shows its own digits in the heading and the score, and no Latin ones there.
            var shown = await dom.Heading.InnerTextAsync() + " " + await dom.Comment(first).Votes.InnerTextAsync();
            Assert.Equal(lang == "fa", PersianDigits().IsMatch(shown));
            Assert.Equal(lang != "fa", LatinDigits().IsMatch(shown));
        }
    }

    [GeneratedRegex("[۰-۹]")]
    private static partial Regex PersianDigits();

    [GeneratedRegex("[0-9]")]
    private static partial Regex LatinDigits();
}
