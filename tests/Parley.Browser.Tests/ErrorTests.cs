using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>When the server is down, refuses or fails, the reader gets a readable message and loses nothing they typed.</summary>
public sealed class ErrorTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly Catalogue En = Catalogue.Load("en");

    [Fact]
    public async Task ServerGoneWhilePostingShowsAMessageAndKeepsTheForm()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        await site.OpenPostAsync("/post-1/");
        var dom = new ThreadDom(site.Page);
        var box = dom.MainBox;
        await box.Text.FillAsync("Words I do not want to lose");
        await box.Author.FillAsync("Kim");
        await box.Email.FillAsync("kim@example.com");

        await site.Parley.StopAsync();
        await box.Submit.ClickAsync();

        await Expect(box.Error).ToBeVisibleAsync();
        await Expect(box.Error).ToContainTextAsync(En.Text("error-network"));
        await Expect(box.Text).ToHaveValueAsync("Words I do not want to lose");
        await Expect(box.Author).ToHaveValueAsync("Kim");
        await Expect(box.Email).ToHaveValueAsync("kim@example.com");
        await Expect(dom.AllComments).ToHaveCountAsync(0);
        await Expect(box.Submit).ToBeEnabledAsync();
    }

    [Fact]
    public async Task RejectedPostShowsTheServersReasonAndKeepsTheText()
    {
        // One top-level comment per reader and thread: the second is refused by the server, not the client.
        await using var site = await TestSite.StartAsync(browser, output,
            new ConfigSetting("guard", "enabled", "true"),
            new ConfigSetting("guard", "ratelimit", "100"),
            new ConfigSetting("guard", "direct-reply", "1"));
        await site.OpenPostAsync("/post-1/");
        var dom = new ThreadDom(site.Page);
        var box = dom.MainBox;
        await box.Text.FillAsync("My first and only comment");
        await box.Submit.ClickAsync();
        await Expect(dom.AllComments).ToHaveCountAsync(1);

        await box.Text.FillAsync("One more thing");
        await box.Submit.ClickAsync();

        await Expect(box.Error).ToBeVisibleAsync();
        await Expect(box.Error).ToContainTextAsync("direct responses to /post-1/");
        await Expect(box.Text).ToHaveValueAsync("One more thing");
        await Expect(dom.AllComments).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task RequiredNameIsAskedForBeforeAnythingIsSent()
    {
        await using var site = await TestSite.StartAsync(browser, output,
            new ConfigSetting("guard", "enabled", "true"),
            new ConfigSetting("guard", "ratelimit", "100"),
            new ConfigSetting("guard", "require-author", "true"));
        await site.OpenPostAsync("/post-1/");
        var dom = new ThreadDom(site.Page);
        var box = dom.MainBox;
        var posts = 0;
        site.Page.Request += (_, r) =>
        {
            if (r.Method == "POST" && new Uri(r.Url).AbsolutePath == "/new")
            {
                Interlocked.Increment(ref posts);
            }
        };
        // The server's setting reaches the form: the name is marked as required.
        await Expect(box.Author).ToHaveAttributeAsync("aria-required", "true");
        await box.Text.FillAsync("Who wrote this?");

        await box.Submit.ClickAsync();

        await Expect(box.Error).ToHaveTextAsync(En.Text("error-required"));
        await Expect(box.Author).ToBeFocusedAsync();
        await Expect(box.Author).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(box.Text).ToHaveValueAsync("Who wrote this?");
        Assert.Equal(0, Volatile.Read(ref posts));

        await box.Author.FillAsync("Kim");
        await box.Submit.ClickAsync();
        await Expect(dom.CommentWithText("Who wrote this?").Author).ToHaveTextAsync("Kim");
        await Expect(box.Error).ToBeHiddenAsync();
    }

    [Fact]
    public async Task ServerErrorShowsAMessageAndTheNextTryWorks()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        await site.OpenPostAsync("/post-1/");
        var dom = new ThreadDom(site.Page);
        var box = dom.MainBox;
        static bool IsNew(string url) => new Uri(url).AbsolutePath == "/new";
        await site.Page.RouteAsync(IsNew, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 500,
            ContentType = "text/html; charset=utf-8",
            Body = "<!doctype html><title>500 Internal Server Error</title><h1>Internal Server Error</h1>",
        }));
        await box.Text.FillAsync("Posted on the second try");

        await box.Submit.ClickAsync();

        await Expect(box.Error).ToBeVisibleAsync();
        await Expect(box.Error).ToContainTextAsync(En.Format("error-server", ("n", "500")));
        await Expect(box.Text).ToHaveValueAsync("Posted on the second try");

        await site.Page.UnrouteAsync(IsNew);
        await box.Submit.ClickAsync();

        await Expect(dom.CommentWithText("Posted on the second try").Element).ToBeVisibleAsync();
        await Expect(box.Error).ToBeHiddenAsync();
        Assert.Single(await site.Api.CommentsAsync("/post-1/"));
    }

    [Fact]
    public async Task VoteThatCannotBeSentIsReportedAtTheComment()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var id = await site.Api.PostAsync("/post-1/", "Worth a vote", from: 4);
        await site.OpenPostAsync("/post-1/");
        var comment = new ThreadDom(site.Page).Comment(id);
        await Expect(comment.Votes).ToHaveTextAsync("0");

        await site.Parley.StopAsync();
        await comment.Upvote.ClickAsync();

        await Expect(comment.Element.Locator(":scope > .isso-text-wrapper .isso-error")).ToHaveTextAsync(En.Text("error-network"));
        await Expect(comment.Votes).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task ThreadThatCannotBeReachedShowsAnErrorNotABlankArea()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        // The site hosts the script itself, so it loads while the comment server is down.
        var script = site.Pages.AddFile("/js/embed.min.js", Path.Combine(RepoPaths.ParleyWebRoot, "js", "embed.min.js"), "text/javascript");
        var url = site.Pages.AddPage("/post-1/", PageMarkup.Post(site.Parley.Origin, scriptSrc: script));
        await site.Parley.StopAsync();

        await site.Page.GotoAsync(url.ToString());

        await Expect(new ThreadDom(site.Page).Thread).ToContainTextAsync(En.Text("error-load"));
    }

    [Fact]
    public async Task ThreadThatFailsToLoadShowsAnError()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        await site.Page.RouteAsync(url => new Uri(url) is { AbsolutePath: "/", Query: var q } && q.Contains("uri=", StringComparison.Ordinal),
            route => route.AbortAsync("connectionrefused"));

        await site.OpenPostAsync("/post-1/", waitForThread: false);

        await Expect(new ThreadDom(site.Page).Thread).ToContainTextAsync(En.Text("error-load"));
    }
}
