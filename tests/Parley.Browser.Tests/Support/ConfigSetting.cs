namespace Parley.Browser.Tests.Support;

/// <summary>One <c>[section] key = value</c> line of isso.cfg that a test wants besides the defaults.</summary>
public sealed record ConfigSetting(string Section, string Key, string Value)
{
    /// <summary>
    /// The file: <paramref name="defaults"/> overridden by <paramref name="settings"/>, each section once
    /// (a repeated section header is an error in Isso's configuration format).
    /// </summary>
    public static string Render(IEnumerable<ConfigSetting> defaults, IEnumerable<ConfigSetting> settings)
    {
        var sections = new List<(string Name, List<ConfigSetting> Lines)>();
        foreach (var setting in defaults.Concat(settings))
        {
            var index = sections.FindIndex(s => s.Name == setting.Section);
            if (index < 0)
            {
                sections.Add((setting.Section, []));
                index = sections.Count - 1;
            }
            var lines = sections[index].Lines;
            lines.RemoveAll(l => l.Key == setting.Key);
            lines.Add(setting);
        }
        return string.Concat(sections.Select(s =>
            $"[{s.Name}]\n" + string.Concat(s.Lines.Select(l => $"{l.Key} = {l.Value.Replace("\n", "\n    ", StringComparison.Ordinal)}\n"))));
    }
}
