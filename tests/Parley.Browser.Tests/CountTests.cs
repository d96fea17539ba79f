using System.Text.Json;
using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>Comment counters on index pages (count.min.js) and on post pages (the embed's own counters).</summary>
public sealed class CountTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly Catalogue En = Catalogue.Load("en");

    [Fact]
    public async Task IndexPageLinksShowEachThreadsPluralisedCount()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var first = await site.Api.PostAsync("/post-1/", "First", from: 1);
        await site.Api.PostAsync("/post-1/", "Second", from: 2);
        await site.Api.PostAsync("/post-1/", "A reply counts too", parent: first, from: 3);
        await site.Api.PostAsync("/post-2/", "Only one", from: 4);
        await site.Api.PostManyAsync("/custom-id", 2);
        var index = site.Pages.AddPage("/", PageMarkup.Index(site.Parley.Origin,
            new CountLink("/post-1/#isso-thread"),
            new CountLink("/post-2/#isso-thread"),
            new CountLink("/post-3/#isso-thread"),
            new CountLink("/elsewhere/#isso-thread", IssoId: "/custom-id"),
            new CountLink("/post-1/#isso-thread")));

        var count = await site.Page.RunAndWaitForRequestAsync(() => site.Page.GotoAsync(index.ToString()),
            r => r.Method == "POST" && new Uri(r.Url).AbsolutePath == "/count");

        var links = site.Page.Locator("li a");
        await Expect(links).ToHaveTextAsync(
        [
            En.Plural("num-comments", 3),
            En.Plural("num-comments", 1),
            En.Plural("num-comments", 0),
            En.Plural("num-comments", 2),
            En.Plural("num-comments", 3),
        ]);
        Assert.Equal("""["/post-1/","/post-2/","/post-3/","/custom-id"]""", JsonSerializer.Serialize(count.PostDataJSON()));
    }

    [Fact]
    public async Task PostPageFillsCounterLinksToOtherThreads()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        await site.Api.PostManyAsync("/post-2/", 2);
        await site.Api.PostAsync("/post-1/", "Here", from: 5);

        await site.OpenPostAsync("/post-1/", extraBody: "<p>Also read " + PageMarkup.Link(new CountLink("/post-2/#isso-thread")) + "</p>");

        await Expect(site.Page.Locator("article + p a")).ToHaveTextAsync(En.Plural("num-comments", 2));
        await Expect(new ThreadDom(site.Page).Heading).ToHaveTextAsync(En.Plural("num-comments", 1));
    }

    [Fact]
    public async Task CountRequestCarriesNoDuplicateKeys()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var index = site.Pages.AddPage("/", PageMarkup.Index(site.Parley.Origin,
            new CountLink("/a/#isso-thread"), new CountLink("/a/#isso-thread"), new CountLink("/b/#isso-thread")));

        var count = await site.Page.RunAndWaitForRequestAsync(() => site.Page.GotoAsync(index.ToString()),
            r => r.Method == "POST" && new Uri(r.Url).AbsolutePath == "/count");

        Assert.Equal("""["/a/","/b/"]""", JsonSerializer.Serialize(count.PostDataJSON()));
        await Expect(site.Page.Locator("li a")).ToHaveTextAsync([.. Enumerable.Repeat(En.Plural("num-comments", 0), 3)]);
    }
}
