using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>The demo page Parley serves at /demo/ works out of the box: thread shown, comment posted.</summary>
public sealed class DemoPageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task DemoPageShowsTheThreadAndTakesAComment()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        await site.Api.PostAsync("/demo/", "Welcome to the demo", author: "Parley", from: 1);

        await site.Page.GotoAsync(new Uri(site.Parley.Origin, "/demo/").ToString());

        var dom = new ThreadDom(site.Page);
        await Expect(dom.CommentWithText("Welcome to the demo").Element).ToBeVisibleAsync();
        await dom.MainBox.Text.FillAsync("Trying the demo");
        await dom.MainBox.Author.FillAsync("Visitor");
        await dom.MainBox.Submit.ClickAsync();
        await Expect(dom.CommentWithText("Trying the demo").Author).ToHaveTextAsync("Visitor");
        await Expect(dom.Heading).ToHaveTextAsync(Catalogue.Load("en").Plural("num-comments", 2));
        Assert.Contains(await site.Api.CommentsAsync("/demo/"), c => c.Text == "Trying the demo" && c.Author == "Visitor");
        Assert.True(site.Browser.Errors.Count == 0, site.Report());
    }
}
