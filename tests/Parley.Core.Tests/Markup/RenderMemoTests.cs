using Parley.Core.Config;
using Parley.Core.Markup;

namespace Parley.Core.Tests.Markup;

/// <summary>Remembered renderings answer exactly what a fresh rendering would, before and after the memo fills.</summary>
public sealed class RenderMemoTests
{
    private static readonly string[] Texts =
    [
        "Hello *world*", "<script>alert(1)</script>", "[x](javascript:alert(1))", "line\nbreak", "`code` and **bold**", "",
    ];

    [Fact]
    public void ARememberedRenderingEqualsAFreshOne()
    {
        var renderer = new CommentRenderer(new MarkupConfig());
        foreach (var text in Texts)
        {
            var first = renderer.Render(text);
            Assert.Equal(first, renderer.Render(text));
            Assert.Equal(first, new CommentRenderer(new MarkupConfig()).Render(text));
        }
    }

    [Fact]
    public void RenderingsStayRightWhenTheMemoOverflows()
    {
        var renderer = new CommentRenderer(new MarkupConfig());
        var fresh = new CommentRenderer(new MarkupConfig());
        // About 6 million characters of distinct texts: past the budget, so the memo starts over at least once.
        var texts = Enumerable.Range(0, 60).Select(i => $"{i} *{new string('a', 50_000)}*").ToList();
        foreach (var text in texts.Concat(texts))
        {
            Assert.Equal(fresh.Render(text), renderer.Render(text));
        }
        Assert.Equal(fresh.Render(Texts[1]), renderer.Render(Texts[1]));
    }

    [Fact]
    public void EachConfigurationRemembersItsOwnRenderings()
    {
        var plain = new CommentRenderer(new MarkupConfig());
        var withImages = new CommentRenderer(new MarkupConfig { AllowedElements = ["img"], AllowedAttributes = ["src"] });
        const string text = "![a](https://example.org/a.png)";
        Assert.DoesNotContain("<img", plain.Render(text), StringComparison.Ordinal);
        Assert.Contains("<img", withImages.Render(text), StringComparison.Ordinal);
        Assert.DoesNotContain("<img", plain.Render(text), StringComparison.Ordinal);
    }
}
