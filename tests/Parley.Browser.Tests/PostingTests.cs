using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>A reader's whole round: preview, post, reply, edit and delete, checked in the page and on the server.</summary>
public sealed class PostingTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly Catalogue En = Catalogue.Load("en");

    [Fact]
    public async Task ReaderPreviewsPostsRepliesEditsAndDeletes()
    {
        // Isso hides Reply on one's own comments while they are editable unless the server allows replying to oneself.
        await using var site = await TestSite.StartAsync(browser, output, new ConfigSetting("guard", "reply-to-self", "true"));
        await site.OpenPostAsync("/post-1/");
        var dom = new ThreadDom(site.Page);
        var box = dom.MainBox;
        await Expect(dom.Heading).ToHaveTextAsync(En.Text("no-comments"));

        await box.Text.FillAsync("Hello **world**, this is *markdown*.");
        await box.Preview.ClickAsync();
        await Expect(box.PreviewText.Locator("strong")).ToHaveTextAsync("world");
        await Expect(box.PreviewText.Locator("em")).ToHaveTextAsync("markdown");
        await box.BackToEdit.ClickAsync();
        await Expect(box.Text).ToBeVisibleAsync();
        await Expect(box.Text).ToHaveValueAsync("Hello **world**, this is *markdown*.");

        await box.Author.FillAsync("Ada");
        await box.Submit.ClickAsync();
        var id = await CommentIds.IdOfAsync(dom.CommentWithText("Hello world"));
        // By id from here on: editing replaces the text the comment was found by.
        var comment = dom.Comment(id);
        await Expect(comment.Text.Locator("strong")).ToHaveTextAsync("world");
        await Expect(comment.Author).ToHaveTextAsync("Ada");
        await Expect(dom.Heading).ToHaveTextAsync(En.Plural("num-comments", 1));
        await Expect(dom.Live).ToContainTextAsync(En.Text("status-posted"));
        await Expect(box.Text).ToHaveValueAsync("");

        await comment.Reply.ClickAsync();
        await comment.ReplyBox.Text.FillAsync("A reply to my own comment");
        var sent = await site.Page.RunAndWaitForRequestAsync(() => comment.ReplyBox.Submit.ClickAsync(),
            r => r.Method == "POST" && new Uri(r.Url).AbsolutePath == "/new");
        Assert.Equal(id, sent.PostDataJSON()?.GetProperty("parent").GetInt64());
        var reply = comment.ReplyWithText("A reply to my own comment");
        await Expect(reply.Element).ToBeVisibleAsync();
        await Expect(dom.Heading).ToHaveTextAsync(En.Plural("num-comments", 2));
        await Expect(comment.Element.Locator(".isso-postbox")).ToHaveCountAsync(0);

        await comment.Edit.ClickAsync();
        await Expect(comment.EditArea).ToHaveValueAsync("Hello **world**, this is *markdown*.");
        await Expect(comment.Edit).ToHaveTextAsync(En.Text("comment-save"));
        await comment.EditArea.FillAsync("Edited with _emphasis_.");
        await comment.Edit.ClickAsync();
        await Expect(comment.Text.Locator("em")).ToHaveTextAsync("emphasis");
        await Expect(comment.EditArea).ToHaveCountAsync(0);
        await Expect(comment.Edit).ToHaveTextAsync(En.Text("comment-edit"));

        await reply.Delete.ClickAsync();
        await Expect(reply.Delete).ToHaveTextAsync(En.Text("comment-confirm"));
        await reply.Delete.ClickAsync();
        await Expect(reply.Element).ToHaveCountAsync(0);

        var stored = Assert.Single(await site.Api.CommentsAsync("/post-1/"));
        Assert.Equal(id, stored.Id);
        Assert.Equal("Edited with _emphasis_.", stored.Text);
        Assert.Equal("Ada", stored.Author);

        await comment.Delete.ClickAsync();
        await comment.Delete.ClickAsync();
        await Expect(comment.Element).ToHaveCountAsync(0);
        Assert.Empty(await site.Api.CommentsAsync("/post-1/"));
        Assert.True(site.Browser.Errors.Count == 0, site.Report());
    }

    [Fact]
    public async Task DeletingACommentThatHasRepliesLeavesItsPlaceInTheThread()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        await site.OpenPostAsync("/post-1/");
        var dom = new ThreadDom(site.Page);
        await dom.MainBox.Text.FillAsync("Mine, soon answered");
        await dom.MainBox.Submit.ClickAsync();
        var id = await CommentIds.IdOfAsync(dom.CommentWithText("Mine, soon answered"));
        var mine = dom.Comment(id);
        await site.Api.PostAsync("/post-1/", "An answer from someone else", parent: id, from: 9);

        await site.Page.ReloadAsync();
        await Expect(mine.ReplyWithText("An answer from someone else").Element).ToBeVisibleAsync();
        await mine.Delete.ClickAsync();
        await mine.Delete.ClickAsync();

        await Expect(mine.Note).ToHaveTextAsync(En.Text("comment-deleted"));
        await Expect(mine.Text).Not.ToContainTextAsync("Mine, soon answered");
        await Expect(mine.Edit).ToHaveCountAsync(0);
        await Expect(mine.Delete).ToHaveCountAsync(0);
        Assert.Equal(4, (await site.Api.CommentsAsync("/post-1/")).Single(c => c.Id == id).Mode);
    }

    [Fact]
    public async Task CancellingAnEditKeepsTheCommentAsItWas()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        await site.OpenPostAsync("/post-1/");
        var dom = new ThreadDom(site.Page);
        await dom.MainBox.Text.FillAsync("Said *once*");
        await dom.MainBox.Submit.ClickAsync();
        var comment = dom.Comment(await CommentIds.IdOfAsync(dom.CommentWithText("Said once")));

        await comment.Edit.ClickAsync();
        await comment.EditArea.FillAsync("Said twice, but never saved");
        // The DOM contract names no class for Cancel; the button is found the way a screen reader user would.
        await comment.Element.Locator(":scope > .isso-text-wrapper > .isso-comment-footer")
            .GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = En.Text("comment-cancel"), Exact = true }).ClickAsync();

        await Expect(comment.EditArea).ToHaveCountAsync(0);
        await Expect(comment.Text.Locator("em")).ToHaveTextAsync("once");
        await Expect(comment.Edit).ToHaveTextAsync(En.Text("comment-edit"));
        Assert.Equal("Said *once*", Assert.Single(await site.Api.CommentsAsync("/post-1/")).Text);
    }

    [Fact]
    public async Task ReplyingToAReplyJoinsTheSameConversation()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var top = await site.Api.PostAsync("/post-1/", "A question", from: 1);
        var answer = await site.Api.PostAsync("/post-1/", "An answer", parent: top, from: 2);
        await site.OpenPostAsync("/post-1/");
        var dom = new ThreadDom(site.Page);

        await dom.Comment(answer).Reply.ClickAsync();
        await dom.Comment(answer).ReplyBox.Text.FillAsync("A follow-up to the answer");
        var sent = await site.Page.RunAndWaitForRequestAsync(() => dom.Comment(answer).ReplyBox.Submit.ClickAsync(),
            r => r.Method == "POST" && new Uri(r.Url).AbsolutePath == "/new");

        // Isso threads are two levels deep: a reply to a reply answers the top-level comment.
        Assert.Equal(top, sent.PostDataJSON()?.GetProperty("parent").GetInt64());
        await Expect(dom.Comment(top).ReplyWithText("A follow-up to the answer").Element).ToBeVisibleAsync();
        Assert.Equal(top, (await site.Api.CommentsAsync("/post-1/")).Single(c => c.Text == "A follow-up to the answer").Parent);
    }

    [Fact]
    public async Task CommentPostedWhileTheThreadIsStillLoadingStaysOnThePage()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        await site.Api.PostAsync("/post-1/", "Already there", from: 1);
        // The server answers the thread at once, but the answer reaches the page only after the reader posted:
        // a slow network, made certain.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await site.Page.RouteAsync(url => new Uri(url) is { AbsolutePath: "/", Query: var q } && q.Contains("uri=", StringComparison.Ordinal),
            async route =>
            {
                var answer = await route.FetchAsync();
                await release.Task;
                await route.FulfillAsync(new RouteFulfillOptions { Response = answer });
            });
        await site.OpenPostAsync("/post-1/", waitForThread: false);
        var dom = new ThreadDom(site.Page);
        await Expect(dom.MainBox.Text).ToBeVisibleAsync();
        await Expect(dom.AllComments).ToHaveCountAsync(0);
        await dom.MainBox.Text.FillAsync("Written before the thread arrived");
        await dom.MainBox.Submit.ClickAsync();
        await Expect(dom.CommentWithText("Written before the thread arrived").Element).ToBeVisibleAsync();

        release.SetResult();

        await Expect(dom.CommentWithText("Already there").Element).ToBeVisibleAsync();
        await Expect(dom.AllComments).ToHaveCountAsync(2);
        await Expect(dom.CommentWithText("Written before the thread arrived").Element).ToBeVisibleAsync();
        await Expect(dom.Heading).ToHaveTextAsync(En.Plural("num-comments", 2));
    }

    [Fact]
    public async Task ACommentTheThreadAlreadyShowsWhenItsPostIsAnsweredIsShownOnce()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        await site.Api.PostAsync("/post-1/", "Already there", from: 1);
        // The thread is read only after the comment is stored, and the answer to the post arrives after the thread:
        // two connections, the second one faster.
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var threadShown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await site.Page.RouteAsync(url => new Uri(url) is { AbsolutePath: "/", Query: var q } && q.Contains("uri=", StringComparison.Ordinal),
            async route =>
            {
                await stored.Task;
                await route.ContinueAsync();
            });
        await site.Page.RouteAsync(url => new Uri(url).AbsolutePath == "/new",
            async route =>
            {
                var answer = await route.FetchAsync();
                stored.SetResult();
                await threadShown.Task;
                await route.FulfillAsync(new RouteFulfillOptions { Response = answer });
            });
        await site.OpenPostAsync("/post-1/", waitForThread: false);
        var dom = new ThreadDom(site.Page);
        await dom.MainBox.Text.FillAsync("Stored before the thread was read");
        await dom.MainBox.Submit.ClickAsync();
        await Expect(dom.AllComments).ToHaveCountAsync(2);
        await Expect(dom.Heading).ToHaveTextAsync(En.Plural("num-comments", 2));

        threadShown.SetResult();

        // The post box empties in the same step that shows the posted comment.
        await Expect(dom.MainBox.Text).ToHaveValueAsync("");
        await Expect(dom.AllComments).ToHaveCountAsync(2);
        await Expect(dom.Heading).ToHaveTextAsync(En.Plural("num-comments", 2));
        var own = dom.CommentWithText("Stored before the thread was read");
        await Expect(own.Edit).ToBeVisibleAsync();
    }
}
