namespace Parley.Benchmarks.Servers;

/// <summary>
/// The isso.cfg Parley runs under: Isso's defaults except the guard and moderation, which would turn the
/// POST /new load into 403s and pending comments instead of measuring the write path.
/// </summary>
internal static class IssoConfig
{
    public static string Write(string folder, string database, int port)
    {
        var path = Path.Combine(folder, $"isso-{Path.GetFileNameWithoutExtension(database)}.cfg");
        File.WriteAllText(path, $"""
            [general]
            dbpath = {database}
            host = http://127.0.0.1:{port}

            [server]
            listen = http://127.0.0.1:{port}

            [guard]
            enabled = false

            [moderation]
            enabled = false

            """);
        return path;
    }
}
