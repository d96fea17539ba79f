namespace Parley.Core.Config;

/// <summary>Reads a configuration file from disk: load, parse, read.</summary>
public static class ConfigFile
{
    /// <summary>A missing or unreadable file is an error in the result, like any other problem.</summary>
    public static ConfigResult Load(string path, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "does not exist" : $"cannot be read ({e.Message})";
            return new ConfigResult(new ParleyConfig(), [new ConfigProblem("", null, $"configuration file {path} {reason}")], []);
        }
        return ConfigReader.Read(IniFile.Parse(text), environment);
    }
}
