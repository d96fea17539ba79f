using Parley.Core.Config;
using Parley.Core.Import;
using Parley.Core.Markup;

namespace Parley.Core.Tests.Import;

/// <summary>Disqus messages (HTML) into stored Markdown: each construct, then what the default renderer makes of it.</summary>
public sealed class HtmlToMarkdownTests
{
    private static readonly CommentRenderer Renderer = new(new MarkupConfig());

    private static string Rendered(string html) => Renderer.Render(HtmlToMarkdown.Convert(html));

    [Fact]
    public void ParagraphsBecomeParagraphs()
    {
        Assert.Equal("One\n\nTwo", HtmlToMarkdown.Convert("<p>One</p><p>Two</p>"));
        Assert.Equal("<p>One</p>\n<p>Two</p>", Rendered("<p>One</p>\n<p>Two</p>"));
    }

    [Fact]
    public void LineBreaksBecomeLineBreaks()
    {
        Assert.Equal("one  \ntwo", HtmlToMarkdown.Convert("<p>one<br>two</p>"));
        Assert.Equal("<p>one<br>\ntwo</p>", Rendered("<p>one <br/> two</p>"));
    }

    [Fact]
    public void TwoBreaksInARowStartANewParagraphAndBreaksAtTheEdgesGo() =>
        Assert.Equal("one\n\ntwo", HtmlToMarkdown.Convert("<p><br>one<br><br><br>two<br></p>"));

    [Fact]
    public void SourceLineBreaksAndSpacesAreHtmlWhitespace()
    {
        Assert.Equal("one two three", HtmlToMarkdown.Convert("<p>\n  one\n   two\tthree  </p>"));
        Assert.Equal("<p>one two three</p>", Rendered("<p>\n  one\n   two\tthree  </p>"));
    }

    [Fact]
    public void AMessageWithoutAnyElementKeepsItsLines() =>
        Assert.Equal("line one  \nline two\n\nnext paragraph", HtmlToMarkdown.Convert("line one\nline two\n\nnext paragraph\n"));

    [Theory]
    [InlineData("https://example.org/page?a=1&b=2", "https://example.org/page?a=1&b=2", "https://example.org/page?a=1&amp;b=2")]
    [InlineData("HTTP://example.org/", "HTTP://example.org/", "HTTP://example.org/")]
    [InlineData(" http://example.org/a b(c)\\ ", "http://example.org/a%20b%28c%29%5C", "http://example.org/a%20b%28c%29%5C")]
    [InlineData("mailto:ann@example.org", "mailto:ann@example.org", "mailto:ann@example.org")]
    public void LinksWithSafeSchemesStayLinks(string href, string destination, string rendered)
    {
        var html = $"<p>See <a href=\"{href.Replace("&", "&amp;", StringComparison.Ordinal)}\" rel=\"nofollow\" title=\"t\">the <em>page</em></a>.</p>";

        Assert.Equal($"See [the *page*]({destination}).", HtmlToMarkdown.Convert(html));
        Assert.StartsWith($"<p>See <a href=\"{rendered}\"", Rendered(html), StringComparison.Ordinal);
        Assert.EndsWith(">the <em>page</em></a>.</p>", Rendered(html), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("\u0001 javascript:alert(1)")]
    [InlineData("javascript&colon;alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("/relative/path")]
    [InlineData("//example.org/")]
    [InlineData("ftp://example.org/")]
    public void LinksToAnythingElseKeepOnlyTheirText(string href)
    {
        var html = $"<p><a href=\"{href}\">click</a> here</p>";

        Assert.Equal("click here", HtmlToMarkdown.Convert(html));
        Assert.Equal("<p>click here</p>", Rendered(html));
    }

    [Fact]
    public void ALinkWithoutTextIsDroppedAndALinkWithoutAddressIsItsText()
    {
        Assert.Equal("a b", HtmlToMarkdown.Convert("a<a href=\"https://example.org/\"> </a>b"));
        Assert.Equal("text", HtmlToMarkdown.Convert("<a name=\"x\">text</a>"));
    }

    [Fact]
    public void SpacesAtTheEdgesOfALinkStayOutsideIt() =>
        // The HTML parser ends the first link where the second starts: links never nest.
        Assert.Equal("a [outer](https://a.example/) [inner](https://b.example/) b", HtmlToMarkdown.Convert(
            "a<a href=\"https://a.example/\"> outer <span><a href=\"https://b.example/\">inner </a></span></a>b"));

    [Fact]
    public void EmphasisBecomesEmphasis()
    {
        const string html = "<p><em>a</em> <i>b</i> <strong>c</strong> <b>d</b> <b><i>e</i></b> x<em>y</em>z</p>";

        Assert.Equal("*a* *b* **c** **d** ***e*** x*y*z", HtmlToMarkdown.Convert(html));
        Assert.Equal(
            "<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong> <em><strong>e</strong></em> x<em>y</em>z</p>",
            Rendered(html));
    }

    [Fact]
    public void SpacesAtTheEdgesOfEmphasisMoveOutsideIt()
    {
        Assert.Equal("a *b* c", HtmlToMarkdown.Convert("a<em> b </em>c"));
        Assert.Equal("a b", HtmlToMarkdown.Convert("a<em> </em>b"));
        Assert.Equal("ab", HtmlToMarkdown.Convert("a<b></b>b"));
    }

    [Theory]
    [InlineData("foo<em>\"bar\"</em>baz", "foo\"bar\"baz", "<p>foo\"bar\"baz</p>")]
    [InlineData("<em>a <em>b</em> c</em>", "*a b c*", "<p><em>a b c</em></p>")]
    [InlineData("<b><p>one</p><p>two</p></b>", "one\n\ntwo", "<p>one</p>\n<p>two</p>")]
    public void EmphasisMarkdownCannotExpressStaysPlainText(string html, string markdown, string rendered)
    {
        Assert.Equal(markdown, HtmlToMarkdown.Convert(html));
        Assert.Equal(rendered, Rendered(html));
    }

    [Fact]
    public void InlineCodeBecomesACodeSpan()
    {
        const string html = "<p>Use <code>a &lt; b &amp;&amp; *c*</code> and <code>`tick`</code></p>";

        Assert.Equal("Use `a < b && *c*` and `` `tick` ``", HtmlToMarkdown.Convert(html));
        Assert.Equal("<p>Use <code>a &lt; b &amp;&amp; *c*</code> and <code>`tick`</code></p>", Rendered(html));
    }

    [Fact]
    public void PreformattedTextBecomesAFencedCodeBlock()
    {
        const string html = "<p>Code:</p><pre><code>if (a &lt; b) {\n    *x* = 1;\n}\n```\n</code></pre><p>done</p>";

        Assert.Equal("Code:\n\n````\nif (a < b) {\n    *x* = 1;\n}\n```\n````\n\ndone", HtmlToMarkdown.Convert(html));
        Assert.Equal(
            "<p>Code:</p>\n<pre><code>if (a &lt; b) {\n    *x* = 1;\n}\n```\n</code></pre>\n<p>done</p>",
            Rendered(html));
    }

    [Fact]
    public void BlockQuotesBecomeQuotes()
    {
        const string html = "<blockquote><p>quoted <b>text</b></p><p>more</p><blockquote>deeper</blockquote></blockquote><p>reply</p>";

        Assert.Equal("> quoted **text**\n>\n> more\n>\n> > deeper\n\nreply", HtmlToMarkdown.Convert(html));
        Assert.Equal(
            "<blockquote>\n<p>quoted <strong>text</strong></p>\n<p>more</p>\n<blockquote>\n<p>deeper</p>\n</blockquote>\n</blockquote>\n<p>reply</p>",
            Rendered(html));
    }

    [Fact]
    public void EntitiesAreDecoded()
    {
        const string html = "<p>Tom &amp; Jerry &lt;3 &copy; &#8364; &#x1F600; &quot;q&quot; &nbsp;x</p>";

        Assert.Equal("Tom & Jerry <3 © € 😀 \"q\" \u00a0x", HtmlToMarkdown.Convert(html));
        Assert.Equal("<p>Tom &amp; Jerry &lt;3 © € 😀 \"q\" \u00a0x</p>", Rendered(html));
    }

    [Theory]
    [InlineData("<p>*not emphasis* _nor this_ snake_case</p>", "<p>*not emphasis* _nor this_ snake_case</p>")]
    [InlineData("<p>[not](a link) ![nor](an image) `no code`</p>", "<p>[not](a link) ![nor](an image) `no code`</p>")]
    [InlineData("<p>&lt;b&gt;literal&lt;/b&gt; &lt;https://example.org/&gt; 1 &lt; 2</p>", "<p>&lt;b&gt;literal&lt;/b&gt; &lt;https://example.org/&gt; 1 &lt; 2</p>")]
    [InlineData("<p>~~no strike~~ H~2~O x^2^ a|b ==no mark== a \\ b</p>", "<p>~~no strike~~ H~2~O x^2^ a|b ==no mark== a \\ b</p>")]
    [InlineData("<p>&amp;copy; stays &amp;amp;</p>", "<p>&amp;copy; stays &amp;amp;</p>")]
    [InlineData("<p># not a heading</p><p>- not a list</p><p>+ nor this</p><p>1986. A year</p><p>&gt; no quote</p>",
        "<p># not a heading</p>\n<p>- not a list</p>\n<p>+ nor this</p>\n<p>1986. A year</p>\n<p>&gt; no quote</p>")]
    [InlineData("<p>Title<br>=====<br>---<br>***</p>", "<p>Title<br>\n=====<br>\n---<br>\n***</p>")]
    public void TextThatLooksLikeMarkdownShowsAsWritten(string html, string rendered) =>
        Assert.Equal(rendered, Rendered(html));

    [Theory]
    [InlineData("<ul><li>one</li><li>two</li></ul>", "one\n\ntwo")]
    [InlineData("<h2>Heading</h2><div>block</div><span>inline</span> <u>under</u><s>struck</s>", "Heading\n\nblock\n\ninline understruck")]
    [InlineData("<table><tr><td>a</td><td>b</td></tr></table>", "a\n\nb")]
    [InlineData("<p>an <img src=\"x.png\" alt=\"image\"> image</p>", "an image")]
    public void OtherElementsBecomeTheirText(string html, string markdown) =>
        Assert.Equal(markdown, HtmlToMarkdown.Convert(html));

    [Fact]
    public void ScriptsAndStylesAreDropped()
    {
        const string html = "<p>a<script>alert('x')</script><style>p { color: red }</style>b</p><script>document.write(1)";

        Assert.Equal("ab", HtmlToMarkdown.Convert(html));
    }

    [Fact]
    public void UnclosedAndStrayTagsEndWhereTheHtmlParserEndsThem()
    {
        Assert.Equal("<p>open <strong>bold <em>both</em></strong></p>", Rendered("<p>open <b>bold <i>both"));
        Assert.Equal("<p>text</p>", Rendered("</em></p>text</b></div>"));
        Assert.Equal("<p>a &lt; b</p>", Rendered("a < b"));
    }

    [Fact]
    public void DeepNestingIsWrittenWithoutRunningOutOfStack()
    {
        var spans = "<b><i>" + string.Concat(Enumerable.Repeat("<span>", 10_000)) + "deep";
        var quotes = string.Concat(Enumerable.Repeat("<blockquote>", 200)) + "quoted";

        Assert.Equal("***deep***", HtmlToMarkdown.Convert(spans));
        Assert.Contains("quoted", Rendered(quotes), StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyMessagesStayEmpty()
    {
        Assert.Equal("", HtmlToMarkdown.Convert(""));
        Assert.Equal("", HtmlToMarkdown.Convert("<p></p><p> <br> </p>"));
    }
}
