using System.Text;

namespace Parley.Core.Config;

/// <summary>
/// A lossless model of an INI file read with Python configparser's rules (spec/config.md §1): section names are
/// case-sensitive, keys are not, values may continue on deeper-indented lines, <c>#</c>/<c>;</c> start full-line
/// comments only, <c>%</c> is literal. <see cref="ToString"/> gives back the input byte for byte, and edits touch
/// only the lines of the key they change, so the CLI can rewrite a user's file without disturbing it.
/// </summary>
/// <remarks>
/// Parsing never throws: duplicate sections, duplicate keys, keys without a value and text before the first
/// section are listed in <see cref="Problems"/> with their line numbers. Lookups use the first occurrence.
/// </remarks>
public sealed partial class IniFile
{
    private readonly List<IniLine> _lines;
    private IniLayout _layout;

    private IniFile(List<IniLine> lines)
    {
        _lines = lines;
        _layout = IniLayout.Scan(lines);
    }

    public static IniFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new IniFile(IniLine.Split(text));
    }

    /// <summary>What configparser would refuse in this file, each with its line number.</summary>
    public IReadOnlyList<ConfigProblem> Problems => _layout.Problems;

    /// <summary>Section names in file order, each once.</summary>
    public IEnumerable<string> Sections => _layout.Sections.Select(s => s.Name).Distinct(StringComparer.Ordinal);

    /// <summary>The keys (lower-case) and values of a section in file order; keys without a value are left out.</summary>
    public IEnumerable<(string Key, string Value)> Entries(string section)
    {
        var found = _layout.Find(section);
        if (found is null)
        {
            yield break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in found.Entries)
        {
            if (entry.Value is { } value && seen.Add(entry.Key))
            {
                yield return (entry.Key, value);
            }
        }
    }

    /// <summary>Whether the section has the key, with or without a value. No <c>[DEFAULT]</c> fallback.</summary>
    public bool Has(string section, string key) => _layout.Find(section)?.Find(key) is not null;

    /// <summary>
    /// The value as configparser reads it (trimmed; continuation lines joined with "\n"), or null when the key is
    /// missing or has no value. Only the named section is consulted, not <c>[DEFAULT]</c>.
    /// </summary>
    public string? Get(string section, string key) => _layout.Find(section)?.Find(key)?.Value;

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var line in _lines)
        {
            text.Append(line.Text).Append(line.Eol);
        }
        return text.ToString();
    }
}
