using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;

namespace Parley.Core.Import;

/// <summary>What <see cref="MarkdownWriter"/> asks of the HTML tree. Every walk here is a loop, not a recursion:
/// imported HTML may nest as deep as it likes.</summary>
internal static class HtmlTree
{
    /// <summary>Elements whose content is not text a reader ever saw.</summary>
    public static readonly FrozenSet<string> Dropped = FrozenSet.ToFrozenSet(["script", "style", "template"], StringComparer.Ordinal);

    /// <summary>Elements that stand on lines of their own: each becomes a paragraph of its text.</summary>
    public static readonly FrozenSet<string> Blocks = FrozenSet.ToFrozenSet(
    [
        "p", "div", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "caption",
        "thead", "tbody", "tfoot", "tr", "td", "th", "section", "article", "header", "footer", "aside", "nav", "main",
        "figure", "figcaption", "address", "details", "summary", "center", "fieldset", "form", "hgroup", "menu",
    ], StringComparer.Ordinal);

    /// <summary>HTML's whitespace (the no-break space is not).</summary>
    public static readonly char[] Whitespace = [' ', '\t', '\n', '\f', '\r'];

    public static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    /// <summary>The text of a node's subtree as it stands in the source (line breaks as newlines), without dropped elements.</summary>
    public static string PlainText(INode root)
    {
        var text = new StringBuilder();
        var pending = new Stack<INode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement e when Dropped.Contains(e.LocalName):
                    break;
                case IElement e:
                    for (var i = e.ChildNodes.Length - 1; i >= 0; i--)
                    {
                        pending.Push(e.ChildNodes[i]);
                    }
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>The first character of <paramref name="root"/>'s text (a line break counts as a newline); NUL when it has none.</summary>
    public static char FirstChar(INode root)
    {
        var pending = new Stack<INode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case IText { Data.Length: > 0 } t:
                    return t.Data[0];
                case IElement { LocalName: "br" }:
                    return '\n';
                case IElement e when !Dropped.Contains(e.LocalName):
                    for (var i = e.ChildNodes.Length - 1; i >= 0; i--)
                    {
                        pending.Push(e.ChildNodes[i]);
                    }
                    break;
            }
        }
        return '\0';
    }

    /// <summary>Whether a paragraph, list, quote or code block lies anywhere inside <paramref name="element"/>.</summary>
    public static bool ContainsBlock(IElement element)
    {
        var pending = new Stack<IElement>(element.Children);
        while (pending.TryPop(out var child))
        {
            if (Blocks.Contains(child.LocalName) || child.LocalName is "pre" or "blockquote")
            {
                return true;
            }
            foreach (var grandchild in child.Children)
            {
                pending.Push(grandchild);
            }
        }
        return false;
    }

    /// <summary>
    /// The first character a reader sees after <paramref name="element"/> on the same line: a space at a line
    /// break, at the end of a block or of the message.
    /// </summary>
    public static char NextChar(IElement element)
    {
        INode? node = element;
        while (node is not null)
        {
            for (var sibling = node.NextSibling; sibling is not null; sibling = sibling.NextSibling)
            {
                switch (sibling)
                {
                    case IText { Data.Length: > 0 } t:
                        return t.Data[0];
                    case IElement e when e.LocalName == "br" || Blocks.Contains(e.LocalName) || e.LocalName is "pre" or "blockquote":
                        return ' ';
                    case IElement e when FirstChar(e) is var first and not '\0':
                        return first;
                }
            }
            node = node.Parent;
            if (node is IElement parent && (Blocks.Contains(parent.LocalName) || parent.LocalName is "pre" or "blockquote" or "body"))
            {
                return ' ';
            }
        }
        return ' ';
    }
}
