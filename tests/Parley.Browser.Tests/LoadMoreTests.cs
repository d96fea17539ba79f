using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>Long threads load in pages: "N Hidden" reveals the next ones, at the top level and under a comment.</summary>
public sealed class LoadMoreTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly Catalogue En = Catalogue.Load("en");

    [Fact]
    public async Task ThirtyCommentsAreRevealedTenAtATime()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        await site.Api.PostManyAsync("/post-1/", 30);
        await site.OpenPostAsync("/post-1/", new Dictionary<string, string>
        {
            ["max-comments-top"] = "10",
            ["reveal-on-click"] = "10",
        });
        var dom = new ThreadDom(site.Page);
        var texts = dom.TopLevel.Locator(":scope > .isso-text-wrapper > .isso-text");
        var loader = dom.LoadHidden(null);

        await Expect(dom.Heading).ToHaveTextAsync(En.Plural("num-comments", 30));
        await Expect(texts).ToHaveTextAsync(Numbered("Comment", 1, 10));
        await Expect(loader).ToHaveTextAsync(En.Plural("comment-hidden", 20));

        await loader.ClickAsync();
        await Expect(texts).ToHaveTextAsync(Numbered("Comment", 1, 20));
        await Expect(loader).ToHaveTextAsync(En.Plural("comment-hidden", 10));
        await Expect(dom.Live).ToContainTextAsync(En.Plural("status-loaded", 10));

        await loader.ClickAsync();
        await Expect(texts).ToHaveTextAsync(Numbered("Comment", 1, 30));
        await Expect(site.Page.Locator("#isso-thread .isso-comment-loader")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task RepliesBeyondTheNestedLimitAreRevealedOnClick()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var parent = await site.Api.PostAsync("/post-1/", "A popular comment", from: 3);
        await site.Api.PostManyAsync("/post-1/", 7, parent, "Reply");
        await site.OpenPostAsync("/post-1/", new Dictionary<string, string>
        {
            ["max-comments-nested"] = "2",
            ["reveal-on-click"] = "3",
        });
        var comment = new ThreadDom(site.Page).Comment(parent);
        var texts = comment.Replies.Locator(":scope > .isso-text-wrapper > .isso-text");
        var loader = new ThreadDom(site.Page).LoadHidden(parent);

        await Expect(texts).ToHaveTextAsync(Numbered("Reply", 1, 2));
        await Expect(loader).ToHaveTextAsync(En.Plural("comment-hidden", 5));

        await loader.ClickAsync();
        await Expect(texts).ToHaveTextAsync(Numbered("Reply", 1, 5));
        await Expect(loader).ToHaveTextAsync(En.Plural("comment-hidden", 2));

        await loader.ClickAsync();
        await Expect(texts).ToHaveTextAsync(Numbered("Reply", 1, 7));
        await Expect(site.Page.Locator("#isso-thread .isso-comment-loader")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task CommentPostedBeforeLoadingMoreIsShownOnce()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        await site.Api.PostManyAsync("/post-1/", 12);
        await site.OpenPostAsync("/post-1/", new Dictionary<string, string>
        {
            ["max-comments-top"] = "10",
            ["reveal-on-click"] = "10",
        });
        var dom = new ThreadDom(site.Page);
        await Expect(dom.LoadHidden(null)).ToBeVisibleAsync();
        await dom.MainBox.Text.FillAsync("Posted while two were hidden");
        await dom.MainBox.Submit.ClickAsync();
        var id = await CommentIds.IdOfAsync(dom.CommentWithText("Posted while two were hidden"));

        await dom.LoadHidden(null).ClickAsync();

        await Expect(site.Page.Locator("#isso-thread .isso-comment-loader")).ToHaveCountAsync(0);
        await Expect(dom.TopLevel).ToHaveCountAsync(13);
        await Expect(site.Page.Locator($"[id='isso-{id}']")).ToHaveCountAsync(1);
    }

    private static string[] Numbered(string prefix, int from, int to) =>
        [.. Enumerable.Range(from, to - from + 1).Select(i => $"{prefix} {i}")];
}
