using System.CommandLine;

namespace Parley.Cli.Config;

/// <summary>What the config actions share on the command line: word-list options and the refusal message.</summary>
internal static class ConfigOptions
{
    /// <summary>An option taking one of a few words; with none listed, <c>true</c> or <c>false</c>.</summary>
    public static Option<string> OneOf(string name, string description, params string[] words)
    {
        var option = new Option<string>(name) { Description = description };
        option.AcceptOnlyFromAmong(words.Length > 0 ? words : ["true", "false"]);
        return option;
    }

    /// <summary>Says why nothing was written; the exit code of a refused action.</summary>
    public static int Fail(string reason)
    {
        Console.Error.WriteLine($"Not changed: {reason}.");
        return 1;
    }
}
