using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Parsers;
using Parley.Core.Config;

namespace Parley.Core.Markup;

internal sealed partial class MarkdownEngine
{
    /// <summary>The deprecated engine, approximated (spec/rendering.md §6): typed HTML passes
    /// through to the sanitiser, extensions and flags come from <c>[markup.misaka]</c>.</summary>
    public static MarkdownEngine Misaka(MarkupConfig config)
    {
        var extensions = Names(config.MisakaOptions, underscoreIsDash: true);
        var flags = Names(config.MisakaFlags, underscoreIsDash: true);
        var builder = new MarkdownPipelineBuilder().UsePreciseSourceLocation();

        var html = flags.Contains("skip-html") ? TypedHtml.Skip
            : flags.Contains("escape") ? TypedHtml.Escape
            : TypedHtml.Pass;

        if (!extensions.Contains("fenced-code"))
        {
            builder.BlockParsers.RemoveAll(parser => parser is FencedCodeBlockParser);
        }

        var intraWord = !extensions.Contains("no-intra-emphasis");
        SetDelimiter(builder, '*', 1, 2, intraWord);
        SetDelimiter(builder, '_', 1, 2, withinWord: false);
        SetDelimiter(builder, '~', 2, extensions.Contains("strikethrough") ? 2 : 0, withinWord: true);

        if (extensions.Contains("highlight"))
        {
            SetDelimiter(builder, '=', 2, 2, withinWord: true);
        }

        if (extensions.Contains("superscript"))
        {
            builder.InlineParsers.Add(new MisakaSuperscriptParser());
        }

        if (extensions.Contains("autolink"))
        {
            builder.UseAutoLinks();
        }

        if (extensions.Contains("tables"))
        {
            builder.UsePipeTables(new PipeTableOptions { RequireHeaderSeparator = true });
        }

        var options = new HtmlWriterOptions(flags.Contains("hard-wrap"), html, TruncateUrlAtParen: false);
        return new MarkdownEngine(builder.Build(), options);
    }
}
