using Parley.Core.Config;

namespace Parley.Cli.Config;

/// <summary>
/// The line a config action ends with: whether a running server takes the change over by itself (it watches its
/// file) or needs a restart, per <see cref="ReloadRules"/>, the rules the server itself follows.
/// </summary>
internal static class ReloadNotice
{
    public static string For(ParleyConfig before, ParleyConfig after)
    {
        var changes = ReloadRules.Compare(before, after);
        return (changes.Live.Count, changes.NeedRestart.Count) switch
        {
            (0, 0) => "No setting in effect changed.",
            (_, 0) => "A running server applies this within a few seconds.",
            (0, _) => $"Restart the server for {Names(changes.NeedRestart)} to take effect.",
            _ => $"A running server applies {Names(changes.Live)} within a few seconds; restart it for {Names(changes.NeedRestart)} to take effect.",
        };
    }

    private static string Names(IReadOnlyList<string> keys) =>
        keys.Count == 1 ? keys[0] : string.Join(", ", keys.Take(keys.Count - 1)) + " and " + keys[^1];
}
