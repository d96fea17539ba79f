namespace Parley.Core.Config;

/// <summary>
/// Typed reads of one value at a time, the way Isso's parser answers them: the user's section, else the built-in
/// default, else the user's <c>[DEFAULT]</c>; then variables expanded; then converted. A value that does not convert
/// is recorded as an error naming <c>[section] key</c> and the fallback is returned so reading can go on.
/// </summary>
internal sealed class ConfigSource(IniFile user, Func<string, string?> environment, List<ConfigProblem> errors)
{
    private static readonly string[] TrueWords = ["1", "yes", "true", "on"];
    private static readonly string[] FalseWords = ["0", "no", "false", "off"];

    public string String(string section, string key)
    {
        var raw = user.Get(section, key) ?? ConfigDefaults.File.Get(section, key) ?? user.Get("DEFAULT", key) ?? "";
        return VariableExpansion.Expand(raw, environment);
    }

    public bool Bool(string section, string key, bool fallback)
    {
        var value = String(section, key);
        if (TrueWords.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }
        if (FalseWords.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        Error(section, key, $"\"{value}\" is not a boolean (use true or false, yes or no, on or off, 1 or 0)");
        return fallback;
    }

    /// <summary>An integer key; time spans are accepted and mean seconds.</summary>
    public int Seconds(string section, string key, int fallback, int minimum = 0)
    {
        var value = String(section, key);
        if (!Durations.TryParse(value, out var seconds))
        {
            Error(section, key, $"\"{value}\" is not a number or time span (like 15m or 1h30m)");
            return fallback;
        }
        if (seconds < minimum)
        {
            Error(section, key, minimum == 0 ? $"{seconds} must not be negative" : $"{seconds} must be at least {minimum}");
            return fallback;
        }
        return seconds;
    }

    /// <summary>Comma-separated; items trimmed, empty items dropped.</summary>
    public IReadOnlyList<string> CommaList(string section, string key) => Items(String(section, key), ',');

    /// <summary>One item per line (commas are not separators); items trimmed, empty lines dropped.</summary>
    public IReadOnlyList<string> LineList(string section, string key) => Items(String(section, key), '\n');

    public void Error(string section, string key, string message) => errors.Add(new ConfigProblem(section, key, message));

    private static string[] Items(string value, char separator) =>
        value.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
