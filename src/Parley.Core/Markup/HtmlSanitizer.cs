using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Parley.Core.Markup;

/// <summary>The security boundary of rendering (spec/rendering.md §4, §5): an HTML5 fragment parse
/// re-serialised through an allow-list, then <c>rel</c> added to outgoing links. The output is safe
/// to assign to <c>innerHTML</c> whatever the input and whatever the configuration adds.</summary>
public sealed partial class HtmlSanitizer
{
    private static readonly string[] DefaultElements =
    [
        "a", "p", "hr", "br", "ol", "ul", "li", "pre", "code", "blockquote", "del", "ins", "strong", "em",
        "h1", "h2", "h3", "h4", "h5", "h6", "sub", "sup", "table", "thead", "tbody", "th", "td",
    ];

    // Configuration cannot add these: they run script, load or embed documents, submit data, hold raw
    // text that re-parses differently (mutation XSS), or switch the parser into SVG/MathML rules.
    private static readonly FrozenSet<string> NeverElements = FrozenSet.ToFrozenSet(
    [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "svg", "math",
        "link", "meta", "base", "form", "input", "button", "textarea", "select", "option", "optgroup", "datalist",
        "template", "noscript", "noembed", "noframes", "xmp", "plaintext", "listing", "title", "portal",
        "fencedframe", "html", "head", "body", "image", "isindex", "keygen", "slot",
    ], StringComparer.Ordinal);

    // Event handlers and these can run script or restyle the page however an administrator configures.
    private static readonly FrozenSet<string> NeverAttributes = FrozenSet.ToFrozenSet(
        ["style", "srcdoc", "is", "xmlns", "http-equiv"], StringComparer.Ordinal);

    // Attributes whose value is fetched or navigated to: always subject to the protocol check.
    private static readonly FrozenSet<string> UrlAttributes = FrozenSet.ToFrozenSet(
    [
        "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "longdesc",
        "lowsrc", "dynsrc", "ping", "usemap", "codebase", "manifest", "icon", "profile", "archive", "classid",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> VoidElements = FrozenSet.ToFrozenSet(
        ["area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"],
        StringComparer.Ordinal);

    private readonly FrozenSet<string> _elements;
    private readonly FrozenSet<string> _attributes;

    /// <param name="allowedElements"><c>[markup] allowed-elements</c>: kept in addition to the defaults.</param>
    /// <param name="allowedAttributes"><c>[markup] allowed-attributes</c>: allowed on any element.</param>
    public HtmlSanitizer(IEnumerable<string> allowedElements, IEnumerable<string> allowedAttributes)
    {
        ArgumentNullException.ThrowIfNull(allowedElements);
        ArgumentNullException.ThrowIfNull(allowedAttributes);

        var elements = DefaultElements.Concat(Names(allowedElements)).Where(name => !NeverElements.Contains(name)).ToList();
        var attributes = Names(allowedAttributes).ToList();
        if (elements.Contains("img") && !attributes.Contains("src"))
        {
            attributes.Add("src");
        }

        _elements = elements.ToFrozenSet(StringComparer.Ordinal);
        _attributes = attributes
            .Where(name => !name.StartsWith("on", StringComparison.Ordinal) && !NeverAttributes.Contains(name))
            .ToFrozenSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Names(IEnumerable<string> configured) =>
        configured.Select(name => name.Trim().ToLowerInvariant()).Where(name => MarkupName().IsMatch(name));

    private bool IsAllowed(string element, string attribute, string value)
    {
        if (attribute.StartsWith("on", StringComparison.Ordinal) || NeverAttributes.Contains(attribute))
        {
            return false;
        }

        var listed = _attributes.Contains(attribute)
            || (element == "a" && attribute == "href")
            || (element == "table" && attribute == "align")
            || (element == "code" && attribute == "class" && LanguageClass().IsMatch(value));
        if (!listed)
        {
            return false;
        }

        if (attribute == "srcset")
        {
            return value.Split(',').All(candidate => UrlProtocol.IsAllowed(candidate.Trim().Split(' ')[0]));
        }

        return !UrlAttributes.Contains(attribute) || UrlProtocol.IsAllowed(value);
    }

    [GeneratedRegex(@"\Alanguage-[A-Za-z0-9]{1,20}\z", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageClass();

    [GeneratedRegex(@"\A[a-z][a-z0-9_:.-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex MarkupName();
}
