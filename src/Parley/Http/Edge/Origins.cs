using System.Globalization;
using Microsoft.Extensions.Primitives;
using Parley.Core.Config;

namespace Parley.Http.Edge;

/// <summary>
/// Matches a request's Origin (or Referer) against <c>[general] host</c> as Isso does (spec/api.md §1.4):
/// compared as (hostname, port, https), answered with the matching host or else the first one. The list is the
/// one in effect now: a reload that changes <c>host</c> applies to the next request.
/// </summary>
internal sealed class Origins(LiveConfig config)
{
    public const string Invalid = "http://invalid.local";

    private Parsed _parsed = new([], [], []);

    /// <summary>The configured website this request comes from, or the first one.</summary>
    public string Match(HttpRequest request)
    {
        var parsed = Known;
        if (parsed.Hosts.Length == 0)
        {
            return Invalid;
        }
        var source = First(request.Headers.Origin) ?? First(request.Headers.Referer);
        if (string.IsNullOrEmpty(source) || Parse(source) is not { } triple)
        {
            return parsed.Formatted[0];
        }
        var index = Array.IndexOf(parsed.Hosts, triple);
        return parsed.Formatted[Math.Max(index, 0)];
    }

    /// <summary>Whether a page at <paramref name="origin"/> (as a browser sends it) may use the API: a configured website, or the server's own pages.</summary>
    public bool Allows(HttpContext context, string origin) =>
        (Parse(origin) is { } triple && Known.Hosts.Contains(triple)) || Canonical(origin) == Canonical(context.RequestHost());

    /// <summary>The first value of a header, or null; without LINQ, which would box the values on every request.</summary>
    public static string? First(StringValues values) => values.Count > 0 ? values[0] : null;

    // Parsed once per host list: the list object changes only with a reload.
    private Parsed Known
    {
        get
        {
            var host = config.Current.General.Host;
            var parsed = Volatile.Read(ref _parsed);
            if (!ReferenceEquals(parsed.Source, host))
            {
                (string Host, int Port, bool Https)[] hosts = [.. host.Select(Parse).OfType<(string, int, bool)>()];
                parsed = new Parsed(host, hosts, [.. hosts.Select(Format)]);
                Volatile.Write(ref _parsed, parsed);
            }
            return parsed;
        }
    }

    /// <summary>The host list as configured, as compared, and as answered (formatted once, not for every request).</summary>
    private sealed record Parsed(IReadOnlyList<string> Source, (string Host, int Port, bool Https)[] Hosts, string[] Formatted);

    internal static (string Host, int Port, bool Https)? Parse(string value)
    {
        var text = value.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var https = text[..schemeEnd].Equals("https", StringComparison.OrdinalIgnoreCase);
        var rest = text[(schemeEnd + 3)..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        var netloc = end < 0 ? rest : rest[..end];
        var at = netloc.LastIndexOf('@');
        if (at >= 0)
        {
            netloc = netloc[(at + 1)..];
        }
        var port = https ? 443 : 80;
        var colon = netloc.LastIndexOf(':');
        if (colon >= 0 && !netloc.EndsWith(']'))
        {
            if (!int.TryParse(netloc[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
            {
                return null;
            }
            netloc = netloc[..colon];
        }
        return (netloc, port, https);
    }

    /// <summary>The origin as a browser writes it (<c>example.org/</c> → <c>http://example.org</c>); unparsable text as it is.</summary>
    internal static string Canonical(string value) => Parse(value) is { } triple ? Format(triple) : value;

    private static string Format((string Host, int Port, bool Https) h) =>
        (h.Https ? "https://" : "http://") + h.Host + (h.Port == (h.Https ? 443 : 80) ? "" : ":" + h.Port.ToString(CultureInfo.InvariantCulture));
}
