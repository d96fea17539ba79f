namespace Parley.Core.Config;

public sealed partial class IniFile
{
    private const string DefaultIndent = "    ";

    /// <summary>
    /// Sets a value. An existing key keeps its spelling, indentation and separator style and only its own lines
    /// change; a missing key is added after the section's last entry; a missing section is appended at the end.
    /// A value with newlines is written as indented continuation lines.
    /// </summary>
    /// <exception cref="ArgumentException">The section, key or value cannot be written so that it reads back.</exception>
    public void Set(string section, string key, string value)
    {
        CheckSection(section);
        CheckKey(key);
        var valueLines = ValueLines(value);
        var found = _layout.Find(section);
        var entry = found?.Find(key);
        if (entry is not null)
        {
            Replace(entry, valueLines);
        }
        else if (found is not null)
        {
            AddToSection(found, key, valueLines);
        }
        else
        {
            AppendSection(section, key, valueLines);
        }
        _layout = IniLayout.Scan(_lines);
    }

    /// <summary>Removes the key and its continuation lines; false when it was not there.</summary>
    public bool Remove(string section, string key)
    {
        var entry = _layout.Find(section)?.Find(key);
        if (entry is null)
        {
            return false;
        }
        _lines.RemoveRange(entry.FirstLine, entry.LastLine - entry.FirstLine + 1);
        _layout = IniLayout.Scan(_lines);
        return true;
    }

    private void Replace(IniEntry entry, List<string> valueLines)
    {
        var keyLine = _lines[entry.FirstLine].Text;
        var indent = keyLine[..(keyLine.Length - keyLine.TrimStart().Length)];
        string prefix;
        if (entry.ValueStart < 0)
        {
            prefix = keyLine.TrimEnd() + " = ";
        }
        else
        {
            prefix = keyLine[..entry.ValueStart];
            var separatorFollowedBySpace = prefix.Length > 0 && char.IsWhiteSpace(prefix[^1]);
            var spaceBeforeSeparator = prefix.TrimEnd().Length > 1 && char.IsWhiteSpace(prefix.TrimEnd()[^2]);
            var colon = prefix.TrimEnd().EndsWith(':');
            var wasEmpty = keyLine[entry.ValueStart..].Trim().Length == 0;
            if (wasEmpty && !separatorFollowedBySpace && (spaceBeforeSeparator || colon))
            {
                prefix += " "; // `host =` had nothing to keep; write `host = value`, not `host =value`
            }
        }
        var continuation = entry.ContinuationIndent ?? indent + DefaultIndent;
        var eol = _lines[entry.FirstLine].Eol is { Length: > 0 } own ? own : FileEol();
        var lastEol = _lines[entry.LastLine].Eol;
        var replacement = Render(prefix, continuation, valueLines, eol, lastEol);
        _lines.RemoveRange(entry.FirstLine, entry.LastLine - entry.FirstLine + 1);
        _lines.InsertRange(entry.FirstLine, replacement);
    }

    private void AddToSection(IniSection section, string key, List<string> valueLines)
    {
        var last = section.Entries.Count > 0 ? section.Entries.MaxBy(e => e.LastLine) : null;
        var after = last?.LastLine ?? section.HeaderLine;
        var indent = "";
        if (last is not null)
        {
            // Same indentation as the key above: deeper would read as its continuation.
            var keyLine = _lines[last.FirstLine].Text;
            indent = keyLine[..(keyLine.Length - keyLine.TrimStart().Length)];
        }
        var eol = FileEol();
        var lastEol = _lines[after].Eol;
        if (lastEol.Length == 0)
        {
            _lines[after] = _lines[after] with { Eol = eol }; // the file had no final newline; the new line ends it
        }
        _lines.InsertRange(after + 1, Render(indent + key + " = ", indent + DefaultIndent, valueLines, eol, lastEol.Length == 0 ? "" : eol));
    }

    private void AppendSection(string section, string key, List<string> valueLines)
    {
        var eol = FileEol();
        if (_lines.Count > 0)
        {
            if (_lines[^1].Eol.Length == 0)
            {
                _lines[^1] = _lines[^1] with { Eol = eol };
            }
            if (_lines[^1].Text.Trim().Length > 0)
            {
                _lines.Add(new IniLine("", eol));
            }
        }
        _lines.Add(new IniLine($"[{section}]", eol));
        _lines.AddRange(Render(key + " = ", DefaultIndent, valueLines, eol, eol));
    }

    private static List<IniLine> Render(string prefix, string continuation, List<string> valueLines, string eol, string lastEol)
    {
        var rendered = new List<IniLine>
        {
            new(valueLines[0].Length == 0 ? prefix.TrimEnd() : prefix + valueLines[0], eol),
        };
        foreach (var line in valueLines.Skip(1))
        {
            rendered.Add(new IniLine(line.Length == 0 ? "" : continuation + line, eol));
        }
        rendered[^1] = rendered[^1] with { Eol = lastEol };
        return rendered;
    }

    /// <summary>The terminator the file already uses, so additions match it.</summary>
    private string FileEol() => _lines.Find(l => l.Eol.Length > 0)?.Eol ?? "\n";

    private static List<string> ValueLines(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var lines = value.ReplaceLineEndings("\n").TrimEnd().Split('\n').Select(l => l.Trim()).ToList();
        if (lines.Skip(1).Any(l => l.StartsWith('#') || l.StartsWith(';')))
        {
            throw new ArgumentException("A continuation line of a value cannot start with # or ; (it would read as a comment).", nameof(value));
        }
        return lines;
    }

    private static void CheckSection(string section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (section.Length == 0 || section.Trim() != section || section.Contains('\n') || section.Contains('\r'))
        {
            throw new ArgumentException($"\"{section}\" cannot be written as a section name.", nameof(section));
        }
    }

    private static void CheckKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0 || key.Trim() != key || key.IndexOfAny(['=', ':', '\n', '\r']) >= 0
            || key[0] is '[' or '#' or ';')
        {
            throw new ArgumentException($"\"{key}\" cannot be written as a key.", nameof(key));
        }
    }
}
