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
}
