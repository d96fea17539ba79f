using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>
/// axe-core (WCAG 2.1 A and AA) over the widget in each state a reader meets, and over the admin panel, in the light
/// and the dark theme: no violation of any impact.
/// </summary>
public sealed class AxeTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Widget = "#isso-thread";

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task TheWidgetHasNoViolationInAnyState(ColorScheme scheme)
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var first = await site.Api.PostAsync("/post-1/", "What a **great** article, see [the docs](https://example.com/docs).", author: "Ada", from: 1);
        await site.Api.PostAsync("/post-1/", "> Quoted\n\nAgreed, with `code`.", parent: first, author: "Bea", from: 2);
        var session = await site.SessionInAsync(scheme);
        var page = session.Page;
        var found = new List<string>();
        async Task CheckAsync(string state)
        {
            var violations = await Axe.ViolationsAsync(page, Widget);
            found.AddRange(violations.Select(v => $"[{scheme}, {state}] {v}"));
            output.WriteLine($"{scheme}, {state}: {violations.Count} violations");
        }

        await site.OpenPostAsync("/empty/", page: page);
        await CheckAsync("empty");

        await site.OpenPostAsync("/post-1/", page: page);
        var dom = new ThreadDom(page);
        await Expect(dom.AllComments).ToHaveCountAsync(2);
        await CheckAsync("comments");

        await dom.Comment(first).Reply.ClickAsync();
        await Expect(page.Locator("#isso-root .isso-postbox")).ToHaveCountAsync(1);
        await CheckAsync("reply open");
        await dom.Comment(first).Reply.ClickAsync();

        var box = dom.MainBox;
        await box.Text.FillAsync("My own comment, to edit");
        await box.Submit.ClickAsync();
        // By id: editing takes the text away, so a locator filtering on it would lose the comment.
        var mine = new CommentView(page.Locator("#" + await dom.CommentWithText("My own comment, to edit").Element.GetAttributeAsync("id")));
        await mine.Edit.ClickAsync();
        await Expect(mine.EditArea).ToBeVisibleAsync();
        await CheckAsync("edit open");
        await mine.Cancel.ClickAsync();

        await box.Text.FillAsync("A *preview* of this");
        await box.Preview.ClickAsync();
        await Expect(box.PreviewText).ToContainTextAsync("preview");
        await CheckAsync("preview");
        await box.BackToEdit.ClickAsync();

        await box.Text.FillAsync("no");
        await box.Submit.ClickAsync();
        await Expect(box.Error).ToBeVisibleAsync();
        await CheckAsync("error");

        // The server refuses what the client lets through: a website that is no address.
        await box.Text.FillAsync("Refused for its website");
        await box.Website.FillAsync("not an address at all");
        await box.Submit.ClickAsync();
        await Expect(box.Error).ToContainTextAsync("web address");
        await CheckAsync("refusal");

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task TheAdminPanelHasNoViolation(ColorScheme scheme)
    {
        await using var site = await TestSite.StartAsync(browser, output, AdminPanel.Settings);
        await site.Api.PostAsync("/post-1/", "Please approve me", author: "Ann");
        await site.Api.PostAsync("/post-2/", "Me as well, with a [link](https://example.com/)", author: "Bob", from: 2);
        var session = await site.SessionInAsync(scheme);
        var page = session.Page;
        var found = new List<string>();

        await AdminPanel.OpenAsync(page, site);
        found.AddRange((await Axe.ViolationsAsync(page, null)).Select(v => $"[{scheme}, sign-in] {v}"));
        await AdminPanel.SignInAsync(page);
        await Expect(page.Locator("li.parley-comment")).ToHaveCountAsync(2);
        found.AddRange((await Axe.ViolationsAsync(page, null)).Select(v => $"[{scheme}, comments] {v}"));

        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
