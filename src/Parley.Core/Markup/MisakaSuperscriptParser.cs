using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax.Inlines;

namespace Parley.Core.Markup;

/// <summary>Sundown's superscript: <c>^(some text)</c> or <c>^word</c> (spec/rendering.md §6).</summary>
internal sealed class MisakaSuperscriptParser : InlineParser
{
    public MisakaSuperscriptParser() => OpeningCharacters = ['^'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text.AsSpan(slice.Start + 1, slice.Length - 1);
        string content;
        int consumed;
        if (text.Length > 0 && text[0] == '(')
        {
            var close = text.IndexOf(')');
            if (close < 2)
            {
                return false;
            }

            content = text[1..close].ToString();
            consumed = close + 2;
        }
        else
        {
            var end = 0;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            if (end == 0)
            {
                return false;
            }

            content = text[..end].ToString();
            consumed = end + 1;
        }

        var superscript = new EmphasisInline { DelimiterChar = '^', DelimiterCount = 1, IsClosed = true };
        superscript.AppendChild(new LiteralInline(content));
        processor.Inline = superscript;
        slice.Start += consumed;
        return true;
    }
}
