using System.CommandLine;

namespace Parley.Cli.Config;

/// <summary><c>parley config set-websites ORIGIN...</c>: writes <c>[general] host</c>, the sites allowed to embed comments.</summary>
internal static class SetWebsitesCommand
{
    /// <summary>
    /// Always the last line of <c>host</c>, so the list is never empty (Parley refuses to start without one) even
    /// while a site is being set up; <c>config show</c> does not list it. Being last, it is never the fallback origin.
    /// </summary>
    public const string Placeholder = "http://localhost";

    public static Command Create(Option<string> configOption)
    {
        var origins = new Argument<string[]>("origin")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "A website that embeds the comments: scheme, host and optional port, like https://example.org "
                + "or http://localhost:1313. No path, query or user name. The first is used when a browser sends no Origin.",
        };
        var command = new Command("set-websites",
            "Set [general] host, the websites allowed to embed comments (replaces the list). Warns about plain http://.")
        {
            origins,
        };
        command.SetAction(result => Run(result.GetValue(configOption)!, result.GetValue(origins)!));
        return command;
    }

    private static int Run(string configPath, string[] inputs)
    {
        var normalised = new List<string>();
        foreach (var input in inputs)
        {
            if (!WebAddress.TryOrigin(input, out var origin, out var reason))
            {
                return ConfigOptions.Fail(reason);
            }
            if (!normalised.Contains(origin))
            {
                normalised.Add(origin);
            }
        }
        foreach (var origin in normalised.Where(WebAddress.IsInsecure))
        {
            Console.Error.WriteLine($"warning: {origin} is plain http: comments, e-mail addresses and cookies would travel unencrypted; use https:// for a public site.");
        }
        var edit = ConfigEdit.Open(configPath);
        if (edit is null)
        {
            return 1;
        }
        edit.Set("general", "host", "\n" + string.Join('\n', [.. normalised, Placeholder]));
        return edit.Save();
    }

    /// <summary>The websites as the user set them: the configured list without the trailing placeholder.</summary>
    public static IEnumerable<string> Websites(IReadOnlyList<string> host) =>
        host.Count > 0 && host[^1].TrimEnd('/') == Placeholder ? host.Take(host.Count - 1) : host;
}
