using System.Text.RegularExpressions;

namespace Parley.Core.Import;

internal sealed partial class MarkdownWriter
{
    // Escaped wherever they appear: each can start emphasis, a code span, a link, strikethrough,
    // sub- or superscript or a table cell.
    private const string AlwaysEscaped = "\\`*[]~^|";

    // Escaped at the start of a line, where they start a heading, a quote, a list or a setext underline.
    private const string LineStartEscaped = "#>-+=";

    private bool _space;         // HTML whitespace seen and not yet written: at most one space comes of it
    private bool _lineStart = true;
    private bool _afterBreak;    // the last thing written is a hard line break
    private bool _dropSpace;     // right after an opening marker, where a space would undo the emphasis
    private bool _droppedSpace;
    private readonly List<(string Marker, int End)> _closers = [];   // markers closed one right after another
    private (int Start, string Text, int End)? _code;   // the code span written last

    /// <summary>Writes text as it reads: whitespace collapsed as HTML does, Markdown's syntax characters escaped.</summary>
    private void Text(string data)
    {
        var escapeAt = -1;
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            if (c == '\n' && _keepNewlines)
            {
                Break();
                continue;
            }
            if (HtmlTree.IsWhitespace(c))
            {
                SpaceBefore(true);
                continue;
            }
            var lineStart = _lineStart;
            Visible();
            if (lineStart && char.IsAsciiDigit(c))
            {
                // "1. " or "1) " would start an ordered list: the dot or parenthesis is escaped.
                var end = i;
                while (end < data.Length && char.IsAsciiDigit(data[end]))
                {
                    end++;
                }
                escapeAt = end < data.Length && data[end] is '.' or ')' ? end : -1;
            }
            if (i == escapeAt || NeedsEscape(data, i, lineStart))
            {
                _line.Append('\\');
            }
            _line.Append(c);
        }
    }

    private static bool NeedsEscape(string data, int i, bool lineStart)
    {
        var c = data[i];
        char? previous = i > 0 ? data[i - 1] : null;
        char? next = i + 1 < data.Length ? data[i + 1] : null;
        return AlwaysEscaped.Contains(c, StringComparison.Ordinal)
            || (lineStart && LineStartEscaped.Contains(c, StringComparison.Ordinal))
            // Inside a word an underscore never emphasises: snake_case stays as written.
            || (c == '_' && !(previous is { } p && char.IsLetterOrDigit(p) && next is { } n && char.IsLetterOrDigit(n)))
            // A tag or an autolink starts with < and a letter, / ! or ?; "1 < 2" is left alone. What follows the
            // end of this text is not known here, so there the character is escaped.
            || (c == '<' && (next is not { } after || char.IsAsciiLetter(after) || after is '/' or '!' or '?'))
            // "==" marks text when the mark plugin is on; "&amp;" would be an entity to the misaka engine.
            || (c == '=' && (previous is null or '=' || next is null or '='))
            || (c == '&' && (next is null || Entity().IsMatch(data.AsSpan(i))));
    }

    /// <summary>Escapes what starts a line at <paramref name="index"/> now that a marker before it has gone.</summary>
    private void EscapeLineStart(int index)
    {
        if (index >= _line.Length)
        {
            return;
        }
        if (LineStartEscaped.Contains(_line[index], StringComparison.Ordinal))
        {
            _line.Insert(index, '\\');
            return;
        }
        var end = index;
        while (end < _line.Length && char.IsAsciiDigit(_line[end]))
        {
            end++;
        }
        if (end > index && end < _line.Length && _line[end] is '.' or ')')
        {
            _line.Insert(end, '\\');
        }
    }

    /// <summary>Whitespace before what comes next: one space, unless it is just inside an opening marker (then the
    /// space was already written before that marker).</summary>
    private void SpaceBefore(bool whitespace)
    {
        _droppedSpace |= whitespace && _dropSpace;
        _space |= whitespace && !_dropSpace;
    }

    /// <summary>Something visible comes next: the pending space (if any, and not at a line's start) goes first.</summary>
    private void Visible()
    {
        if (_space && !_lineStart && _line.Length > 0)
        {
            _line.Append(' ');
        }
        _space = false;
        _lineStart = false;
        _afterBreak = false;
        _dropSpace = false;
    }

    [GeneratedRegex(@"\A&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);", RegexOptions.CultureInvariant)]
    private static partial Regex Entity();
}
