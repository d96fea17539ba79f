using AngleSharp.Dom;

namespace Parley.Core.Import;

/// <summary>Emphasis and strong emphasis: markers only where CommonMark reads them as such; otherwise the text stays plain.</summary>
internal sealed partial class MarkdownWriter
{
    private void Emphasis(IElement element, string marker, int depth)
    {
        // Markdown cannot nest a kind in itself, nor carry emphasis across paragraphs: the text stays, plain.
        if (_openMarkers.Contains(marker) || (!_flat && HtmlTree.ContainsBlock(element)))
        {
            Nodes(element.ChildNodes, depth + 1);
            return;
        }
        if (Continues(element, marker, depth))
        {
            return;
        }
        var before = (_line.Length, _lineStart, _afterBreak, _space, _dropSpace, _droppedSpace);
        // A space just inside the opening marker would undo the emphasis: it goes before the marker.
        SpaceBefore(HtmlTree.IsWhitespace(HtmlTree.FirstChar(element)));
        Visible();
        var start = _line.Length;
        _line.Append(marker);
        _dropSpace = true;
        _droppedSpace = false;
        _openMarkers.Add(marker);
        Nodes(element.ChildNodes, depth + 1);
        _openMarkers.Remove(marker);
        if (_line.Length == start + marker.Length)
        {
            // Nothing visible inside: no markers, and any space inside stays one space.
            var inside = _droppedSpace || _space;
            (_line.Length, _lineStart, _afterBreak, _space, _dropSpace, _droppedSpace) = before;
            SpaceBefore(inside);
            return;
        }
        if (Opens(start) && Closes(HtmlTree.NextChar(element)))
        {
            Close(marker);
        }
        else
        {
            _line.Remove(start, marker.Length);
            Edited();
            if (start == 0 || _line[start - 1] == '\n')
            {
                // The text was written after the marker; now it starts the line.
                EscapeLineStart(start);
            }
            else if (_line[start - 1] == '`' && start < _line.Length && _line[start] == '`')
            {
                UncodeAt(start);
            }
            else if (_line[start - 1] == '!' && !IsEscaped(start - 1) && start < _line.Length && _line[start] == '[')
            {
                // "![" would make the link an image.
                _line.Insert(start - 1, '\\');
            }
        }
    }

    /// <summary>
    /// Carries on the same emphasis when it closed right where this element starts, as when the HTML parser
    /// splits an element it had to close and reopen: "**a****b**" would show its asterisks.
    /// </summary>
    private bool Continues(IElement element, string marker, int depth)
    {
        if (_closers.Count == 0 || _closers[^1] != (marker, _line.Length) || _space
            || HtmlTree.IsWhitespace(HtmlTree.FirstChar(element)))
        {
            return false;
        }
        // Markers closed one after another unwind in turn: the emphasis inside may carry on the one before.
        _closers.RemoveAt(_closers.Count - 1);
        _line.Length -= marker.Length;
        var end = _line.Length;
        _openMarkers.Add(marker);
        Nodes(element.ChildNodes, depth + 1);
        _openMarkers.Remove(marker);
        if (_line.Length == end || Closes(HtmlTree.NextChar(element)))
        {
            Close(marker);
        }
        else
        {
            // The longer emphasis cannot close here: the first one closes where it did.
            _line.Insert(end, marker);
            Edited();
        }
        return true;
    }

    private void Close(string marker)
    {
        if (_closers.Count > 0 && _closers[^1].End != _line.Length)
        {
            _closers.Clear();
        }
        _line.Append(marker);
        _closers.Add((marker, _line.Length));
    }

    /// <summary>
    /// Whether the marker at <paramref name="start"/> opens emphasis (CommonMark's flanking rules): it must not be
    /// followed by a space, nor by punctuation straight after a letter. A run of markers counts as one.
    /// </summary>
    private bool Opens(int start)
    {
        var runStart = start;
        while (runStart > 0 && _line[runStart - 1] == '*' && !IsEscaped(runStart - 1))
        {
            runStart--;
        }
        var first = start;
        while (first < _line.Length && _line[first] == '*')
        {
            first++;
        }
        return first < _line.Length && Flanks(_line[first], runStart == 0 ? ' ' : _line[runStart - 1]);
    }

    /// <summary>Whether a marker appended now closes emphasis, <paramref name="next"/> being the character the
    /// HTML has after the element: the mirror image of <see cref="Opens"/>.</summary>
    private bool Closes(char next)
    {
        var last = _line.Length - 1;
        while (last > 0 && _line[last] == '*' && !IsEscaped(last))
        {
            last--;
        }
        return last >= 0 && Flanks(_line[last], next);
    }

    private static bool Flanks(char inside, char outside) =>
        !char.IsWhiteSpace(inside) && (!IsPunctuation(inside) || char.IsWhiteSpace(outside) || IsPunctuation(outside));

    private static bool IsPunctuation(char c) => char.IsPunctuation(c) || char.IsSymbol(c);

    private bool IsEscaped(int index)
    {
        var backslashes = 0;
        for (var i = index - 1; i >= 0 && _line[i] == '\\'; i--)
        {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
