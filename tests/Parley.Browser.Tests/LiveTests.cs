using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>Two readers on one page with <c>data-isso-live="true"</c>, against the real server.</summary>
public sealed class LiveTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly Dictionary<string, string> Live = new() { ["live"] = "true" };

    [Fact]
    public async Task ACommentPostedByOneReaderAppearsForTheOtherWithinTwoSecondsAndIsAnnounced()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var other = await site.OpenSessionAsync();
        await site.OpenPostAsync(options: Live);
        await site.OpenPostAsync(options: Live, page: other.Page);
        var theirs = new ThreadDom(other.Page);
        // The other reader is in the middle of writing: that must stay as it is.
        await theirs.MainBox.Text.FillAsync("Half a thought");
        await theirs.MainBox.Text.FocusAsync();

        var mine = new ThreadDom(site.Page);
        await mine.MainBox.Text.FillAsync("Hello from the first reader");
        await mine.MainBox.Submit.ClickAsync();
        await Expect(mine.CommentWithText("Hello from the first reader").Element).ToBeVisibleAsync();

        await Expect(theirs.CommentWithText("Hello from the first reader").Element).ToBeVisibleAsync(new() { Timeout = 2000 });
        await Expect(theirs.Heading).ToHaveTextAsync("One Comment");
        await Expect(theirs.Live).ToHaveTextAsync("One more comment shown");
        await Expect(theirs.MainBox.Text).ToHaveValueAsync("Half a thought");
        await Expect(theirs.MainBox.Text).ToBeFocusedAsync();
        // Shown once for the one who posted it.
        await Expect(mine.AllComments).ToHaveCountAsync(1);
        Assert.Empty(site.ForeignRequests());
        Assert.True(site.Browser.Errors.Count == 0 && other.Errors.Count == 0, site.Report());
    }

    [Fact]
    public async Task AfterTheStreamIsCutAndRestoredNothingIsMissedAndNothingShownTwice()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        await site.OpenPostAsync(options: Live);
        var dom = new ThreadDom(site.Page);
        var first = await site.Api.PostAsync("/post-1/", "Before the cut", from: 2);
        await Expect(dom.Comment(first).Element).ToBeVisibleAsync(new() { Timeout = 2000 });

        await site.Browser.Context.SetOfflineAsync(true);
        var missed = await site.Api.PostAsync("/post-1/", "Posted while cut off", from: 3);
        var reply = await site.Api.PostAsync("/post-1/", "A reply while cut off", parent: first, from: 4);
        await site.Api.LikeAsync(first, from: 5);
        await site.Browser.Context.SetOfflineAsync(false);

        await Expect(dom.Comment(missed).Element).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(dom.Comment(first).Element.Locator($"#isso-{reply}")).ToBeVisibleAsync();
        await Expect(dom.Comment(first).Votes).ToHaveTextAsync("1");
        await Expect(dom.AllComments).ToHaveCountAsync(3);
        await Expect(dom.Heading).ToHaveTextAsync("3 Comments");
    }

    [Fact]
    public async Task ACommentPostedWhileTheStreamIsStillConnectingIsShownOnce()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        // A slow network: the stream answers 1.5 s late, and a comment is posted meanwhile. Fetched before the stream
        // stood, the thread would lack it and the stream, starting after it, would never carry it.
        await site.Page.RouteAsync("**/events/stream**", async route =>
        {
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        await site.OpenPostAsync(options: Live, waitForThread: false);
        await site.Page.WaitForTimeoutAsync(300);
        var posted = await site.Api.PostAsync("/post-1/", "Posted while the stream was connecting", from: 2);

        var dom = new ThreadDom(site.Page);
        await Expect(dom.Comment(posted).Element).ToBeVisibleAsync(new() { Timeout = 5000 });
        await Expect(dom.AllComments).ToHaveCountAsync(1);
        await Expect(dom.Heading).ToHaveTextAsync("One Comment");
    }

    [Fact]
    public async Task WithoutTheAttributeNoStreamIsOpened()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        await site.OpenPostAsync();
        await site.Api.PostAsync("/post-1/", "Needs a reload to be seen", from: 2);
        await site.Page.WaitForTimeoutAsync(1500);
        await Expect(new ThreadDom(site.Page).AllComments).ToHaveCountAsync(0);
        Assert.DoesNotContain(site.Browser.RequestedUrls, url => url.Contains("/events/stream", StringComparison.Ordinal));
    }
}
