using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax.Inlines;

namespace Parley.Core.Markup;

/// <summary>mistune's <c>url</c> plugin: a bare <c>http(s)://…</c> becomes a link. Markdig's own
/// auto-link extension also links <c>www.</c>, <c>ftp://</c> and <c>mailto:</c>, which mistune does not.</summary>
internal sealed class BareUrlParser : InlineParser
{
    // The last character of a bare URL is never one of these (sentence punctuation, closing quotes).
    private const string NotLast = "<.,:;\"')]";

    public BareUrlParser() => OpeningCharacters = ['h'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text.AsSpan(slice.Start, slice.Length);
        var schemeLength = text.StartsWith("https://", StringComparison.Ordinal) ? 8
            : text.StartsWith("http://", StringComparison.Ordinal) ? 7 : 0;
        if (schemeLength == 0)
        {
            return false;
        }

        var end = schemeLength;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '<')
        {
            end++;
        }

        while (end > schemeLength && NotLast.Contains(text[end - 1], StringComparison.Ordinal))
        {
            end--;
        }

        // The pattern needs at least two characters after the scheme.
        if (end - schemeLength < 2)
        {
            return false;
        }

        var start = slice.Start;
        processor.Inline = new AutolinkInline(text[..end].ToString())
        {
            Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(start + end - 1)),
            Line = line,
            Column = column,
        };
        slice.Start += end;
        return true;
    }
}
