using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>
/// The whole round driven by the keyboard alone (Tab, Shift+Tab, Enter, Space and typing; never a click),
/// with focus landing where the next keystroke is wanted.
/// </summary>
public sealed class KeyboardTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly Catalogue En = Catalogue.Load("en");

    [Fact]
    public async Task ReaderPostsRepliesEditsVotesLoadsAndDeletesWithTheKeyboardAlone()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var other = await site.Api.PostAsync("/post-1/", "Someone else's comment", author: "Bea", from: 5);
        await site.Api.PostManyAsync("/post-1/", 11);
        await site.OpenPostAsync("/post-1/", new Dictionary<string, string>
        {
            ["max-comments-top"] = "10",
            ["reveal-on-click"] = "10",
        });
        var page = site.Page;
        var keys = page.Keyboard;
        var dom = new ThreadDom(page);
        var box = dom.MainBox;
        var theirs = dom.Comment(other);

        var loader = dom.LoadHidden(null);
        await page.TabToAsync(loader, maxPresses: 200);
        await keys.PressAsync("Enter");
        await Expect(dom.TopLevel).ToHaveCountAsync(12);
        await Expect(loader).ToHaveCountAsync(0);
        await Expect(page.Locator("#isso-thread :focus")).ToHaveCountAsync(1);

        await page.TabToAsync(theirs.Upvote, maxPresses: 200, backwards: true);
        await keys.PressAsync("Space");
        await Expect(theirs.Votes).ToHaveTextAsync("1");

        await page.TabToAsync(theirs.Reply);
        await keys.PressAsync("Enter");
        await Expect(theirs.ReplyBox.Text).ToBeFocusedAsync();
        await keys.TypeAsync("A keyboard reply");
        await page.TabToAsync(theirs.ReplyBox.Submit);
        await keys.PressAsync("Enter");
        await Expect(theirs.ReplyWithText("A keyboard reply").Element).ToBeVisibleAsync();

        await page.TabToAsync(box.Text, maxPresses: 200, backwards: true);
        await keys.TypeAsync("Typed with keys only");
        await keys.PressAsync("Tab");
        await Expect(box.Author).ToBeFocusedAsync();
        await keys.TypeAsync("Kim");
        await page.TabToAsync(box.Submit);
        await keys.PressAsync("Enter");
        var id = await CommentIds.IdOfAsync(dom.CommentWithText("Typed with keys only"));
        var mine = dom.Comment(id);
        await Expect(mine.Author).ToHaveTextAsync("Kim");

        await page.TabToAsync(mine.Edit, maxPresses: 200);
        await keys.PressAsync("Enter");
        await Expect(mine.EditArea).ToBeFocusedAsync();
        await Expect(mine.EditArea).ToHaveValueAsync("Typed with keys only");
        await keys.PressAsync("Control+A");
        await keys.TypeAsync("Edited with keys only");
        await page.TabToAsync(mine.Edit);
        await Expect(mine.Edit).ToHaveTextAsync(En.Text("comment-save"));
        await keys.PressAsync("Enter");
        await Expect(mine.Text).ToHaveTextAsync("Edited with keys only");
        await Expect(mine.Edit).ToBeFocusedAsync();

        await page.TabToAsync(mine.Delete);
        await keys.PressAsync("Enter");
        await Expect(mine.Delete).ToHaveTextAsync(En.Text("comment-confirm"));
        await Expect(mine.Delete).ToBeFocusedAsync();
        await keys.PressAsync("Enter");
        await Expect(mine.Element).ToHaveCountAsync(0);
        await Expect(page.Locator("#isso-thread :focus")).ToHaveCountAsync(1);

        var stored = await site.Api.CommentsAsync("/post-1/");
        Assert.DoesNotContain(stored, c => c.Id == id);
        Assert.Equal(1, stored.Single(c => c.Id == other).Likes);
        Assert.Contains(stored, c => c.Parent == other && c.Text == "A keyboard reply");
        Assert.True(site.Browser.Errors.Count == 0, site.Report());
    }
}
