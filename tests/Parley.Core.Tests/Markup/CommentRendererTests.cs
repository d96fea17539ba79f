using Parley.Core.Config;
using Parley.Core.Markup;

namespace Parley.Core.Tests.Markup;

/// <summary>Behaviour beyond the spec tables: plugins, harmful links, misaka, robustness.</summary>
public sealed class CommentRendererTests
{
    private static readonly CommentRenderer Default = new(new MarkupConfig());

    private static CommentRenderer With(string[] plugins, string[]? elements = null) => new(new MarkupConfig
    {
        Plugins = plugins,
        AllowedElements = elements ?? [],
    });

    [Theory]
    [InlineData("[x](JAVASCRIPT:alert(1))")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("[x](file:///etc/passwd)")]
    [InlineData("[x](&#106;avascript:alert)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)")]
    public void HarmfulLinkTargetsAreReplaced(string raw) =>
        Assert.Contains("href=\"#harmful-link\"", Default.Render(raw), StringComparison.Ordinal);

    [Fact]
    public void ParenthesesEndTheDestinationAsInMistune() =>
        Assert.Equal(
            "<p><a href=\"https://en.example/Foo_(bar\" rel=\"nofollow noopener\">w</a>)</p>",
            Default.Render("[w](https://en.example/Foo_(bar))"));

    [Fact]
    public void NonAsciiLinkTargetsArePercentEncoded() =>
        Assert.Equal(
            "<p><a href=\"https://x.org/%C3%BC?a=1&amp;b='\" rel=\"nofollow noopener\">u</a></p>".Replace("'", "%27", StringComparison.Ordinal),
            Default.Render("[u](https://x.org/ü?a=1&b=')"));

    [Fact]
    public void MarkNeedsItsElementWhileInsertIsDefault()
    {
        Assert.Equal("<p>x <ins>y</ins></p>", With(["mark", "insert"]).Render("==x== ^^y^^"));
        Assert.Equal("<p><mark>x</mark> <ins>y</ins></p>", With(["mark", "insert"], ["mark"]).Render("==x== ^^y^^"));
    }

    [Fact]
    public void WithoutPluginsDelimitersStayText() =>
        Assert.Equal("<p>~~a~~ ~b~ ^c^</p>", With([]).Render("~~a~~ ~b~ ^c^"));

    [Fact]
    public void UrlPluginLeavesTrailingPunctuationOut() =>
        Assert.Equal(
            "<p>see <a href=\"https://x.org/a\" rel=\"nofollow noopener\">https://x.org/a</a>.</p>",
            With(["url"]).Render("see https://x.org/a."));

    [Fact]
    public void FencedCodeLanguageIsFiltered() =>
        Assert.Equal(
            "<p></p><pre><code>x\n</code></pre><p></p>",
            Default.Render("```c++\nx\n```"));

    [Fact]
    public void AbsurdNestingRendersAsText()
    {
        var raw = new string('[', 50_000) + "x";
        Assert.Equal("<p>" + raw + "</p>", Default.Render(raw));
    }

    [Fact]
    public void UnknownRendererIsRejected() =>
        Assert.Throws<ArgumentException>(() => new CommentRenderer(new MarkupConfig { Renderer = "pandoc" }));

    [Fact]
    public void OneInstanceServesConcurrentRequests()
    {
        var inputs = new[] { "*a*", "- x\n- y", "[l](https://x.org)", "```js\nx\n```", "> q" };
        var expected = inputs.Select(Default.Render).ToArray();
        Parallel.For(0, 2_000, i => Assert.Equal(expected[i % inputs.Length], Default.Render(inputs[i % inputs.Length])));
    }

    [Fact]
    public void MisakaPassesAllowedHtmlAndLinksBareUrls()
    {
        var misaka = new CommentRenderer(new MarkupConfig { Renderer = "misaka" });
        Assert.Equal("<p><strong>b</strong> x</p>", misaka.Render("<strong>b</strong> <span>x</span>"));
        Assert.Equal(
            "<p>see <a href=\"https://x.org/a\" rel=\"nofollow noopener\">https://x.org/a</a></p>",
            misaka.Render("see https://x.org/a"));
        Assert.Equal("<p>x<sup>2</sup> y<sup>a b</sup></p>", misaka.Render("x^2 y^(a b)"));
        Assert.Equal("<p>line one\nline two</p>", misaka.Render("line one\nline two"));
        Assert.Equal("<p>snake_case_name</p>", misaka.Render("snake_case_name"));
        Assert.Equal(
            "<p></p><pre><code class=\"language-py\">a &lt; b\n</code></pre><p></p>",
            misaka.Render("```py\na < b\n```"));
    }

    [Fact]
    public void MisakaFlagsAreHonoured()
    {
        var misaka = new CommentRenderer(new MarkupConfig
        {
            Renderer = "misaka",
            MisakaFlags = ["hard_wrap", "skip-html"],
        });
        Assert.Equal("<p>a<br>\nb x</p>", misaka.Render("a\nb <strong>x</strong>"));
    }
}
