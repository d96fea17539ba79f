using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>Screen readers can name every control in the thread, with a reply box and an edit box open.</summary>
public sealed class AccessibleNameTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task EveryTextboxCheckboxButtonAndLinkInTheThreadHasAName()
    {
        await using var site = await TestSite.StartAsync(browser, output, new ConfigSetting("general", "reply-notifications", "true"));
        var other = await site.Api.PostAsync("/post-1/", "Someone else's comment", author: "Bea", from: 5);
        await site.Api.PostAsync("/post-1/", "An answer", parent: other, from: 6);
        await site.OpenPostAsync("/post-1/");
        var dom = new ThreadDom(site.Page);
        await dom.MainBox.Text.FillAsync("My own comment");
        await dom.MainBox.Submit.ClickAsync();
        var mine = dom.Comment(await CommentIds.IdOfAsync(dom.CommentWithText("My own comment")));
        await dom.Comment(other).Reply.ClickAsync();
        await Expect(dom.Comment(other).ReplyBox.Text).ToBeVisibleAsync();
        await mine.Edit.ClickAsync();
        await Expect(mine.EditArea).ToBeVisibleAsync();
        // The notification checkbox appears once an e-mail address is typed (and the server offers notifications).
        await dom.MainBox.Email.FillAsync("kim@example.com");
        await Expect(dom.MainBox.Notification).ToBeVisibleAsync();

        var controls = new List<AxControl>();
        foreach (var role in new[] { "textbox", "checkbox", "button", "link" })
        {
            controls.AddRange(await AccessibleNames.ControlsAsync(site.Browser.Context, site.Page, "#isso-thread", role));
        }

        output.WriteLine(string.Join("\n", controls.Select(c => $"{c.Role} \"{c.Name}\"")));
        var unnamed = controls.Where(c => string.IsNullOrWhiteSpace(c.Name)).ToList();
        Assert.True(unnamed.Count == 0, "Controls without an accessible name:\n" + string.Join("\n", unnamed.Select(c => $"{c.Role}: {c.Html}")));
        // Two post boxes' text, name, e-mail and website fields plus the edit box; anything less means the tree was not read.
        Assert.True(controls.Count(c => c.Role == "textbox") >= 9, string.Join("\n", controls));
        Assert.True(controls.Any(c => c.Role == "checkbox"), string.Join("\n", controls));
        Assert.True(controls.Count(c => c.Role == "button") >= 10, string.Join("\n", controls));
        Assert.True(controls.Count(c => c.Role == "link") >= 3, string.Join("\n", controls));
    }
}
