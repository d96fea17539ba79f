using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Parley.Core.Markup;

public sealed partial class HtmlSanitizer
{
    // HtmlParser is not documented as thread-safe, and building one is not free: one per thread.
    [ThreadStatic]
    private static HtmlParser? _parser;

    /// <summary>Sanitises <paramref name="html"/> and adds <c>rel</c> to outgoing links.</summary>
    public string Sanitize(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        // Scripting on, as in the browser that will parse our output: <noscript> holds raw text.
        _parser ??= new HtmlParser(new HtmlParserOptions { IsScripting = true });
        var body = _parser.ParseDocument(string.Empty).Body!;
        var nodes = _parser.ParseFragment(html, body);

        var output = new StringBuilder(html.Length + 32);
        // An explicit stack: a comment may nest thousands of elements deep.
        var pending = new Stack<object>();
        PushReversed(pending, nodes);
        while (pending.TryPop(out var next))
        {
            switch (next)
            {
                case string closingTag:
                    output.Append(closingTag);
                    break;
                case IText text:
                    AppendEscaped(output, text.Data, attribute: false);
                    break;
                case IElement element when IsAllowed(element):
                    WriteStartTag(output, element);
                    if (!VoidElements.Contains(element.LocalName))
                    {
                        pending.Push("</" + element.LocalName + ">");
                        PushReversed(pending, element.ChildNodes);
                    }

                    break;
                case IElement element:
                    // Disallowed: the element goes, its content stays (as text if it was raw text).
                    PushReversed(pending, element.ChildNodes);
                    break;
            }
        }

        return output.ToString();
    }

    private bool IsAllowed(IElement element) =>
        element.NamespaceUri == NamespaceNames.HtmlUri && _elements.Contains(element.LocalName);

    private static void PushReversed(Stack<object> pending, INodeList nodes)
    {
        for (var i = nodes.Length - 1; i >= 0; i--)
        {
            pending.Push(nodes[i]);
        }
    }

    private void WriteStartTag(StringBuilder output, IElement element)
    {
        var name = element.LocalName;
        output.Append('<').Append(name);
        string? href = null;
        string? rel = null;
        foreach (var attribute in element.Attributes)
        {
            var attributeName = attribute.Name;
            if (!IsAllowed(name, attributeName, attribute.Value))
            {
                continue;
            }

            if (name == "a" && attributeName == "rel")
            {
                rel = attribute.Value;
                continue;
            }

            href = name == "a" && attributeName == "href" ? attribute.Value : href;
            AppendAttribute(output, attributeName, attribute.Value);
        }

        if (name == "a" && LinkRel.Applies(href))
        {
            AppendAttribute(output, "rel", LinkRel.Merge(rel));
        }
        else if (rel is not null)
        {
            AppendAttribute(output, "rel", rel);
        }

        output.Append('>');
    }

    private static void AppendAttribute(StringBuilder output, string name, string value)
    {
        output.Append(' ').Append(name).Append("=\"");
        AppendEscaped(output, value, attribute: true);
        output.Append('"');
    }

    private static void AppendEscaped(StringBuilder output, string text, bool attribute)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => output.Append("&amp;"),
                '<' => output.Append("&lt;"),
                '>' => output.Append("&gt;"),
                '"' when attribute => output.Append("&quot;"),
                _ => output.Append(c),
            };
        }
    }
}
