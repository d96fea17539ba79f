using Parley.Core.Markup;

namespace Parley.Core.Tests.Markup;

public sealed class HtmlSanitizerTests
{
    private static readonly HtmlSanitizer Default = new([], []);

    [Theory]
    [InlineData("<a href=\"http://x.org/\">x</a>", "<a href=\"http://x.org/\" rel=\"nofollow noopener\">x</a>")]
    [InlineData("<a href=\"HTTPS://x.org/\">x</a>", "<a href=\"HTTPS://x.org/\" rel=\"nofollow noopener\">x</a>")]
    [InlineData("<a href=\"/path?q=1#f\">x</a>", "<a href=\"/path?q=1#f\" rel=\"nofollow noopener\">x</a>")]
    [InlineData("<a href=\"//x.org/p\">x</a>", "<a href=\"//x.org/p\" rel=\"nofollow noopener\">x</a>")]
    [InlineData("<a href=\"page.html\">x</a>", "<a href=\"page.html\" rel=\"nofollow noopener\">x</a>")]
    [InlineData("<a href=\"mailto:x@y.org\">x</a>", "<a href=\"mailto:x@y.org\">x</a>")]
    [InlineData("<a href=\"sms:+1\">Ha</a>", "<a>Ha</a>")]
    [InlineData("<a href=\"ftp://x.org\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\" java&#9;script:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"data:text/html,x\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>", "<a>x</a>")]
    public void OnlyWebAndMailUrlsSurvive(string html, string expected) =>
        Assert.Equal(expected, Default.Sanitize(html));

    [Theory]
    [InlineData("<code class=\"language-cpp\">x</code>", "<code class=\"language-cpp\">x</code>")]
    [InlineData("<code class=\"test language-cpp\">x</code>", "<code>x</code>")]
    [InlineData("<code class=\"language-\">x</code>", "<code>x</code>")]
    [InlineData("<code class=\"language-abcdefghijklmnopqrstu\">x</code>", "<code>x</code>")]
    [InlineData("<code class=\"language-c++\">x</code>", "<code>x</code>")]
    [InlineData("<p class=\"language-cpp\">x</p>", "<p>x</p>")]
    public void ClassIsKeptOnlyAsALanguageOnCode(string html, string expected) =>
        Assert.Equal(expected, Default.Sanitize(html));

    [Theory]
    [InlineData("a<!-- secret -->b", "ab")]
    [InlineData("<p>x<!--><img src=x onerror=alert(1)>--></p>", "<p>x--&gt;</p>")]
    public void CommentsAreRemoved(string html, string expected) =>
        Assert.Equal(expected, Default.Sanitize(html));

    [Theory]
    [InlineData("<script>alert(\"x\")</script>", "alert(\"x\")")]
    [InlineData("<style>p{color:red}</style>", "p{color:red}")]
    [InlineData("<span>x</span>", "x")]
    [InlineData("<div><p>x</p></div>", "<p>x</p>")]
    [InlineData("<tr><td>x</td></tr>", "x")]
    [InlineData("<img src=\"https://x.org/a.png\">", "")]
    [InlineData("<template><p>x</p></template>", "")]
    public void DisallowedElementsGoButTheirTextStays(string html, string expected) =>
        Assert.Equal(expected, Default.Sanitize(html));

    [Theory]
    [InlineData("a & b < c > d \"q\" 'a'", "a &amp; b &lt; c &gt; d \"q\" 'a'")]
    [InlineData("x<br/>y<hr/>", "x<br>y<hr>")]
    [InlineData("<a href='/a\"b'>x</a>", "<a href=\"/a&quot;b\" rel=\"nofollow noopener\">x</a>")]
    [InlineData("<table align=center><td>x</td></table>", "<table align=\"center\"><tbody><td>x</td></tbody></table>")]
    [InlineData("<p>&copy; &nbsp;</p>", "<p>© \u00a0</p>")]
    public void SerialisesLikeIsso(string html, string expected) =>
        Assert.Equal(expected, Default.Sanitize(html));

    [Fact]
    public void ConfiguredElementsAreKept()
    {
        var sanitizer = new HtmlSanitizer(["span", " DIV ", ""], []);
        Assert.Equal("<div><span>x</span></div>", sanitizer.Sanitize("<div><span>x</span></div>"));
    }

    [Fact]
    public void ConfiguredAttributesApplyToEveryElement()
    {
        var sanitizer = new HtmlSanitizer(["span"], ["title", "class"]);
        Assert.Equal(
            "<span title=\"t\" class=\"c\">x</span><code class=\"test language-cpp\">y</code>",
            sanitizer.Sanitize("<span title=\"t\" class=\"c\" id=\"i\">x</span><code class=\"test language-cpp\">y</code>"));
    }

    [Fact]
    public void ConfigurationCannotAllowScriptingElements()
    {
        var sanitizer = new HtmlSanitizer(["script", "style", "iframe", "svg", "math", "noscript", "textarea"], []);
        Assert.Equal("alert(1)", sanitizer.Sanitize("<script>alert(1)</script>"));
        Assert.Equal("&lt;img src=x onerror=alert(1)&gt;", sanitizer.Sanitize("<noscript><img src=x onerror=alert(1)></noscript>"));
        Assert.Equal("", sanitizer.Sanitize("<svg onload=alert(1)></svg><iframe src=\"https://x.org\"></iframe>"));
    }

    [Fact]
    public void ConfigurationCannotAllowEventHandlersOrStyle()
    {
        var sanitizer = new HtmlSanitizer(["span"], ["onclick", "onerror", "style", "srcdoc", "title"]);
        Assert.Equal(
            "<span title=\"t\">x</span>",
            sanitizer.Sanitize("<span onclick=\"alert(1)\" style=\"color:red\" srcdoc=\"x\" title=\"t\">x</span>"));
    }

    [Fact]
    public void ConfiguredUrlAttributesStillPassTheProtocolCheck()
    {
        var sanitizer = new HtmlSanitizer(["span"], ["cite", "data", "formaction"]);
        Assert.Equal(
            "<span cite=\"https://x.org/\">x</span>",
            sanitizer.Sanitize("<span cite=\"https://x.org/\" data=\"javascript:x\" formaction=\"javascript:x\">x</span>"));
    }

    [Fact]
    public void AllowingImgAllowsItsSource()
    {
        var sanitizer = new HtmlSanitizer(["img"], []);
        Assert.Equal("<img src=\"https://x.org/a.png\">", sanitizer.Sanitize("<img src=\"https://x.org/a.png\" alt=\"a\" onerror=\"alert(1)\">"));
        Assert.Equal("<img>", sanitizer.Sanitize("<img src=\"javascript:alert(1)\">"));
        Assert.Equal("<img>", sanitizer.Sanitize("<img src=\"data:image/png;base64,AAAA\">"));
    }

    [Theory]
    [InlineData("<a href=\"/x\" rel=\"author\">x</a>", "<a href=\"/x\" rel=\"author nofollow noopener\">x</a>")]
    [InlineData("<a href=\"/x\" rel=\"NOFOLLOW\">x</a>", "<a href=\"/x\" rel=\"NOFOLLOW noopener\">x</a>")]
    [InlineData("<a rel=\"author\">x</a>", "<a rel=\"author\">x</a>")]
    [InlineData("<a href=\"MAILTO:x@y.org\" rel=\"author\">x</a>", "<a href=\"MAILTO:x@y.org\" rel=\"author\">x</a>")]
    public void OutgoingLinksGetNofollowNoopener(string html, string expected) =>
        Assert.Equal(expected, new HtmlSanitizer([], ["rel"]).Sanitize(html));

    [Fact]
    public void LinksWithoutHrefAreLeftAlone() =>
        Assert.Equal("<a>x</a>", Default.Sanitize("<a>x</a>"));

    [Fact]
    public void DeepNestingDoesNotExhaustTheStack()
    {
        var html = string.Concat(Enumerable.Repeat("<em>", 10_000)) + "x" + string.Concat(Enumerable.Repeat("</em>", 10_000));
        Assert.Equal(html, Default.Sanitize(html));
    }
}
