using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Parley.Core.Config;
using Parley.Core.Import;
using Parley.Core.Markup;
using Parley.Core.Tests.Markup;

namespace Parley.Core.Tests.Import;

/// <summary>
/// Seeded random messages, well-formed or not, built from what real Disqus HTML and hostile input contain: once
/// converted and rendered, a reader sees exactly the text the message showed, only through the elements the
/// conversion makes, and nothing that runs.
/// </summary>
public sealed class HtmlToMarkdownGeneratedTests
{
    private const int Messages = 3000;

    private static readonly CommentRenderer Renderer = new(new MarkupConfig());

    private static readonly HashSet<string> Made = ["p", "br", "a", "em", "strong", "code", "pre", "blockquote"];

    private static readonly string[] Words =
    [
        "word", "Grüße", "日本語", "*star*", "**bold**", "_under_", "snake_case", "[x](https://e.example/)", "![i](x.png)",
        "`tick`", "```", "1.", "2)", "#", "# heading", "-", "- item", "+", "=", "===", "==mark==", "~~del~~", "~s~",
        "^sup^", "a|b", "\\", "\\*", "&amp;", "&amp;amp;", "&amp;copy;", "&lt;b&gt;", "&lt;3", "&lt;https://e.example/&gt;",
        "&gt; quote", "&copy;", "&#8364;", "&nbsp;", "https://e.example/a_b", "x@e.example", ":", "!", "(", ")", "\"q\"", "'",
        "***", "___", "----",
    ];

    private static readonly string[] Spaces = [" ", " ", "\n", "  ", "\t", ""];

    private static readonly string[] Hrefs =
    [
        "https://e.example/page?a=1&amp;b=2", "http://e.example/a b", "mailto:x@e.example", "javascript:alert(1)",
        "JAVASCRIPT:alert(1)", "java&#x09;script:alert(1)", "data:text/html,x", "/relative", "", "https://e.example/(x)",
    ];

    private static readonly string[] Containers =
        ["p", "p", "em", "i", "strong", "b", "code", "pre", "blockquote", "span", "div", "li", "h1", "u", "s", "td"];

    [Fact]
    public void AConvertedMessageShowsItsTextThroughItsOwnElementsOnly()
    {
        for (var seed = 0; seed < Messages; seed++)
        {
            var html = Message(new Random(seed));
            var rendered = Renderer.Render(HtmlToMarkdown.Convert(html));
            var problem = Problem(html, rendered);
            Assert.True(problem is null,
                $"seed {seed}: {problem}\nhtml: {JsonSerializer.Serialize(html)}\nmarkdown: {JsonSerializer.Serialize(HtmlToMarkdown.Convert(html))}\nrendered: {JsonSerializer.Serialize(rendered)}");
        }
    }

    [Fact]
    public void EveryXssVectorConvertsToInertOutputWithEitherEngine()
    {
        // Misaka passes typed HTML through to the sanitiser: the escaping alone keeps the message's tags text.
        var misaka = new CommentRenderer(new MarkupConfig { Renderer = "misaka" });
        foreach (var vector in XssCorpusTests.Vectors)
        {
            var markdown = HtmlToMarkdown.Convert(vector);
            foreach (var rendered in new[] { Renderer.Render(markdown), misaka.Render(markdown) })
            {
                Assert.True(ExecutableContent.Find(rendered).Count == 0, $"{JsonSerializer.Serialize(vector)} rendered as {JsonSerializer.Serialize(rendered)}");
                Assert.DoesNotContain("<img", rendered, StringComparison.Ordinal);
            }
        }
    }

    private static string? Problem(string html, string rendered)
    {
        var parser = new HtmlParser();
        var expected = Visible(parser.ParseFragment(html, parser.ParseDocument("").Body!));
        var output = parser.ParseFragment(rendered, parser.ParseDocument("").Body!);
        var shown = Visible(output);
        if (expected != shown)
        {
            return $"the text shown differs: expected {JsonSerializer.Serialize(expected)}, shown {JsonSerializer.Serialize(shown)}";
        }
        var foreign = output.SelectMany(Elements).FirstOrDefault(e => !Made.Contains(e.LocalName));
        if (foreign is not null)
        {
            return $"<{foreign.LocalName}> is not an element the conversion makes";
        }
        var link = output.SelectMany(Elements).FirstOrDefault(e => e.LocalName == "a"
            && !(e.GetAttribute("href") ?? "").StartsWith("http", StringComparison.OrdinalIgnoreCase)
            && !(e.GetAttribute("href") ?? "").StartsWith("mailto:", StringComparison.OrdinalIgnoreCase));
        if (link is not null)
        {
            return $"a link to {link.GetAttribute("href")}";
        }
        var executable = ExecutableContent.Find(rendered);
        return executable.Count > 0 ? string.Join("; ", executable) : null;
    }

    /// <summary>The text a reader sees, without any whitespace (where blocks break lines is not compared).</summary>
    private static string Visible(IEnumerable<INode> nodes)
    {
        var text = new StringBuilder();
        var pending = new Stack<INode>(nodes.Reverse());
        while (pending.TryPop(out var node))
        {
            if (node is IText t)
            {
                text.Append(t.Data.Where(c => !char.IsWhiteSpace(c)).ToArray());
            }
            else if (node is IElement e && e.LocalName is not ("script" or "style"))
            {
                foreach (var child in e.ChildNodes.Reverse())
                {
                    pending.Push(child);
                }
            }
        }
        return text.ToString();
    }

    private static IEnumerable<IElement> Elements(INode node) =>
        node is IElement e ? [e, .. e.ChildNodes.SelectMany(Elements)] : [];

    private static string Message(Random random)
    {
        var html = new StringBuilder();
        Content(random, html, depth: 0);
        return html.ToString();
    }

    private static void Content(Random random, StringBuilder html, int depth)
    {
        var parts = random.Next(1, depth == 0 ? 8 : 4);
        for (var i = 0; i < parts; i++)
        {
            switch (random.Next(depth > 3 ? 4 : 10))
            {
                case 0 or 1 or 2:
                    html.Append(Pick(random, Spaces)).Append(Pick(random, Words)).Append(Pick(random, Spaces));
                    break;
                case 3:
                    html.Append(random.Next(5) switch
                    {
                        0 => "<br>",
                        1 => "<!-- comment -->",
                        2 => "<script>alert('x')</script>",
                        3 => "<img src=\"x.png\" alt=\"alt\">",
                        _ => "</" + Pick(random, Containers) + ">",
                    });
                    break;
                case 4 or 5:
                    // A link always starts with text, so what it shows is never its address.
                    html.Append("<a href=\"").Append(Pick(random, Hrefs)).Append("\">").Append(Pick(random, Words));
                    Content(random, html, depth + 1);
                    html.Append(random.Next(5) == 0 ? "" : "</a>");
                    break;
                default:
                    var tag = Pick(random, Containers);
                    html.Append('<').Append(tag).Append('>');
                    Content(random, html, depth + 1);
                    // Some are never closed, as in hand-written or truncated HTML.
                    html.Append(random.Next(6) == 0 ? "" : "</" + tag + ">");
                    break;
            }
        }
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
