namespace Parley.Storage.Sqlite;

/// <summary>
/// An advisory lock beside the database (<c>comments.db.lock</c>): every running server holds it shared, and
/// <c>restore</c> needs it exclusively, so a restore can never replace the file under a server that would keep
/// writing comments into the old one. .NET takes <c>flock</c> locks on Unix: shared for a read-only open,
/// exclusive for <see cref="FileShare.None"/>; they vanish with the process, so a crash leaves nothing stale.
/// A separate file, because closing any descriptor of the database itself would drop SQLite's own locks.
/// </summary>
public sealed class ServerLock : IDisposable
{
    private readonly FileStream _stream;

    private ServerLock(FileStream stream) => _stream = stream;

    public static string PathFor(string dbPath) => Path.GetFullPath(dbPath) + ".lock";

    /// <summary>Held by a running server; null while a restore holds the database.</summary>
    public static ServerLock? TryShared(string dbPath) => TryOpen(dbPath, FileAccess.Read, FileShare.ReadWrite);

    /// <summary>Held by a restore; null while any server holds the database.</summary>
    public static ServerLock? TryExclusive(string dbPath) => TryOpen(dbPath, FileAccess.ReadWrite, FileShare.None);

    private static ServerLock? TryOpen(string dbPath, FileAccess access, FileShare share)
    {
        var path = PathFor(dbPath);
        if (!File.Exists(path))
        {
            var create = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write, Share = FileShare.ReadWrite };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (new FileStream(path, create))
            {
            }
        }
        try
        {
            return new ServerLock(new FileStream(path, FileMode.Open, access, share));
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
