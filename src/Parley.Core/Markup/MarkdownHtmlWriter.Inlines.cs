using System.Text;
using Markdig.Helpers;
using Markdig.Syntax.Inlines;

namespace Parley.Core.Markup;

internal sealed partial class MarkdownHtmlWriter
{
    private void WriteInlines(ContainerInline? container)
    {
        if (container is null)
        {
            return;
        }

        foreach (var inline in container)
        {
            WriteInline(inline);
        }
    }

    private void WriteInline(Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                AppendEscaped(literal.Content.AsSpan());
                break;
            case CodeInline code:
                _html.Append("<code>");
                AppendEscaped(code.Content);
                _html.Append("</code>");
                break;
            case EmphasisInline emphasis:
                var tag = EmphasisTag(emphasis);
                _html.Append('<').Append(tag).Append('>');
                WriteInlines(emphasis);
                _html.Append("</").Append(tag).Append('>');
                break;
            case LineBreakInline lineBreak:
                _html.Append(lineBreak.IsHard || _options.HardWrap ? "<br />\n" : "\n");
                break;
            case AutolinkInline autolink:
                WriteAnchorStart(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, title: null);
                AppendEscaped(autolink.Url);
                _html.Append("</a>");
                break;
            case LinkInline { IsImage: true } image:
                WriteImage(image);
                break;
            case LinkInline link:
                WriteLink(link);
                break;
            case HtmlInline html:
                WriteTypedHtml(html.Tag);
                break;
            case HtmlEntityInline entity when _options.Html == TypedHtml.Escape:
                AppendEscaped(entity.Original.AsSpan());
                break;
            case HtmlEntityInline entity:
                _html.Append(entity.Original.AsSpan());
                break;
            case ContainerInline container:
                WriteInlines(container);
                break;
        }
    }

    private static string EmphasisTag(EmphasisInline emphasis) => (emphasis.DelimiterChar, emphasis.DelimiterCount) switch
    {
        ('~', 1) => "sub",
        ('~', _) => "del",
        ('^', 1) => "sup",
        ('^', _) => "ins",
        ('=', _) => "mark",
        (_, 1) => "em",
        _ => "strong",
    };

    private void WriteAnchorStart(string url, string? title)
    {
        _html.Append("<a href=\"");
        AppendEscaped(LinkTarget.Make(url));
        _html.Append('"');
        if (!string.IsNullOrEmpty(title))
        {
            _html.Append(" title=\"");
            AppendEscaped(title);
            _html.Append('"');
        }

        _html.Append('>');
    }

    private void WriteLink(LinkInline link)
    {
        var (url, rest) = SplitAtParen(link);
        WriteAnchorStart(url, rest is null ? link.Title : null);
        WriteInlines(link);
        _html.Append("</a>");
        if (rest is not null)
        {
            AppendEscaped(rest);
        }
    }

    private void WriteImage(LinkInline image)
    {
        var (url, rest) = SplitAtParen(image);
        _html.Append("<img src=\"");
        AppendEscaped(LinkTarget.Make(url));
        _html.Append("\" alt=\"");
        AppendEscaped(PlainText(image));
        _html.Append('"');
        if (rest is null && !string.IsNullOrEmpty(image.Title))
        {
            _html.Append(" title=\"");
            AppendEscaped(image.Title);
            _html.Append('"');
        }

        _html.Append(" />");
        if (rest is not null)
        {
            AppendEscaped(rest);
        }
    }

    /// <summary>mistune ends an unbracketed destination at the first unescaped <c>)</c>, so
    /// <c>[js](javascript:alert(1))</c> links to <c>javascript:alert(1</c> and leaves <c>)</c> as text.
    /// Markdig balances parentheses; the source text tells us where mistune would have stopped.</summary>
    private (string Url, string? Tail) SplitAtParen(LinkInline link)
    {
        var url = link.Url ?? string.Empty;
        if (!_options.TruncateUrlAtParen || link.UrlHasPointyBrackets || link.Reference is not null
            || link.UrlSpan.IsEmpty || link.UrlSpan.End >= _source.Length || link.Span.End >= _source.Length)
        {
            return (url, null);
        }

        var source = _source.AsSpan(link.UrlSpan.Start, link.UrlSpan.Length);
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '\\')
            {
                i++;
            }
            else if (source[i] == ')')
            {
                var cut = link.UrlSpan.Start + i;
                var rest = _source[(cut + 1)..(link.Span.End + 1)];
                // Backslash escapes and entities resolve as in any other destination.
                return (HtmlHelper.Unescape(source[..i].ToString(), removeBackSlash: true), rest);
            }
        }

        return (url, null);
    }

    private static string PlainText(ContainerInline container)
    {
        var builder = new StringBuilder();
        AppendPlainText(container, builder);
        return builder.ToString();
    }

    private static void AppendPlainText(ContainerInline container, StringBuilder builder)
    {
        foreach (var inline in container)
        {
            _ = inline switch
            {
                LiteralInline literal => builder.Append(literal.Content.AsSpan()),
                CodeInline code => builder.Append(code.Content),
                AutolinkInline autolink => builder.Append(autolink.Url),
                LineBreakInline => builder.Append('\n'),
                ContainerInline nested => AppendNested(nested, builder),
                _ => builder,
            };
        }
    }

    private static StringBuilder AppendNested(ContainerInline container, StringBuilder builder)
    {
        AppendPlainText(container, builder);
        return builder;
    }
}
