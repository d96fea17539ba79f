namespace Parley.Benchmarks.Servers;

/// <summary>
/// The isso.cfg Parley runs under: Isso's defaults except the guard and moderation, which would turn the
/// POST /new load into 403s and pending comments instead of measuring the write path, and the trusted proxy.
/// </summary>
internal static class IssoConfig
{
    /// <summary>Writes the config for a Parley on <paramref name="database"/> (a file or a PostgreSQL URL) as isso-NAME.cfg.</summary>
    public static string Write(string folder, string database, int port, string name)
    {
        var path = Path.Combine(folder, $"isso-{name}.cfg");
        // wrk stands in for a reverse proxy on loopback: the mixed load's votes come from many readers, and only the
        // X-Forwarded-For of a trusted peer gives them distinct addresses (one vote per address and comment).
        // Loopback is trusted anyway; naming it keeps the votes counting should that default ever change.
        File.WriteAllText(path, $"""
            [general]
            dbpath = {database}
            host = http://127.0.0.1:{port}

            [server]
            listen = http://127.0.0.1:{port}
            trusted-proxies = 127.0.0.1

            [guard]
            enabled = false

            [moderation]
            enabled = false

            """);
        return path;
    }
}
