namespace Parley.Core.Tests.Markup;

/// <summary>The checker must be able to fail, or the corpus test proves nothing.</summary>
public sealed class ExecutableContentTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<p><a href=\"javascript:alert(1)\">x</a></p>")]
    [InlineData("<a href=\" jav&#x09;ascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"&amp;#106;avascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"data:text/html,x\">x</a>")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>")]
    [InlineData("<a href=\"ftp://x.org\">x</a>")]
    [InlineData("<div style=\"color:red\">x</div>")]
    [InlineData("<svg><circle></circle></svg>")]
    [InlineData("<math><mi>x</mi></math>")]
    [InlineData("<iframe srcdoc=\"x\"></iframe>")]
    [InlineData("<form action=\"/x\"><button>x</button></form>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://x\">")]
    [InlineData("<base href=\"https://x/\">")]
    [InlineData("<template><img src=x onerror=alert(1)></template>")]
    [InlineData("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">")]
    [InlineData("<img srcset=\"javascript:alert(1) 1x\">")]
    [InlineData("<object data=\"x.swf\"></object>")]
    public void FlagsExecutableContent(string html) => Assert.NotEmpty(ExecutableContent.Find(html));

    [Theory]
    [InlineData("<p>Hello &lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("<p><a href=\"https://example.com/\" rel=\"nofollow noopener\">x</a></p>")]
    [InlineData("<p><a href=\"#harmful-link\">x</a> <a href=\"mailto:x@y.org\">m</a> <a href=\"/rel\">r</a></p>")]
    [InlineData("<p><img src=\"https://example.com/a.png\"></p>")]
    [InlineData("<pre><code class=\"language-js\">javascript:alert(1)</code></pre>")]
    [InlineData("<p title=\"&lt;img src=x onerror=alert(1)&gt;\">x</p>")]
    public void PassesInertContent(string html) => Assert.Empty(ExecutableContent.Find(html));
}
