using System.Diagnostics;
using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>
/// A reader with proof of work and the honeypot on: posting, replying and editing need nothing extra, by mouse or by
/// keyboard, and the time from Submit to the comment on the page is reported against the same site without them.
/// </summary>
public sealed class SpamDefenceTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly ConfigSetting[] Defences =
    [
        new("spam", "proof-of-work", "true"), new("spam", "honeypot", "true"), new("guard", "reply-to-self", "true"), new("guard", "ratelimit", "50"),
    ];

    [Fact]
    public async Task AReaderPostsRepliesAndEditsWithoutDoingAnythingExtraAndTheTimeIsReported()
    {
        var plain = await PostAndTimeAsync([new("guard", "reply-to-self", "true"), new("guard", "ratelimit", "50")], checkDefences: false);
        var defended = await PostAndTimeAsync(Defences, checkDefences: true);
        output.WriteLine($"Submit to comment shown (median of 3): {defended.TotalMilliseconds:0} ms with proof of work and honeypot, "
            + $"{plain.TotalMilliseconds:0} ms without: {(defended - plain).TotalMilliseconds:0} ms more");
    }

    private async Task<TimeSpan> PostAndTimeAsync(ConfigSetting[] settings, bool checkDefences)
    {
        await using var site = await TestSite.StartAsync(browser, output, settings);
        await site.OpenPostAsync("/post-1/");
        var dom = new ThreadDom(site.Page);
        var box = dom.MainBox;
        var times = new List<TimeSpan>();
        for (var i = 1; i <= 3; i++)
        {
            await box.Text.FillAsync($"Comment number {i} from a reader");
            await box.Author.FillAsync("Ada");
            var clock = Stopwatch.StartNew();
            await box.Submit.ClickAsync();
            await Expect(dom.CommentWithText($"Comment number {i} from a reader").Element).ToBeVisibleAsync();
            times.Add(clock.Elapsed);
        }
        var first = dom.Comment(await CommentIds.IdOfAsync(dom.CommentWithText("Comment number 1 from a reader")));
        await first.Reply.ClickAsync();
        await first.ReplyBox.Text.FillAsync("A reply, with its own proof");
        await first.ReplyBox.Submit.ClickAsync();
        await Expect(first.ReplyWithText("A reply, with its own proof").Element).ToBeVisibleAsync();
        await first.Edit.ClickAsync();
        await first.EditArea.FillAsync("Edited after posting");
        await first.Edit.ClickAsync();
        await Expect(first.Text).ToHaveTextAsync("Edited after posting");

        // The solver is a script of its own, loaded only where the site asks for proof of work.
        Assert.Equal(checkDefences, await site.Page.EvaluateAsync<bool>("() => !!document.querySelector('script[src$=\"/js/solver.min.js\"]')"));
        if (checkDefences)
        {
            await CheckDefencesAsync(site, dom);
        }
        Assert.Equal(checkDefences ? 5 : 4, (await site.Api.CommentsAsync("/post-1/")).Count(c => c.Mode == 1));
        // With the defences, the one error is the browser's note of the bot's refused post.
        Assert.True(site.Browser.Errors.Count == (checkDefences ? 1 : 0), site.Report());
        Assert.All(site.Browser.Errors, e => Assert.Contains("403", e, StringComparison.Ordinal));
        return times.Order().ElementAt(1);
    }

    private async Task CheckDefencesAsync(TestSite site, ThreadDom dom)
    {
        var page = site.Page;
        var box = dom.MainBox;
        // The honeypot is there for bots (no display:none), clipped to nothing on screen, labelled for screen readers,
        // and no tab stop.
        var trap = page.Locator("#isso-postbox-subject");
        await Expect(trap).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Leave this field empty").First).ToHaveAttributeAsync("name", "subject");
        Assert.True(await trap.EvaluateAsync<bool>("""
            e => {
              const box = e.closest('.isso-honeypot'), size = box.getBoundingClientRect(), style = getComputedStyle(box);
              return getComputedStyle(e).display !== 'none' && size.width <= 1 && size.height <= 1
                && style.overflow === 'hidden' && (style.clip !== 'auto' || style.clipPath !== 'none');
            }
            """));
        Assert.Equal("-1", await trap.GetAttributeAsync("tabindex"));

        // By keyboard alone: typing starts the puzzle, Tab never lands on the trap, Enter posts.
        await page.TabToAsync(box.Text, maxPresses: 200, backwards: true);
        await page.Keyboard.TypeAsync("Typed with keys only");
        var visited = new List<string>();
        for (var i = 0; i < 8 && !await box.Submit.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            visited.Add(await page.EvaluateAsync<string>("() => document.activeElement.name || document.activeElement.id"));
        }
        Assert.DoesNotContain("subject", visited);
        await Expect(box.Submit).ToBeFocusedAsync();
        var sent = await page.RunAndWaitForRequestAsync(() => page.Keyboard.PressAsync("Enter"),
            r => r.Method == "POST" && new Uri(r.Url).AbsolutePath == "/new");
        var body = sent.PostDataJSON()!.Value;
        Assert.Equal("", body.GetProperty("subject").GetString());
        var solution = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(body.GetProperty("altcha").GetString()!)).RootElement;
        output.WriteLine($"Proof of work solved in the page's worker in {solution.GetProperty("took").GetInt64()} ms "
            + $"(number {solution.GetProperty("number").GetInt64()})");
        await Expect(dom.CommentWithText("Typed with keys only").Element).ToBeVisibleAsync();

        // A bot that fills the trap is refused; the reader's text stays in the box.
        await box.Text.FillAsync("Filled by a bot");
        await trap.FillAsync("Cheap offer");
        await box.Submit.ClickAsync();
        await Expect(page.Locator(".isso-postbox .isso-error").First).ToBeVisibleAsync();
        await Expect(box.Text).ToHaveValueAsync("Filled by a bot");
        await trap.FillAsync("");
        await box.Text.FillAsync("");
        Assert.DoesNotContain(await site.Api.CommentsAsync("/post-1/"), c => c.Text == "Filled by a bot");
    }
}
