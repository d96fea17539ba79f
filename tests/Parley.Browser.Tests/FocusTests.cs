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

    [Fact]
    public async Task AfterARefusalFocusIsOnTheFieldItNamesOrOnSubmit()
    {
        await using var site = await TestSite.StartAsync(browser, output,
            new ConfigSetting("guard", "enabled", "true"), new ConfigSetting("guard", "ratelimit", "1"));
        await site.OpenPostAsync("/post-1/");
        var box = new ThreadDom(site.Page).MainBox;

        // The client lets any website through; the server refuses it, and says which field.
        await box.Text.FillAsync("A comment with a strange website");
        await box.Website.FillAsync("not an address");
        await box.Submit.ClickAsync();
        await Expect(box.Error).ToHaveTextAsync("Please enter a web address, such as https://example.com.");
        await Expect(box.Website).ToBeFocusedAsync();
        await Expect(box.Website).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(box.Website).ToHaveAttributeAsync("aria-describedby", await box.Error.GetAttributeAsync("id") ?? "?");

        // Mended and posted; the next one meets the rate limit, which is no field's fault: Submit keeps focus.
        await box.Website.FillAsync("");
        await box.Submit.ClickAsync();
        await Expect(box.Website).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(box.Text).ToHaveValueAsync("");
        await box.Text.FillAsync("A second comment within the minute");
        await box.Submit.ClickAsync();
        await Expect(box.Error).ToContainTextAsync("Please wait a minute");
        await Expect(box.Submit).ToBeFocusedAsync();
        await Expect(box.Text).ToHaveValueAsync("A second comment within the minute");
    }

    [Fact]
    public async Task AfterApprovingInTheAdminPanelFocusIsOnTheNextRowThenOnTheStatus()
    {
        await using var site = await TestSite.StartAsync(browser, output, AdminPanel.Settings);
        var first = await site.Api.PostAsync("/post-1/", "First to approve", author: "Ann");
        var second = await site.Api.PostAsync("/post-1/", "Second to approve", author: "Bob", from: 2);
        var page = site.Page;
        await AdminPanel.OpenAsync(page, site);
        await AdminPanel.SignInAsync(page);
        var rows = page.Locator("li.parley-comment");
        await Expect(rows).ToHaveCountAsync(2);
        var top = await rows.First.GetAttributeAsync("data-id");
        var other = top == $"{first}" ? second : first;

        // By keyboard: Enter on the first row's Approve; the row leaves the pending list and the next takes focus.
        await rows.First.GetByRole(AriaRole.Button, new() { Name = "Approve" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(page.Locator($"#parley-comment-{other}").GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(0);
        await Expect(page.Locator(".parley-status")).ToBeFocusedAsync();
        await Expect(page.Locator(".parley-status")).Not.ToBeEmptyAsync();
    }
}
