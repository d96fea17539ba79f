using Parley.Core.Config;
using Parley.Core.Markup;

namespace Parley.Core.Tests.Markup;

/// <summary>Every row of the two tables in spec/rendering.md §7, compared byte for byte.</summary>
public sealed class RenderingSpecTests
{
    private static readonly CommentRenderer Default = new(new MarkupConfig());

    private static readonly CommentRenderer Extended = new(new MarkupConfig
    {
        AllowedElements = ["img", "tr"],
        AllowedAttributes = ["class"],
        Parameters = [],
        Plugins = ["url", "table", "strikethrough"],
    });

    [Theory]
    [InlineData("Hello, World!", "<p>Hello, World!</p>")]
    [InlineData("*em* **strong** ***both*** _u_ __uu__", "<p><em>em</em> <strong>strong</strong> <em><strong>both</strong></em> <em>u</em> <strong>uu</strong></p>")]
    [InlineData("line one\nline two", "<p>line one<br>\nline two</p>")]
    [InlineData("para one\n\npara two", "<p>para one</p>\n<p>para two</p>")]
    [InlineData("a\n\n\n\nb", "<p>a</p>\n<p>b</p>")]
    [InlineData("~~strike~~ H~2~O x^2^", "<p><del>strike</del> H<sub>2</sub>O x<sup>2</sup></p>")]
    [InlineData("`inline <code>`", "<p><code>inline &lt;code&gt;</code></p>")]
    [InlineData("```\ncode <b>block</b>\n```", "<p></p><pre><code>code &lt;b&gt;block&lt;/b&gt;\n</code></pre><p></p>")]
    [InlineData("```python\nprint('hi')\n```", "<p></p><pre><code class=\"language-python\">print('hi')\n</code></pre><p></p>")]
    [InlineData("    indented code", "<p></p><pre><code>indented code</code></pre><p></p>")]
    [InlineData("> quote\n> more", "<p></p><blockquote>\n<p>quote<br>\nmore</p>\n</blockquote><p></p>")]
    [InlineData("- a\n- b\n\n1. one\n2. two", "<p></p><ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol><p></p>")]
    [InlineData("- a\n  - b\n- c", "<p></p><ul>\n<li>a<ul>\n<li>b</li>\n</ul>\n</li>\n<li>c</li>\n</ul><p></p>")]
    [InlineData("# H1\n## H2\n###### H6", "<p></p><h1>H1</h1>\n<h2>H2</h2>\n<h6>H6</h6><p></p>")]
    [InlineData("Title\n=====", "<p></p><h1>Title</h1><p></p>")]
    [InlineData("---", "<p></p><hr><p></p>")]
    [InlineData("* * *", "<p></p><hr><p></p>")]
    [InlineData("[link](https://example.com/ \"title\")", "<p><a href=\"https://example.com/\" rel=\"nofollow noopener\">link</a></p>")]
    [InlineData("[rel](/relative/path)", "<p><a href=\"/relative/path\" rel=\"nofollow noopener\">rel</a></p>")]
    [InlineData("[r](//x.org/p)", "<p><a href=\"//x.org/p\" rel=\"nofollow noopener\">r</a></p>")]
    [InlineData("[a](<https://x.org/a b>)", "<p><a href=\"https://x.org/a%20b\" rel=\"nofollow noopener\">a</a></p>")]
    [InlineData("[js](javascript:alert(1))", "<p><a href=\"#harmful-link\" rel=\"nofollow noopener\">js</a>)</p>")]
    [InlineData("[d](data:text/html;base64,xx)", "<p><a href=\"#harmful-link\" rel=\"nofollow noopener\">d</a></p>")]
    [InlineData("[f](ftp://x.org)", "<p><a>f</a></p>")]
    [InlineData("[m](mailto:x@y.org)", "<p><a href=\"mailto:x@y.org\">m</a></p>")]
    [InlineData("<https://example.com/auto>", "<p><a href=\"https://example.com/auto\" rel=\"nofollow noopener\">https://example.com/auto</a></p>")]
    [InlineData("mail me <me@example.com>", "<p>mail me <a href=\"mailto:me@example.com\">me@example.com</a></p>")]
    [InlineData("https://example.com/bare", "<p>https://example.com/bare</p>")]
    [InlineData("www.example.com", "<p>www.example.com</p>")]
    [InlineData("<b>bold html</b> & <i>x</i>", "<p>&lt;b&gt;bold html&lt;/b&gt; &amp; &lt;i&gt;x&lt;/i&gt;</p>")]
    [InlineData("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("x <!-- c --> y", "<p>x &lt;!-- c --&gt; y</p>")]
    [InlineData("&amp; &lt; \"quotes\" 'single'", "<p>&amp;amp; &amp;lt; \"quotes\" 'single'</p>")]
    [InlineData("&copy; 1 < 2 > 0", "<p>&amp;copy; 1 &lt; 2 &gt; 0</p>")]
    [InlineData("![img](https://example.com/a.png)", "<p></p>")]
    [InlineData("a  \nb", "<p>a<br>\nb</p>")]
    [InlineData("line  ", "<p>line</p>")]
    [InlineData("| a | b |\n|---|---|\n| 1 | 2 |", "<p>| a | b |<br>\n|---|---|<br>\n| 1 | 2 |</p>")]
    [InlineData("\\*not em\\*", "<p>*not em*</p>")]
    [InlineData("foo_bar_baz", "<p>foo_bar_baz</p>")]
    [InlineData("**a**b*c*", "<p><strong>a</strong>b<em>c</em></p>")]
    [InlineData("1) one", "<p></p><ol>\n<li>one</li>\n</ol><p></p>")]
    [InlineData("1. x\n\n   nested para", "<p></p><ol>\n<li><p>x</p>\n<p>nested para</p>\n</li>\n</ol><p></p>")]
    [InlineData("`a` and ``b`c``", "<p><code>a</code> and <code>b`c</code></p>")]
    [InlineData("", "<p></p>")]
    [InlineData("   ", "<p></p>")]
    [InlineData("text with trailing newline\n", "<p>text with trailing newline</p>")]
    [InlineData("Ünïcödé ✓ 😀", "<p>Ünïcödé ✓ 😀</p>")]
    public void DefaultConfigurationRendersAsIsso(string raw, string expected) =>
        Assert.Equal(expected, Default.Render(raw));

    [Theory]
    [InlineData("![img](https://example.com/a.png \"t\")", "<p><img src=\"https://example.com/a.png\"></p>")]
    [InlineData("line one\nline two", "<p>line one\nline two</p>")]
    [InlineData("https://example.com/bare", "<p><a href=\"https://example.com/bare\" rel=\"nofollow noopener\">https://example.com/bare</a></p>")]
    [InlineData("| a | b |\n|---|---|\n| 1 | 2 |", "<p></p><table>\n<thead>\n<tr>\n  <th>a</th>\n  <th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n  <td>1</td>\n  <td>2</td>\n</tr>\n</tbody>\n</table><p></p>")]
    public void ExtendedConfigurationRendersAsIsso(string raw, string expected) =>
        Assert.Equal(expected, Extended.Render(raw));
}
