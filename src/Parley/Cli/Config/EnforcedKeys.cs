using Parley.Core.Config;

namespace Parley.Cli.Config;

/// <summary>
/// Keys whose value Parley fixes: Isso's development switches <c>[server] reload</c> and <c>profile</c> do nothing
/// in Parley (spec/config.md allows ignoring them), so a config action writes them back as <c>false</c> rather than
/// leave a setting that reads as on. Keys that are absent stay absent.
/// </summary>
internal static class EnforcedKeys
{
    private static readonly (string Section, string Key, string Value)[] Fixed =
    [
        ("server", "reload", "false"),
        ("server", "profile", "false"),
    ];

    private static readonly string[] FalseWords = ["0", "no", "false", "off"];

    /// <summary>Rewrites every enforced key set otherwise, says so on standard error, and names what changed.</summary>
    public static IEnumerable<string> Apply(IniFile file)
    {
        var changed = new List<string>();
        foreach (var (section, key, value) in Fixed)
        {
            if (file.Get(section, key) is { } current && !FalseWords.Contains(current, StringComparer.OrdinalIgnoreCase))
            {
                file.Set(section, key, value);
                Console.Error.WriteLine($"note: [{section}] {key} = {current} has no effect in Parley; set to {value}.");
                changed.Add($"[{section}] {key}");
            }
        }
        return changed;
    }
}
