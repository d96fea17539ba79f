namespace Parley.Core.Config;

/// <summary>Keys Isso does not know are kept but reported, with the replacement for the ones it renamed.</summary>
internal static class UnknownKeys
{
    private static readonly Dictionary<(string Section, string Key), string> Hints = new()
    {
        [("server", "host")] = "use `listen = http://HOST:PORT` instead",
        [("server", "port")] = "use `listen = http://HOST:PORT` instead",
        [("smtp", "ssl")] = "use `security = none | starttls | ssl` instead",
        [("general", "session-key")] = "the session key is now stored in the database; this is only read to migrate an old one",
        [("markup", "options")] = "use `[markup.misaka] options` instead",
        [("markup", "flags")] = "use `[markup.misaka] flags` instead",
    };

    public static IEnumerable<string> Warnings(IniFile file)
    {
        var known = ConfigDefaults.File;
        foreach (var section in file.Sections)
        {
            foreach (var (key, _) in file.Entries(section))
            {
                var isKnown = section == "DEFAULT"
                    ? known.Sections.Any(s => known.Has(s, key))
                    : known.Has(section, key);
                if (isKnown)
                {
                    continue;
                }
                yield return Hints.TryGetValue((section, key), out var hint)
                    ? $"no such option: [{section}] {key} ({hint})"
                    : $"no such option: [{section}] {key}";
            }
        }
    }
}
