using Parley.Core.Config;

namespace Parley.Cli;

/// <summary>Finds and reads the configuration the way Isso does: <c>ISSO_SETTINGS</c> wins over <c>-c</c>.</summary>
internal static class StartupConfig
{
    /// <summary>The file to read: <c>ISSO_SETTINGS</c> when set, else the <c>-c</c> path.</summary>
    public static string PathOf(string configPath) =>
        Environment.GetEnvironmentVariable("ISSO_SETTINGS") is { Length: > 0 } settings ? settings : configPath;

    /// <summary>The validated config, or null after printing every problem to standard error.</summary>
    public static ParleyConfig? Load(string configPath)
    {
        var path = PathOf(configPath);
        var result = ConfigFile.Load(path, Environment.GetEnvironmentVariable);
        foreach (var warning in result.Warnings)
        {
            Console.Error.WriteLine($"warning: {warning}");
        }
        if (result.IsValid)
        {
            return result.Config;
        }
        Console.Error.WriteLine($"Cannot start: {path} has {result.Errors.Count} problem(s):");
        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine($"  {error}");
        }
        return null;
    }
}
