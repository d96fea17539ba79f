namespace Parley.Core.Config;

/// <summary>What changed between two configurations, split by whether a running server can take it over.</summary>
public sealed record ConfigChanges(IReadOnlyList<string> Live, IReadOnlyList<string> NeedRestart)
{
    public bool Any => Live.Count > 0 || NeedRestart.Count > 0;
}

/// <summary>
/// Which settings a running server applies from a changed file and which wait for a restart. The restart ones are
/// read once at start-up: the listening socket, the database, the proxy list of the edge middleware, the renderer,
/// the author hash and the demo schedule are built around them.
/// </summary>
public static class ReloadRules
{
    private static readonly string[] RestartSections = ["markup", "markup.mistune", "markup.misaka", "hash", "demo", "webhook", "amqp"];

    private static readonly string[] RestartKeys =
    [
        "[general] dbpath", "[general] name", "[general] log-file", "[general] session-key",
        "[server] listen", "[server] trusted-proxies",
    ];

    public static bool NeedsRestart(string section, string key) =>
        RestartSections.Contains(section, StringComparer.Ordinal) || RestartKeys.Contains($"[{section}] {key}", StringComparer.Ordinal);

    /// <summary>The settings that differ between <paramref name="before"/> and <paramref name="after"/>, split by the rules.</summary>
    public static ConfigChanges Compare(ParleyConfig before, ParleyConfig after)
    {
        var changed = ConfigValues.Of(before).Zip(ConfigValues.Of(after))
            .Where(p => p.First.Value != p.Second.Value).Select(p => p.First).ToList();
        return new ConfigChanges(
            [.. changed.Where(v => !NeedsRestart(v.Section, v.Key)).Select(v => v.Name)],
            [.. changed.Where(v => NeedsRestart(v.Section, v.Key)).Select(v => v.Name)]);
    }

    /// <summary>
    /// What a running server continues with after reading <paramref name="loaded"/>: its settings, except those
    /// only a restart changes, which stay as <paramref name="running"/> has them.
    /// </summary>
    public static ParleyConfig Applied(ParleyConfig running, ParleyConfig loaded)
    {
        ArgumentNullException.ThrowIfNull(running);
        ArgumentNullException.ThrowIfNull(loaded);
        return loaded with
        {
            General = loaded.General with
            {
                DbPath = running.General.DbPath,
                Name = running.General.Name,
                LogFile = running.General.LogFile,
                SessionKey = running.General.SessionKey,
            },
            Server = loaded.Server with
            {
                Listen = running.Server.Listen,
                TrustedProxies = running.Server.TrustedProxies,
                Reload = running.Server.Reload,
                Profile = running.Server.Profile,
            },
            Markup = running.Markup,
            Hash = running.Hash,
            Demo = running.Demo,
            // Each endpoint is a destination with its own place in the event log, set up at start-up.
            Webhook = running.Webhook,
            Amqp = running.Amqp,
        };
    }
}
