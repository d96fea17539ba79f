using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>Focus lands somewhere meaningful after an action, never on the page's body.</summary>
public sealed class FocusTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AfterATopLevelPostFocusIsOnTheNewComment()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        await site.OpenPostAsync("/post-1/");
        var dom = new ThreadDom(site.Page);

        await dom.MainBox.Text.FillAsync("Focus should follow me");
        await dom.MainBox.Submit.ClickAsync();

        var posted = dom.CommentWithText("Focus should follow me");
        await Expect(posted.Element).ToBeFocusedAsync();
        Assert.Equal("isso-comment", await site.Page.EvaluateAsync<string>("() => document.activeElement.classList[0]"));
    }
}
