using System.Globalization;
using Npgsql;

namespace Parley.Storage.Postgres;

/// <summary>
/// <c>[general] dbpath = postgresql://user:password@host:port/dbname?param=value</c>: the URL form libpq and most hosting
/// providers hand out, turned into Npgsql's connection settings. Only parameters Parley knows are accepted, so a typo
/// stops start-up instead of being ignored.
/// </summary>
public static class PostgresUrl
{
    private const int DefaultPort = 5432;

    /// <summary>Whether <paramref name="dbpath"/> names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool Matches(string dbpath) =>
        dbpath.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
        dbpath.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="url"/> with its password replaced by <c>***</c>, for messages and logs.</summary>
    public static string Masked(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var at = url.LastIndexOf('@');
        if (scheme < 0 || at < scheme)
        {
            return MaskedParameter(url);
        }
        var userInfo = url[(scheme + 3)..at];
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var masked = colon < 0 ? url : string.Concat(url.AsSpan(0, scheme + 3 + colon + 1), "***", url.AsSpan(at));
        return MaskedParameter(masked);
    }

    // A password may also come as ?password=…
    private static string MaskedParameter(string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return url;
        }
        var parts = url[(query + 1)..].Split('&')
            .Select(p => p.StartsWith("password=", StringComparison.OrdinalIgnoreCase) ? "password=***" : p);
        return string.Concat(url.AsSpan(0, query + 1), string.Join('&', parts));
    }

    /// <summary>The connection settings <paramref name="url"/> describes; <see cref="DatabasePathException"/> when it cannot.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string url)
    {
        if (!Matches(url))
        {
            throw Invalid(url, "it is not a URL of the form postgresql://user:password@host:port/dbname");
        }
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var queryAt = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryAt < 0 ? "" : rest[(queryAt + 1)..];
        rest = queryAt < 0 ? rest : rest[..queryAt];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "" : rest[(slash + 1)..];
        var at = authority.LastIndexOf('@');
        var userInfo = at < 0 ? "" : authority[..at];
        var (host, port) = HostAndPort(url, authority[(at + 1)..]);

        // No host: libpq's default, a local server.
        var settings = new NpgsqlConnectionStringBuilder { Host = host.Length == 0 ? "localhost" : host, Port = port };
        if (userInfo.Length > 0)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            settings.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0)
            {
                settings.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }
        }
        if (path.Length > 0)
        {
            settings.Database = Uri.UnescapeDataString(path);
        }
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            Apply(settings, url, name, value);
        }
        if (string.IsNullOrEmpty(settings.Database))
        {
            settings.Database = settings.Username;
        }
        return settings;
    }

    // "host", "host:port", "[::1]:port"; the host percent-decoded, as a socket folder may be written (%2Fvar%2Frun%2Fpostgresql).
    private static (string Host, int Port) HostAndPort(string url, string hostPort)
    {
        var close = hostPort.LastIndexOf(']');
        var colon = hostPort.LastIndexOf(':');
        if (colon <= close)
        {
            return (Uri.UnescapeDataString(hostPort.Trim('[', ']')), DefaultPort);
        }
        var port = hostPort[(colon + 1)..];
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            throw Invalid(url, $"the port '{port}' is not a number from 1 to 65535");
        }
        return (Uri.UnescapeDataString(hostPort[..colon].Trim('[', ']')), number);
    }

    private static void Apply(NpgsqlConnectionStringBuilder settings, string url, string name, string value)
    {
        switch (name)
        {
            case "host":
                // A folder is a Unix socket directory (?host=/var/run/postgresql), as in libpq.
                settings.Host = value;
                break;
            case "port":
                settings.Port = Number(url, name, value);
                break;
            case "dbname":
                settings.Database = value;
                break;
            case "user":
                settings.Username = value;
                break;
            case "password":
                settings.Password = value;
                break;
            case "sslmode":
                settings.SslMode = value switch
                {
                    "disable" => SslMode.Disable,
                    "allow" => SslMode.Allow,
                    "prefer" => SslMode.Prefer,
                    "require" => SslMode.Require,
                    "verify-ca" => SslMode.VerifyCA,
                    "verify-full" => SslMode.VerifyFull,
                    _ => throw Invalid(url, $"sslmode={value} is not one of disable, allow, prefer, require, verify-ca, verify-full"),
                };
                break;
            case "sslrootcert":
                settings.RootCertificate = value;
                break;
            case "sslcert":
                settings.SslCertificate = value;
                break;
            case "sslkey":
                settings.SslKey = value;
                break;
            case "connect_timeout":
                settings.Timeout = Number(url, name, value);
                break;
            case "application_name":
                settings.ApplicationName = value;
                break;
            case "pool_size":
                // Parley's own: connections each instance may open (PostgreSQL's max_connections is shared by all).
                settings.MaxPoolSize = Number(url, name, value);
                break;
            default:
                throw Invalid(url, $"the parameter '{name}' is not known; use host, port, dbname, user, password, sslmode, " +
                    "sslrootcert, sslcert, sslkey, connect_timeout, application_name or pool_size");
        }
    }

    private static int Number(string url, string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw Invalid(url, $"{name}={value} is not a positive whole number");

    private static DatabasePathException Invalid(string url, string reason) => new(Masked(url), reason);
}
