using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Parley.Core.Import;

/// <summary>
/// Turns the HTML of a Disqus message into the Markdown Parley stores, so that it renders as it looked on Disqus:
/// paragraphs, line breaks, links (http, https and mailto only), emphasis, code and block quotes. Every other
/// element becomes its text, escaped so that it shows literally; scripts and styles are dropped.
/// </summary>
public static class HtmlToMarkdown
{
    // HtmlParser is not documented as thread-safe: one per thread, as the sanitiser does.
    [ThreadStatic]
    private static HtmlParser? _parser;

    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        _parser ??= new HtmlParser();
        var body = _parser.ParseDocument(string.Empty).Body!;
        var nodes = _parser.ParseFragment(html, body);
        // A message without any element is plain text: its line breaks are the writer's, not HTML whitespace.
        var writer = new MarkdownWriter(keepNewlines: !nodes.Any(node => node is IElement));
        writer.Write(nodes);
        return writer.ToString();
    }
}
