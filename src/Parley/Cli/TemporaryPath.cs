namespace Parley.Cli;

/// <summary>Folders the system empties (at boot, by a timer, or at every stop under systemd's PrivateTmp).</summary>
internal static class TemporaryPath
{
    private static readonly string[] Roots = ["/tmp", "/var/tmp", "/dev/shm", "/run/user"];

    public static bool Contains(string path)
    {
        var full = Path.GetFullPath(path);
        var system = Path.GetFullPath(Path.GetTempPath()).TrimEnd(Path.DirectorySeparatorChar);
        return Roots.Append(system).Any(root => full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    /// <summary>The warning for a database in such a folder, with the command that moves it.</summary>
    public static string DatabaseWarning(string dbPath, string configPath) =>
        $"[general] dbpath {Path.GetFullPath(dbPath)} is in a temporary folder that the system may empty, and every comment with it. "
        + $"Stop the server, move the file to a durable folder and name it: parley -c {configPath} config configure-server --dbpath /var/lib/parley/comments.db";
}
