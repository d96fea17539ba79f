using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Parley.Core.Tests.Markup;

/// <summary>Finds everything in an HTML fragment that could run script or load active content once
/// a browser assigns it to <c>innerHTML</c>. Self-contained (AngleSharp and the BCL only) so other
/// test projects can link this file.</summary>
public static class ExecutableContent
{
    private static readonly HashSet<string> ActiveElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "svg", "math",
        "link", "meta", "base", "form", "input", "button", "textarea", "select", "option", "template", "noscript",
        "noembed", "noframes", "xmp", "plaintext", "listing", "portal", "fencedframe", "isindex", "keygen",
        "animate", "set", "use", "foreignobject", "handler", "listener",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "longdesc",
        "lowsrc", "dynsrc", "ping", "codebase", "classid", "archive", "manifest", "icon", "to", "from", "values",
    };

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>One line per executable construct found; empty when the fragment is inert.</summary>
    public static IReadOnlyList<string> Find(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true });
        var document = parser.ParseDocument("<!DOCTYPE html><html><body><div></div></body></html>");
        var nodes = parser.ParseFragment(html, document.Body!.FirstElementChild!);

        var findings = new List<string>();
        var pending = new Stack<INode>(nodes.Reverse());
        while (pending.TryPop(out var node))
        {
            if (node is IElement element)
            {
                Inspect(element, findings);
                var children = element is IHtmlTemplateElement template ? template.Content.ChildNodes : element.ChildNodes;
                foreach (var child in children.Reverse())
                {
                    pending.Push(child);
                }
            }
        }

        return findings;
    }

    private static void Inspect(IElement element, List<string> findings)
    {
        var name = element.LocalName;
        if (ActiveElements.Contains(name) || element.NamespaceUri != NamespaceNames.HtmlUri)
        {
            findings.Add($"element <{name}> ({element.NamespaceUri})");
        }

        foreach (var attribute in element.Attributes)
        {
            var attributeName = attribute.Name;
            if (attributeName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                findings.Add($"event handler {attributeName} on <{name}>");
            }
            else if (attributeName is "style" or "srcdoc")
            {
                findings.Add($"{attributeName} attribute on <{name}>");
            }
            else if (UrlAttributes.Contains(attributeName) && !IsSafeUrl(attribute.Value))
            {
                findings.Add($"{attributeName}=\"{attribute.Value}\" on <{name}>");
            }
            else if (attributeName == "srcset" && attribute.Value.Split(',').Any(candidate => !IsSafeUrl(candidate.Trim().Split(' ')[0])))
            {
                findings.Add($"srcset=\"{attribute.Value}\" on <{name}>");
            }
        }
    }

    /// <summary>True for http(s), mailto and scheme-less URLs, judged as a browser would after
    /// dropping whitespace and control characters, and after decoding entities once more.</summary>
    public static bool IsSafeUrl(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var decoded = WebUtility.HtmlDecode(value);
        var compact = new string(decoded.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)
            && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray()).ToLowerInvariant();
        if (compact.StartsWith("javascript:", StringComparison.Ordinal) || compact.StartsWith("data:", StringComparison.Ordinal)
            || compact.StartsWith("vbscript:", StringComparison.Ordinal))
        {
            return false;
        }

        var end = compact.IndexOfAny([':', '/', '?', '#', '\\']);
        return end < 0 || compact[end] != ':' || SafeSchemes.Contains(compact[..end]);
    }
}
