using System.Net;
using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Syntax;

namespace Parley.Core.Markup;

/// <summary>A Markdig pipeline plus the writer settings that make its output look like the
/// configured engine's. Built once; parsing with a shared pipeline is thread-safe.</summary>
internal sealed partial class MarkdownEngine
{
    private readonly MarkdownPipeline _pipeline;
    private readonly HtmlWriterOptions _options;

    private MarkdownEngine(MarkdownPipeline pipeline, HtmlWriterOptions options)
    {
        _pipeline = pipeline;
        _options = options;
    }

    public string ToHtml(string raw)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(raw, _pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses absurdly deep nesting ("[[[[…", ">>>>…"); such a comment is shown as
            // plain text rather than failing the request.
            return "<p>" + WebUtility.HtmlEncode(raw) + "</p>\n";
        }

        return MarkdownHtmlWriter.Write(document, raw, _options);
    }

    /// <summary>Sets how many of <paramref name="character"/> make an emphasis span; zero removes it.</summary>
    private static void SetDelimiter(MarkdownPipelineBuilder builder, char character, int minimum, int maximum, bool withinWord)
    {
        var emphasis = builder.InlineParsers.FindExact<EmphasisInlineParser>()
            ?? throw new InvalidOperationException("Markdig's pipeline has no emphasis parser.");
        emphasis.EmphasisDescriptors.RemoveAll(descriptor => descriptor.Character == character);
        if (maximum > 0)
        {
            emphasis.EmphasisDescriptors.Add(new EmphasisDescriptor(character, minimum, maximum, withinWord));
        }
    }

    private static HashSet<string> Names(IEnumerable<string> names, bool underscoreIsDash) =>
        names.Select(name => name.Trim().ToLowerInvariant())
            .Select(name => underscoreIsDash ? name.Replace('_', '-') : name)
            .Where(name => name.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
}
