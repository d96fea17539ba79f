using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>Edit and Delete belong to the browser that wrote the comment, across reloads, and to no other reader.</summary>
public sealed class OwnershipTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task OnlyTheAuthorsBrowserOffersEditAndDelete()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        await site.OpenPostAsync("/post-1/");
        var dom = new ThreadDom(site.Page);
        await dom.MainBox.Text.FillAsync("Mine to change");
        await dom.MainBox.Submit.ClickAsync();
        var id = await CommentIds.IdOfAsync(dom.CommentWithText("Mine to change"));

        await site.Page.ReloadAsync();
        await Expect(dom.Comment(id).Edit).ToBeVisibleAsync();
        await Expect(dom.Comment(id).Delete).ToBeVisibleAsync();

        var stranger = await site.OpenSessionAsync();
        await site.OpenPostAsync("/post-1/", page: stranger.Page);
        var theirView = new ThreadDom(stranger.Page).Comment(id);
        await Expect(theirView.Text).ToHaveTextAsync("Mine to change");
        await Expect(theirView.Reply).ToBeVisibleAsync();
        await Expect(theirView.Edit).ToBeHiddenAsync();
        await Expect(theirView.Delete).ToBeHiddenAsync();
    }
}
