using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Parley.Browser.Tests;

/// <summary>A Disqus export imported with the command line, then read by a visitor: the HTML of its messages shows
/// as it did on Disqus, as paragraphs, links and emphasis, never as literal tags and never as script.</summary>
public sealed partial class DisqusImportTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly string Export = Path.Combine(Checkout.Root, "tests", "fixtures", "import", "disqus-html.xml");

    [Fact]
    public async Task ImportedDisqusMessagesShowAsParagraphsLinksAndEmphasis()
    {
        await using var site = await TestSite.StartAsync(browser, output);
        var (exitCode, imported) = await site.Parley.RunOnConfigAsync("import", "--yes", Export);
        Assert.True(exitCode == 0, imported);
        Assert.Contains("1 threads, 3 comments", imported, StringComparison.Ordinal);

        await site.OpenPostAsync("/post-1/");
        var dom = new ThreadDom(site.Page);
        await Expect(dom.AllComments).ToHaveCountAsync(3);

        var first = dom.CommentWithText("Second paragraph").Text;
        await Expect(first.Locator("p")).ToHaveCountAsync(2);
        await Expect(first.Locator("p").First).ToHaveTextAsync("First paragraph with bold and italic words.");
        await Expect(first.Locator("p strong")).ToHaveTextAsync("bold");
        await Expect(first.Locator("p em")).ToHaveTextAsync("italic");
        await Expect(first.Locator("p br")).ToHaveCountAsync(1);
        var docs = first.Locator("a");
        await Expect(docs).ToHaveTextAsync("the docs");
        await Expect(docs).ToHaveAttributeAsync("href", "https://example.org/docs?a=1&b=2");

        var reply = dom.CommentWithText("Try").Text;
        await Expect(reply.Locator("blockquote p")).ToHaveTextAsync("First paragraph with bold");
        await Expect(reply.Locator("p code")).ToHaveTextAsync("x < y && *z*");
        await Expect(reply.Locator("pre code")).ToHaveTextAsync("for (i = 0; i < 3; i++) {\n    print(i);\n}\n");
        await Expect(reply.Locator("p").Last).ToHaveTextAsync("Tom & Jerry <3 €5 — really.");
        await Expect(reply.Locator("p em")).ToHaveTextAsync("really");

        var hostile = dom.CommentWithText("Hostile").Text;
        await Expect(hostile).ToHaveTextAsync("Hostile: click me <p>not a tag</p> *not emphasis* and a span");
        await Expect(hostile.Locator("a, script, span, [onclick]")).ToHaveCountAsync(0);
        await hostile.ClickAsync();
        Assert.Null(await site.Page.EvaluateAsync<int?>("() => window.parleyPwned ?? null"));

        // Disqus's own tags and entities never reach the reader as text.
        foreach (var text in new[] { await first.InnerTextAsync(), await reply.InnerTextAsync() })
        {
            Assert.DoesNotMatch(DisqusMarkup(), text);
        }
    }

    [GeneratedRegex(@"</?(p|b|i|a|em|strong|code|pre|blockquote|br)\b|&(amp|lt|gt|#\d+);")]
    private static partial Regex DisqusMarkup();
}
