using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Parley.Cli.Config;
using Parley.Core.Config;

namespace Parley.Http.Edge;

/// <summary>
/// Names the websites Parley refuses. A browser hides a CORS refusal from the page, so the server log is where the
/// owner looks: a request whose Origin is not in <c>[general] host</c> is logged once per origin, with the command
/// that allows it. Requests from the server's own pages and to the admin panel are not about embedding, and skipped.
/// </summary>
internal sealed partial class RefusedOrigins(RequestDelegate next, Origins origins, LiveConfig config, ILogger<RefusedOrigins> log,
    string configPath)
{
    // Anyone can send any Origin: past this many, new ones go unlogged until the host list changes.
    private const int Remembered = 100;

    private Seen _seen = new([], new ConcurrentDictionary<string, bool>(StringComparer.Ordinal));

    public Task InvokeAsync(HttpContext context)
    {
        if (Origins.First(context.Request.Headers.Origin) is { Length: > 0 } origin && IsRefused(context, origin))
        {
            Note(origin);
        }
        return next(context);
    }

    private bool IsRefused(HttpContext context, string origin) =>
        !Cors.IsAdmin(context.Request.Path)
        && !origins.Allows(context, origin)
        // Only an origin a browser could send: the line is meant to be pasted into a shell, so nothing else may reach it.
        && WebOrigin().IsMatch(origin);

    private void Note(string origin)
    {
        var host = config.Current.General.Host;
        var seen = Volatile.Read(ref _seen);
        if (!ReferenceEquals(seen.Host, host))
        {
            seen = new Seen(host, new ConcurrentDictionary<string, bool>(StringComparer.Ordinal));
            Volatile.Write(ref _seen, seen);
        }
        if (seen.Origins.Count >= Remembered || !seen.Origins.TryAdd(origin, true))
        {
            return;
        }
        var websites = SetWebsitesCommand.Websites(host).Select(Origins.Canonical).Append(origin);
        log.LogWarning("Refused requests from {Origin}: it is not in [general] host, so its pages cannot show comments. "
            + "If it should, allow it with: parley -c {Config} config set-websites {Websites}",
            origin, ShellWord(configPath), string.Join(' ', websites));
    }

    private static string ShellWord(string word) =>
        SafeWord().IsMatch(word) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"^https?://([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:[0-9]{1,5})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WebOrigin();

    [GeneratedRegex(@"^[A-Za-z0-9/._+:=@,-]+$")]
    private static partial Regex SafeWord();

    private sealed record Seen(IReadOnlyList<string> Host, ConcurrentDictionary<string, bool> Origins);
}
