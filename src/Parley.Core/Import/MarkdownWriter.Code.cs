using AngleSharp.Dom;

namespace Parley.Core.Import;

/// <summary>Inline code: a code span with as many backticks as it needs.</summary>
internal sealed partial class MarkdownWriter
{
    private void Code(IElement element)
    {
        var raw = HtmlTree.PlainText(element);
        var text = string.Join(' ', raw.Split(HtmlTree.Whitespace, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0)
        {
            SpaceBefore(raw.Length > 0);
            return;
        }
        SpaceBefore(HtmlTree.IsWhitespace(raw[0]));
        if (_code is { } previous && previous.End == _line.Length && !_space)
        {
            // Two code spans side by side would make one run of backticks: they become one span.
            _line.Length = previous.Start;
            text = previous.Text + text;
        }
        else if (!_space && _line.Length > 0 && _line[^1] == '`')
        {
            // Markdig reads an escaped backtick just before a code span as part of its opening run.
            Text(raw);
            return;
        }
        Visible();
        var start = _line.Length;
        // Backslashes mean nothing inside a code span; a longer run of backticks delimits it.
        var ticks = new string('`', LongestRun(text, '`') + 1);
        var pad = text[0] == '`' || text[^1] == '`' ? " " : "";
        _line.Append(ticks).Append(pad).Append(text).Append(pad).Append(ticks);
        _code = (start, text, _line.Length);
        _space = HtmlTree.IsWhitespace(raw[^1]);
    }

    /// <summary>
    /// Rewrites the code span at <paramref name="start"/> as text: it now follows a backtick, which Markdig would
    /// read as part of its opening run.
    /// </summary>
    private void UncodeAt(int start)
    {
        var ticks = 0;
        while (start + ticks < _line.Length && _line[start + ticks] == '`')
        {
            ticks++;
        }
        var end = start + ticks;
        while (end < _line.Length && !(_line[end] == '`' && RunAt(end) == ticks))
        {
            end += _line[end] == '`' ? RunAt(end) : 1;
        }
        var code = _line.ToString(start + ticks, end - start - ticks);
        if (code.Length > 1 && code[0] == ' ' && code[^1] == ' ')
        {
            code = code[1..^1];
        }
        var text = new MarkdownWriter(flat: true, _keepNewlines, _quoteDepth) { _lineStart = false };
        text.Text(code);
        _line.Remove(start, Math.Min(end + ticks, _line.Length) - start).Insert(start, text._line.ToString());
        Edited();
    }

    private int RunAt(int index)
    {
        var run = 0;
        while (index + run < _line.Length && _line[index + run] == '`')
        {
            run++;
        }
        return run;
    }
}
