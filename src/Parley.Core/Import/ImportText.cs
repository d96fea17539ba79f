using System.Globalization;

namespace Parley.Core.Import;

/// <summary>The small conversions every source format needs: dates read as UTC, link paths.</summary>
public static class ImportText
{
    /// <summary>Unix seconds of a date in <paramref name="format"/>, read as UTC (Isso reads server-local time).</summary>
    public static bool TryParseUtc(string? text, string format, out double seconds)
    {
        seconds = 0;
        if (text is null || !DateTime.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            return false;
        }
        seconds = (date - DateTime.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond;
        return true;
    }

    /// <summary>
    /// The path of a link (scheme and host dropped, fragment dropped), with its query when <paramref name="keepQuery"/>;
    /// kept as written, not percent-encoded, like Python's urlparse. An empty path is <c>/</c>.
    /// </summary>
    public static string LinkPath(string link, bool keepQuery)
    {
        var rest = link.Trim();
        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && rest[..scheme].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            rest = rest[(scheme + 3)..];
            var pathStart = rest.IndexOfAny(['/', '?', '#']);
            rest = pathStart < 0 ? "" : rest[pathStart..];
        }
        var fragment = rest.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            rest = rest[..fragment];
        }
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? rest : rest[..query];
        var suffix = keepQuery && query >= 0 && query < rest.Length - 1 ? rest[query..] : "";
        return (path.Length == 0 ? "/" : path) + suffix;
    }
}
