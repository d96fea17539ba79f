using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>Votes on other readers' comments: the score shown and the server's tally agree.</summary>
public sealed class VoteTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly Catalogue En = Catalogue.Load("en");

    [Fact]
    public async Task UpvotingAnotherReadersCommentShowsAndStoresOneLike()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var id = await site.Api.PostAsync("/post-1/", "Worth a vote", author: "Bea", from: 7);
        await site.OpenPostAsync("/post-1/");
        var comment = new ThreadDom(site.Page).Comment(id);

        await comment.Upvote.ClickAsync();

        await Expect(comment.Votes).ToHaveTextAsync("1");
        Assert.Equal(1, (await site.Api.CommentsAsync("/post-1/")).Single().Likes);
    }

    [Fact]
    public async Task DownvotingShowsANegativeScore()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var id = await site.Api.PostAsync("/post-1/", "Not so convincing", from: 8);
        await site.OpenPostAsync("/post-1/");
        var comment = new ThreadDom(site.Page).Comment(id);

        await comment.Downvote.ClickAsync();

        await Expect(comment.Votes).ToHaveTextAsync("-1");
        Assert.Equal(1, (await site.Api.CommentsAsync("/post-1/")).Single().Dislikes);
    }

    [Fact]
    public async Task VotingTwiceCountsOnce()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var id = await site.Api.PostAsync("/post-1/", "Liked a lot", from: 9);
        await site.OpenPostAsync("/post-1/");
        var dom = new ThreadDom(site.Page);
        var comment = dom.Comment(id);
        await comment.Upvote.ClickAsync();
        await Expect(comment.Votes).ToHaveTextAsync("1");
        await Expect(dom.Live).ToHaveTextAsync($"{En.Text("comment-score")}: 1");

        var second = await site.Page.RunAndWaitForResponseAsync(() => comment.Upvote.ClickAsync(),
            r => r.Url.EndsWith("/like", StringComparison.Ordinal));
        await second.FinishedAsync();

        await Expect(comment.Votes).ToHaveTextAsync("1");
        // The refusal is heard, not only an unchanged score.
        await Expect(dom.Live).ToHaveTextAsync(En.Text("vote-not-counted"));
        Assert.Equal(1, (await site.Api.CommentsAsync("/post-1/")).Single().Likes);
    }
}
