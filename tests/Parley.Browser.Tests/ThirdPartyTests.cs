using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>Privacy: reading, posting, voting and counting contact only the website and the comment server.</summary>
public sealed class ThirdPartyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task NoRequestLeavesTheSiteOrTheCommentServer()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var other = await site.Api.PostAsync("/post-1/", "Someone else's comment, see https://example.com/", author: "Bea", from: 5);
        var index = site.Pages.AddPage("/", PageMarkup.Index(site.Parley.Origin, new CountLink("/post-1/#isso-thread")));
        await site.Page.GotoAsync(index.ToString());
        await Expect(site.Page.Locator("li a")).ToHaveTextAsync(Catalogue.Load("en").Plural("num-comments", 1));

        // German, so the catalogue is fetched too.
        await site.OpenPostAsync("/post-1/", new Dictionary<string, string> { ["lang"] = "de" });
        var dom = new ThreadDom(site.Page);
        await dom.MainBox.Text.FillAsync("My comment");
        await dom.MainBox.Email.FillAsync("kim@example.com");
        await dom.MainBox.Preview.ClickAsync();
        await Expect(dom.MainBox.PreviewText).ToContainTextAsync("My comment");
        await dom.MainBox.BackToEdit.ClickAsync();
        await dom.MainBox.Submit.ClickAsync();
        await Expect(dom.CommentWithText("My comment").Element).ToBeVisibleAsync();
        await dom.Comment(other).Upvote.ClickAsync();
        await Expect(dom.Comment(other).Votes).ToHaveTextAsync("1");
        await dom.Comment(other).Reply.ClickAsync();
        await dom.Comment(other).ReplyBox.Text.FillAsync("A reply");
        await dom.Comment(other).ReplyBox.Submit.ClickAsync();
        await Expect(dom.Comment(other).ReplyWithText("A reply").Element).ToBeVisibleAsync();

        var urls = site.Browser.RequestedUrls;
        Assert.Contains(urls, u => u.StartsWith(site.Parley.OriginText + "/js/i18n/", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.StartsWith(site.Parley.OriginText + "/new", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.StartsWith(site.Pages.OriginText + "/post-1/", StringComparison.Ordinal));
        Assert.True(site.ForeignRequests().Count == 0, "Requests to other hosts:\n" + string.Join("\n", site.ForeignRequests()));
    }
}
