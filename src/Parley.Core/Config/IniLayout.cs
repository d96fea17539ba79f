namespace Parley.Core.Config;

/// <summary>A <c>[section]</c> as found in the file: where its header is and the entries under it.</summary>
internal sealed class IniSection(string name, int headerLine)
{
    public string Name { get; } = name;
    public int HeaderLine { get; } = headerLine;
    public List<IniEntry> Entries { get; } = [];

    public IniEntry? Find(string key)
    {
        var lower = key.ToLowerInvariant();
        return Entries.Find(e => string.Equals(e.Key, lower, StringComparison.Ordinal));
    }
}

/// <summary>A key and its value lines. Lines <see cref="FirstLine"/>..<see cref="LastLine"/> belong to it.</summary>
internal sealed class IniEntry(string key, int firstLine, int valueStart, List<string>? pieces)
{
    /// <summary>Lower-case, as configparser stores keys.</summary>
    public string Key { get; } = key;
    public int FirstLine { get; } = firstLine;
    public int LastLine { get; set; } = firstLine;
    /// <summary>Index in the key line where the value begins; -1 for a bare key without separator.</summary>
    public int ValueStart { get; } = valueStart;
    /// <summary>Leading whitespace of the first continuation line, reused when the value is rewritten.</summary>
    public string? ContinuationIndent { get; set; }
    /// <summary>The first value and every continuation line, trimmed; null for a bare key.</summary>
    public List<string>? Pieces { get; } = pieces;

    /// <summary>configparser joins the pieces with newlines and drops trailing blank lines.</summary>
    public string? Value => Pieces is null ? null : string.Join('\n', Pieces).TrimEnd();
}

/// <summary>
/// Reads the structure out of the lines with configparser's rules (see spec/config.md §1). Unlike configparser it
/// does not stop at the first problem: every problem is collected with its line number.
/// </summary>
internal sealed class IniLayout
{
    private IniLayout(List<IniSection> sections, List<ConfigProblem> problems)
    {
        Sections = sections;
        Problems = problems;
    }

    public List<IniSection> Sections { get; }
    public List<ConfigProblem> Problems { get; }

    public IniSection? Find(string section) =>
        Sections.Find(s => string.Equals(s.Name, section, StringComparison.Ordinal));

    public static IniLayout Scan(IReadOnlyList<IniLine> lines)
    {
        var sections = new List<IniSection>();
        var problems = new List<ConfigProblem>();
        IniSection? section = null;
        IniEntry? entry = null;
        var indentLevel = 0;

        for (var i = 0; i < lines.Count; i++)
        {
            // A byte-order mark is kept in the text but must not hide the first header.
            var text = i == 0 ? lines[i].Text.TrimStart('\uFEFF') : lines[i].Text;
            var stripped = text.Trim();
            if (stripped.StartsWith('#') || stripped.StartsWith(';'))
            {
                continue; // comments never end a multi-line value
            }
            if (stripped.Length == 0)
            {
                entry?.Pieces?.Add(""); // empty lines belong to a value being continued
                continue;
            }

            var indent = text.Length - text.TrimStart().Length;
            if (entry is not null && indent > indentLevel)
            {
                entry.Pieces?.Add(stripped);
                entry.LastLine = i;
                entry.ContinuationIndent ??= text[..indent];
                continue;
            }
            indentLevel = indent;
            entry = null;

            var close = stripped.LastIndexOf(']');
            if (stripped[0] == '[' && close > 1)
            {
                section = OpenSection(stripped[1..close], i, sections, problems);
                continue;
            }

            var separator = text.IndexOfAny(['=', ':'], indent);
            var rawKey = (separator < 0 ? stripped : text[indent..separator]).TrimEnd();
            if (section is null)
            {
                problems.Add(new ConfigProblem("", rawKey.ToLowerInvariant(), "appears before the first [section] header", i + 1));
                continue;
            }
            if (rawKey.Length == 0)
            {
                problems.Add(new ConfigProblem(section.Name, null, "a line has a separator but no key before it", i + 1));
                continue;
            }
            entry = AddEntry(section, rawKey.ToLowerInvariant(), text, separator, i, problems);
        }
        return new IniLayout(sections, problems);
    }

    private static IniSection OpenSection(string name, int line, List<IniSection> sections, List<ConfigProblem> problems)
    {
        var first = sections.Find(s => string.Equals(s.Name, name, StringComparison.Ordinal));
        if (first is not null)
        {
            problems.Add(new ConfigProblem(name, null, $"section appears twice (first at line {first.HeaderLine + 1})", line + 1));
        }
        var section = new IniSection(name, line);
        sections.Add(section);
        return section;
    }

    private static IniEntry AddEntry(IniSection section, string key, string text, int separator, int line, List<ConfigProblem> problems)
    {
        if (section.Find(key) is { } first)
        {
            problems.Add(new ConfigProblem(section.Name, key, $"key appears twice in this section (first at line {first.FirstLine + 1})", line + 1));
        }
        IniEntry entry;
        if (separator < 0)
        {
            problems.Add(new ConfigProblem(section.Name, key, "has no value; write `key = value` (the value may be empty)", line + 1));
            entry = new IniEntry(key, line, -1, null);
        }
        else
        {
            var valueStart = separator + 1;
            while (valueStart < text.Length && char.IsWhiteSpace(text[valueStart]))
            {
                valueStart++;
            }
            entry = new IniEntry(key, line, valueStart, [text[valueStart..].Trim()]);
        }
        section.Entries.Add(entry);
        return entry;
    }
}
