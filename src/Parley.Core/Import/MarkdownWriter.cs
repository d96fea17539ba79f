using System.Text;
using AngleSharp.Dom;

namespace Parley.Core.Import;

/// <summary>
/// Writes an HTML tree as Markdown, block by block (<see cref="HtmlToMarkdown"/>). A paragraph is built in one
/// buffer; blocks are joined by a blank line. A flat writer (a link's text) turns blocks and breaks into spaces.
/// </summary>
internal sealed partial class MarkdownWriter
{
    // Deeper HTML is written as its text: recursion stays bounded whatever the input nests.
    private const int MaxDepth = 48;

    // Markdig refuses absurdly deep quotes; deeper ones are written as paragraphs.
    private const int MaxQuoteDepth = 8;

    private readonly List<string> _blocks = [];
    private readonly StringBuilder _line = new();
    private readonly bool _flat;
    private readonly bool _keepNewlines;
    private readonly int _quoteDepth;
    private readonly HashSet<string> _openMarkers = [];
    private bool _inLink;

    public MarkdownWriter(bool keepNewlines)
        : this(flat: false, keepNewlines, quoteDepth: 0)
    {
    }

    private MarkdownWriter(bool flat, bool keepNewlines, int quoteDepth)
    {
        _flat = flat;
        _keepNewlines = keepNewlines;
        _quoteDepth = quoteDepth;
    }

    public void Write(INodeList nodes) => Nodes(nodes, 0);

    public override string ToString()
    {
        EndParagraph();
        return string.Join("\n\n", _blocks);
    }

    private void Nodes(INodeList nodes, int depth)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case IText text:
                    Text(text.Data);
                    break;
                case IElement element:
                    Element(element, depth);
                    break;
            }
        }
    }

    private void Element(IElement element, int depth)
    {
        var name = element.LocalName;
        if (HtmlTree.Dropped.Contains(name))
        {
            return;
        }
        if (depth >= MaxDepth || element.NamespaceUri != NamespaceNames.HtmlUri)
        {
            Text(HtmlTree.PlainText(element));
            return;
        }
        switch (name)
        {
            case "br":
                Break();
                break;
            case "a":
                Link(element, depth);
                break;
            case "em" or "i":
                Emphasis(element, "*", depth);
                break;
            case "strong" or "b":
                Emphasis(element, "**", depth);
                break;
            case "code" or "kbd" or "samp" or "tt":
                Code(element);
                break;
            case "pre":
                Preformatted(element);
                break;
            case "blockquote":
                Quote(element, depth);
                break;
            default:
                if (HtmlTree.Blocks.Contains(name))
                {
                    Block(element, depth);
                }
                else
                {
                    // Any other element is as if it were not there: its content stays.
                    Nodes(element.ChildNodes, depth + 1);
                }
                break;
        }
    }

    private void Block(IElement element, int depth)
    {
        if (_flat)
        {
            SpaceBefore(true);
            Nodes(element.ChildNodes, depth + 1);
            SpaceBefore(true);
            return;
        }
        EndParagraph();
        Nodes(element.ChildNodes, depth + 1);
        EndParagraph();
    }

    private void Preformatted(IElement element)
    {
        var text = HtmlTree.PlainText(element);
        if (_flat || _openMarkers.Count > 0)
        {
            // Within a line, a block is set apart by spaces.
            SpaceBefore(true);
            Text(text);
            SpaceBefore(true);
            return;
        }
        EndParagraph();
        var code = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd().TrimStart('\n');
        if (code.Trim().Length == 0)
        {
            return;
        }
        // A fence longer than any run of backticks inside cannot be closed by the code itself.
        var fence = new string('`', Math.Max(3, LongestRun(code, '`') + 1));
        _blocks.Add(fence + "\n" + code + "\n" + fence);
    }

    private void Quote(IElement element, int depth)
    {
        if (_flat || _openMarkers.Count > 0 || _quoteDepth >= MaxQuoteDepth)
        {
            Block(element, depth);
            return;
        }
        EndParagraph();
        var inner = new MarkdownWriter(flat: false, _keepNewlines, _quoteDepth + 1);
        inner.Nodes(element.ChildNodes, depth + 1);
        var text = inner.ToString();
        if (text.Length > 0)
        {
            _blocks.Add(string.Join('\n', text.Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line)));
        }
    }

    private void Break()
    {
        if (_flat)
        {
            SpaceBefore(true);
            return;
        }
        if (_line.Length == 0 || _dropSpace)
        {
            // Nothing to break yet; right after an opening marker the break still separates words.
            _droppedSpace |= _dropSpace;
            return;
        }
        if (_afterBreak && _openMarkers.Count == 0)
        {
            // Two breaks in a row make an empty line, which Markdown only has between paragraphs.
            EndParagraph();
            return;
        }
        if (!_afterBreak)
        {
            _line.Append("  \n");
            _lineStart = true;
            _afterBreak = true;
            _space = false;
        }
    }

    private void EndParagraph()
    {
        Edited();
        var text = _line.ToString().TrimEnd();
        if (text.Length > 0)
        {
            _blocks.Add(text);
        }
        _line.Clear();
        _space = false;
        _lineStart = true;
        _afterBreak = false;
        _dropSpace = false;
    }

    /// <summary>Text was inserted or removed inside the line: the positions remembered for merging are gone.</summary>
    private void Edited()
    {
        _closers.Clear();
        _code = null;
    }

    private static int LongestRun(string text, char c)
    {
        var (longest, run) = (0, 0);
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
