namespace Parley.Cli;

/// <summary>
/// Files a command writes for the owner alone (backups, exports: they hold the session key, the SMTP password and
/// the admin hash): created 0600 whatever the umask, and checked first so a bad path gets one sentence, not a trace.
/// </summary>
internal static class OutputFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Why <paramref name="path"/> cannot be written, naming the fix; null when its folder is usable.</summary>
    public static string? Problem(string path, string option)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return $"{full} is a folder; give {option} a file name";
        }
        var folder = Path.GetDirectoryName(full)!;
        if (File.Exists(folder))
        {
            return $"{folder} is a file, not a folder; choose another {option}";
        }
        if (!Directory.Exists(folder))
        {
            return $"the folder {folder} does not exist; create it or choose another {option}";
        }
        var probe = Path.Combine(folder, $".parley-probe-{Guid.NewGuid():n}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
            return null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return $"cannot write in {folder} ({e.Message.TrimEnd('.')}); choose another {option}";
        }
    }

    /// <summary>Creates (or truncates, or with <see cref="FileMode.CreateNew"/> only creates) <paramref name="path"/> readable and writable by its owner only.</summary>
    public static FileStream CreatePrivate(string path, FileMode mode = FileMode.Create)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }
        var stream = new FileStream(path, options);
        MakePrivate(path);
        return stream;
    }

    /// <summary>Narrows an existing file to its owner (a file that already existed keeps its mode on create).</summary>
    public static void MakePrivate(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }
}
