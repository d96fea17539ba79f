using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Parsers.Inlines;
using Parley.Core.Config;

namespace Parley.Core.Markup;

internal sealed partial class MarkdownEngine
{
    /// <summary>The default engine (spec/rendering.md §2): HTML and entities typed by users stay text.</summary>
    public static MarkdownEngine Mistune(MarkupConfig config)
    {
        var plugins = Names(config.Plugins, underscoreIsDash: false);
        var builder = new MarkdownPipelineBuilder().UsePreciseSourceLocation().DisableHtml();
        builder.InlineParsers.RemoveAll(parser => parser is HtmlEntityParser);

        // One delimiter character serves two plugins each: ~x~ / ~~x~~ and ^x^ / ^^x^^.
        var (tildeMin, tildeMax) = Counts(plugins.Contains("subscript"), plugins.Contains("strikethrough"));
        SetDelimiter(builder, '~', tildeMin, tildeMax, withinWord: true);
        var (caretMin, caretMax) = Counts(plugins.Contains("superscript"), plugins.Contains("insert"));
        SetDelimiter(builder, '^', caretMin, caretMax, withinWord: true);
        if (plugins.Contains("mark"))
        {
            SetDelimiter(builder, '=', 2, 2, withinWord: true);
        }

        if (plugins.Contains("table"))
        {
            builder.UsePipeTables(new PipeTableOptions { RequireHeaderSeparator = true });
        }

        if (plugins.Contains("url"))
        {
            builder.InlineParsers.Add(new BareUrlParser());
        }

        var hardWrap = Names(config.Parameters, underscoreIsDash: false).Contains("hard_wrap");
        return new MarkdownEngine(builder.Build(), new HtmlWriterOptions(hardWrap, TypedHtml.Escape, TruncateUrlAtParen: true));
    }

    private static (int Minimum, int Maximum) Counts(bool single, bool @double) => (single, @double) switch
    {
        (true, true) => (1, 2),
        (true, false) => (1, 1),
        (false, true) => (2, 2),
        _ => (0, 0),
    };
}
