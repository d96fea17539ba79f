using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace Parley.Core.Markup;

/// <summary>Writes a Markdig syntax tree in mistune 3's HTML layout (block separators, list and
/// table whitespace), which Markdig's own renderer does not match. One instance per render.</summary>
internal sealed partial class MarkdownHtmlWriter
{
    private readonly StringBuilder _html;
    private readonly HtmlWriterOptions _options;
    private readonly string _source;

    private MarkdownHtmlWriter(string source, HtmlWriterOptions options)
    {
        _source = source;
        _options = options;
        _html = new StringBuilder(source.Length * 2 + 16);
    }

    public static string Write(MarkdownDocument document, string source, HtmlWriterOptions options)
    {
        var writer = new MarkdownHtmlWriter(source, options);
        writer.WriteBlocks(document, tight: false);
        return writer._html.ToString();
    }

    private void WriteBlocks(ContainerBlock container, bool tight)
    {
        foreach (var block in container)
        {
            WriteBlock(block, tight);
        }
    }

    private void WriteBlock(Block block, bool tight)
    {
        switch (block)
        {
            case ParagraphBlock paragraph when tight:
                WriteInlines(paragraph.Inline);
                break;
            case ParagraphBlock paragraph:
                _html.Append("<p>");
                WriteInlines(paragraph.Inline);
                _html.Append("</p>\n");
                break;
            case HeadingBlock heading:
                _html.Append("<h").Append(heading.Level).Append('>');
                WriteInlines(heading.Inline);
                _html.Append("</h").Append(heading.Level).Append(">\n");
                break;
            case ThematicBreakBlock:
                _html.Append("<hr />\n");
                break;
            case CodeBlock code:
                WriteCode(code);
                break;
            case HtmlBlock html:
                WriteTypedHtml(html.Lines.ToString());
                _html.Append('\n');
                break;
            case QuoteBlock quote:
                _html.Append("<blockquote>\n");
                WriteBlocks(quote, tight: false);
                _html.Append("</blockquote>\n");
                break;
            case ListBlock list:
                WriteList(list);
                break;
            case Table table:
                WriteTable(table);
                break;
            case LinkReferenceDefinitionGroup or LinkReferenceDefinition or BlankLineBlock:
                break;
            case ContainerBlock container:
                WriteBlocks(container, tight);
                break;
            case LeafBlock leaf when leaf.Inline is not null:
                WriteInlines(leaf.Inline);
                break;
            case LeafBlock leaf:
                AppendEscaped(leaf.Lines.ToString());
                break;
        }
    }

    private void WriteCode(CodeBlock code)
    {
        _html.Append("<pre><code");
        if (code is FencedCodeBlock { Info: { Length: > 0 } info })
        {
            _html.Append(" class=\"language-");
            AppendEscaped(info);
            _html.Append('"');
        }

        _html.Append('>');
        var text = code.Lines.ToString();
        // Fenced code keeps its final newline; indented code is trimmed of blank lines.
        AppendEscaped(code is FencedCodeBlock ? (text.Length == 0 ? text : text + "\n") : text.Trim('\n'));
        _html.Append("</code></pre>\n");
    }

    private void WriteList(ListBlock list)
    {
        if (list.IsOrdered)
        {
            _html.Append("<ol");
            if (list.OrderedStart is { } start && start != "1" && int.TryParse(start, out var number))
            {
                _html.Append(" start=\"").Append(number).Append('"');
            }

            _html.Append(">\n");
        }
        else
        {
            _html.Append("<ul>\n");
        }

        foreach (var item in list)
        {
            _html.Append("<li>");
            WriteBlocks((ContainerBlock)item, tight: !list.IsLoose);
            _html.Append("</li>\n");
        }

        _html.Append(list.IsOrdered ? "</ol>\n" : "</ul>\n");
    }

    private void WriteTable(Table table)
    {
        _html.Append("<table>\n");
        var rows = table.OfType<TableRow>().ToList();
        WriteTableSection("thead", "th", rows.Where(row => row.IsHeader));
        WriteTableSection("tbody", "td", rows.Where(row => !row.IsHeader));
        _html.Append("</table>\n");
    }

    private void WriteTableSection(string section, string cellTag, IEnumerable<TableRow> rows)
    {
        var opened = false;
        foreach (var row in rows)
        {
            if (!opened)
            {
                _html.Append('<').Append(section).Append(">\n");
                opened = true;
            }

            _html.Append("<tr>\n");
            foreach (var cell in row.OfType<TableCell>())
            {
                _html.Append("  <").Append(cellTag).Append('>');
                WriteBlocks(cell, tight: true);
                _html.Append("</").Append(cellTag).Append(">\n");
            }

            _html.Append("</tr>\n");
        }

        if (opened)
        {
            _html.Append("</").Append(section).Append(">\n");
        }
    }

    private void WriteTypedHtml(string html)
    {
        switch (_options.Html)
        {
            case TypedHtml.Pass:
                _html.Append(html);
                break;
            case TypedHtml.Escape:
                AppendEscaped(html);
                break;
        }
    }

    private void AppendEscaped(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => _html.Append("&amp;"),
                '<' => _html.Append("&lt;"),
                '>' => _html.Append("&gt;"),
                '"' => _html.Append("&quot;"),
                _ => _html.Append(c),
            };
        }
    }
}
