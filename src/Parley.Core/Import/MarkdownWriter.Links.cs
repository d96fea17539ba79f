using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Parley.Core.Import;

/// <summary>Links: http, https and mailto targets only; any other link is its text.</summary>
internal sealed partial class MarkdownWriter
{
    private void Link(IElement element, int depth)
    {
        var href = SafeHref(element.GetAttribute("href"));
        if (href is null || _inLink)
        {
            Nodes(element.ChildNodes, depth + 1);
            return;
        }
        var label = new MarkdownWriter(flat: true, _keepNewlines, _quoteDepth) { _inLink = true, _dropSpace = true };
        label.Nodes(element.ChildNodes, depth + 1);
        var text = label._line.ToString();
        if (text.Length == 0)
        {
            // A link without text shows nothing in a browser either.
            SpaceBefore(label._droppedSpace || label._space);
            return;
        }
        // Spaces at the edges of the link text stand beside the link.
        SpaceBefore(label._droppedSpace);
        Visible();
        if (_line.Length > 0 && _line[^1] == '!' && !IsEscaped(_line.Length - 1))
        {
            // "![" would make the link an image.
            _line.Insert(_line.Length - 1, '\\');
            Edited();
        }
        _line.Append('[').Append(text).Append("](").Append(Destination(href)).Append(')');
        _space = label._space;
    }

    /// <summary>The link target when it is http, https or mailto, after dropping what browsers drop; otherwise null.</summary>
    private static string? SafeHref(string? href)
    {
        if (href is null)
        {
            return null;
        }
        // Browsers remove tabs and newlines anywhere in a URL and control characters and spaces around it.
        var url = new string([.. href.Where(c => c is not ('\t' or '\n' or '\r'))]).Trim(TrimmedFromUrls);
        return SafeScheme().IsMatch(url) ? url : null;
    }

    private static readonly char[] TrimmedFromUrls = [.. Enumerable.Range(0, 33).Select(i => (char)i)];

    /// <summary>A link destination that Markdown reads back whole: spaces, brackets, parentheses and
    /// backslashes percent-encoded.</summary>
    private static string Destination(string url)
    {
        var output = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            if (c is ' ' or '<' or '>' or '(' or ')' or '\\' or '`' or '"' || char.IsControl(c) || char.IsWhiteSpace(c))
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    output.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                output.Append(c);
            }
        }
        return output.ToString();
    }

    [GeneratedRegex(@"\A(?:https?|mailto):", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SafeScheme();
}
