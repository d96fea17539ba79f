using Parley.Core.Security;

namespace Parley.Core.Config;

/// <summary>The values that must be one of a known set or shape; a bad one is an error, not a guess.</summary>
internal static class ConfigChecks
{
    private static readonly string[] Digests = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"];

    public static string OneOf(ConfigSource source, string section, string key, string value, params string[] allowed)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            source.Error(section, key, $"\"{value}\" is not one of {string.Join(", ", allowed)}");
        }
        return value;
    }

    public static string SameSite(ConfigSource source, string value)
    {
        if (value.Length > 0 && !new[] { "None", "Lax", "Strict" }.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            source.Error("server", "samesite", $"\"{value}\" is not one of None, Lax, Strict (or empty)");
        }
        return value;
    }

    /// <summary>Each entry of <c>[server] <paramref name="key"/></c> an address or a CIDR range; every bad one is named.</summary>
    public static IReadOnlyList<string> AddressRanges(ConfigSource source, string key, IReadOnlyList<string> entries)
    {
        foreach (var entry in entries)
        {
            if (!AddressRange.TryParse(entry, out _, out var problem))
            {
                source.Error("server", key, problem);
            }
        }
        return entries;
    }

    /// <summary>Each <c>[webhook] url</c> an absolute http(s) URL with a host; every bad one is named.</summary>
    public static IReadOnlyList<string> WebhookUrls(ConfigSource source, IReadOnlyList<string> urls)
    {
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            {
                source.Error("webhook", "url", $"\"{url}\" is not an http:// or https:// address with a host");
            }
        }
        return urls;
    }

    /// <summary><c>[amqp] url</c>: empty, or an amqp:// or amqps:// address with a host.</summary>
    public static string AmqpUrl(ConfigSource source, string url)
    {
        if (url.Length > 0 && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || uri.Host.Length == 0))
        {
            source.Error("amqp", "url", "is not an amqp:// or amqps:// address with a host (like amqp://user:password@localhost:5672/)");
        }
        return url;
    }

    /// <summary>Each entry one of the event types of spec/events.md §4.</summary>
    public static IReadOnlyList<string> EventTypes(ConfigSource source, string section, string key, IReadOnlyList<string> types)
    {
        var known = Events.EventTypes.All;
        foreach (var type in types.Where(t => !known.Contains(t, StringComparer.Ordinal)))
        {
            source.Error(section, key, $"\"{type}\" is not an event type (one of {string.Join(", ", known)})");
        }
        return types;
    }

    /// <summary>A list of time spans (like <c>5s, 5m, 2h</c>), each at least a second.</summary>
    public static IReadOnlyList<TimeSpan> Durations(ConfigSource source, string section, string key, IReadOnlyList<string> items)
    {
        var spans = new List<TimeSpan>(items.Count);
        foreach (var item in items)
        {
            if (Config.Durations.TryParse(item, out var seconds) && seconds >= 1)
            {
                spans.Add(TimeSpan.FromSeconds(seconds));
            }
            else
            {
                source.Error(section, key, $"\"{item}\" is not a time span of a second or more (like 5s, 5m or 2h)");
            }
        }
        return spans;
    }

    /// <summary>
    /// Word rules, one per line or several to a line separated by commas; a <c>/regular expression/</c> takes its
    /// whole line. An expression that does not compile is an error naming the key and the pattern.
    /// </summary>
    public static IReadOnlyList<Spam.WordRule> WordRules(ConfigSource source, string section, string key, IReadOnlyList<string> lines)
    {
        var rules = new List<Spam.WordRule>();
        foreach (var line in lines)
        {
            var entries = line.Length >= 2 && line[0] == '/' && line[^1] == '/'
                ? [line]
                : line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var entry in entries)
            {
                if (Spam.WordRule.TryParse(entry, out var error) is { } rule)
                {
                    rules.Add(rule);
                }
                else
                {
                    source.Error(section, key, error!);
                }
            }
        }
        return rules;
    }

    /// <summary>An optional limit: empty means none.</summary>
    public static int? OptionalCount(ConfigSource source, string section, string key)
    {
        var value = source.String(section, key).Trim();
        if (value.Length == 0)
        {
            return null;
        }
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }
        source.Error(section, key, $"\"{value}\" is not a whole number of 0 or more (or empty for no limit)");
        return null;
    }

    public static int Port(ConfigSource source, int port)
    {
        if (port is < 1 or > 65535)
        {
            source.Error("smtp", "port", $"{port} is not a port number (1 to 65535)");
        }
        return port;
    }

    /// <summary><c>http://HOST[:PORT][/path]</c> or <c>unix:///path</c>; Isso exits on any other scheme.</summary>
    public static string Listen(ConfigSource source, string value)
    {
        if (value.StartsWith("unix://", StringComparison.OrdinalIgnoreCase))
        {
            if (value.Length == "unix://".Length)
            {
                source.Error("server", "listen", $"\"{value}\" names no socket path (like unix:///run/isso.sock)");
            }
            return value;
        }
        if (!value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            source.Error("server", "listen", $"\"{value}\" must start with http:// or unix://");
            return value;
        }
        var authority = value["http://".Length..].Split('/')[0];
        var colon = authority.LastIndexOf(':');
        var host = colon > authority.LastIndexOf(']') ? authority[..colon] : authority;
        var port = colon > authority.LastIndexOf(']') ? authority[(colon + 1)..] : "80";
        if (host.Length == 0)
        {
            source.Error("server", "listen", $"\"{value}\" names no host (like http://localhost:8080)");
        }
        else if (!int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            || number > 65535)
        {
            source.Error("server", "listen", $"\"{value}\" has no valid port number");
        }
        return value;
    }

    /// <summary><c>pbkdf2[:iterations[:dklen[:prf]]]</c>, <c>none</c>, or a digest name (spec/signing.md §3).</summary>
    public static string HashAlgorithm(ConfigSource source, string value)
    {
        if (value == "none" || Digests.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return value;
        }
        var parts = value.Split(':');
        var valid = parts[0] == "pbkdf2" && parts.Length <= 4
            && parts.Skip(1).Take(2).All(p => int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
            && (parts.Length < 4 || Digests.Contains(parts[3], StringComparer.OrdinalIgnoreCase));
        if (!valid)
        {
            source.Error("hash", "algorithm",
                $"\"{value}\" is not pbkdf2[:iterations[:dklen[:prf]]], none, or one of {string.Join(", ", Digests)}");
        }
        return value;
    }
}
