using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>Settings the server owns (GET /config) shape the post box whatever the page's attributes say.</summary>
public sealed class ServerSettingsTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task WebsiteFieldIsLeftOutWhenTheServerHidesIt()
    {
        await using var site = await TestSite.StartAsync(browser, output, new ConfigSetting("guard", "website-field", "false"));
        await site.OpenPostAsync("/post-1/");
        var box = new ThreadDom(site.Page).MainBox;

        await Expect(box.Author).ToBeVisibleAsync();
        await Expect(box.Website).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SubscribingToRepliesSendsTheChoiceWithTheComment()
    {
        await using var site = await TestSite.StartAsync(browser, output, new ConfigSetting("general", "reply-notifications", "true"));
        await site.OpenPostAsync("/post-1/");
        var box = new ThreadDom(site.Page).MainBox;
        await Expect(box.Notification).ToBeHiddenAsync();

        await box.Text.FillAsync("Tell me when someone answers");
        await box.Email.FillAsync("kim@example.com");
        await box.Notification.CheckAsync();
        var sent = await site.Page.RunAndWaitForRequestAsync(() => box.Submit.ClickAsync(),
            r => r.Method == "POST" && new Uri(r.Url).AbsolutePath == "/new");

        var body = sent.PostDataJSON()!.Value;
        Assert.Equal(1, body.GetProperty("notification").GetInt32());
        Assert.Equal("kim@example.com", body.GetProperty("email").GetString());
    }

    [Fact]
    public async Task WithThreadNotificationsASecondCheckboxSubscribesToEveryComment()
    {
        await using var site = await TestSite.StartAsync(browser, output,
            new ConfigSetting("general", "reply-notifications", "true"), new ConfigSetting("general", "thread-notifications", "true"));
        await site.OpenPostAsync("/post-1/");
        var box = new ThreadDom(site.Page).MainBox;
        await Expect(box.ThreadNotification).ToBeHiddenAsync();

        await box.Text.FillAsync("Tell me about every comment");
        await box.Email.FillAsync("kim@example.com");
        await Expect(box.Notification).ToBeVisibleAsync();
        await Expect(box.ThreadNotification).ToBeVisibleAsync();
        await Expect(box.ThreadNotification).ToHaveAccessibleNameAsync("Subscribe to email notification of all new comments");
        // Space ticks it, as for any checkbox.
        await box.ThreadNotification.FocusAsync();
        await site.Page.Keyboard.PressAsync("Space");
        await Expect(box.ThreadNotification).ToBeCheckedAsync();
        // Waiting for the answer: the box is emptied when it comes, and the next comment is written after.
        var posted = await site.Page.RunAndWaitForResponseAsync(() => box.Submit.ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/new");
        Assert.Equal(2, posted.Request.PostDataJSON()!.Value.GetProperty("notification").GetInt32());
        await Expect(box.Text).ToHaveValueAsync("");

        // Without the e-mail the choice is not offered, and nothing is asked for.
        await box.Text.FillAsync("Anonymous now");
        await box.Email.FillAsync("");
        await Expect(box.ThreadNotification).ToBeHiddenAsync();
        var sent = await site.Page.RunAndWaitForRequestAsync(() => box.Submit.ClickAsync(),
            r => r.Method == "POST" && new Uri(r.Url).AbsolutePath == "/new");
        Assert.Equal(0, sent.PostDataJSON()!.Value.GetProperty("notification").GetInt32());
    }
}
