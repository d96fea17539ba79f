using System.Globalization;

namespace Parley.Http.Edge;

/// <summary>
/// Matches a request's Origin (or Referer) against <c>[general] host</c> as Isso does (spec/api.md §1.4):
/// compared as (hostname, port, https), answered with the matching host or else the first one.
/// </summary>
internal sealed class Origins
{
    public const string Invalid = "http://invalid.local";

    private readonly (string Host, int Port, bool Https)[] _hosts;

    public Origins(IEnumerable<string> hosts)
    {
        _hosts = [.. hosts.Select(Parse).OfType<(string, int, bool)>()];
    }

    public string Fallback => _hosts.Length == 0 ? Invalid : Format(_hosts[0]);

    /// <summary>The configured website this request comes from, or the first one.</summary>
    public string Match(HttpRequest request)
    {
        if (_hosts.Length == 0)
        {
            return Invalid;
        }
        var source = request.Headers.Origin.FirstOrDefault() ?? request.Headers.Referer.FirstOrDefault();
        if (string.IsNullOrEmpty(source) || Parse(source) is not { } triple)
        {
            return Fallback;
        }
        foreach (var host in _hosts)
        {
            if (host == triple)
            {
                return Format(host);
            }
        }
        return Fallback;
    }

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

    private static string Format((string Host, int Port, bool Https) h) =>
        (h.Https ? "https://" : "http://") + h.Host + (h.Port == (h.Https ? 443 : 80) ? "" : ":" + h.Port.ToString(CultureInfo.InvariantCulture));
}
