namespace Parley.Cli.Config;

/// <summary>
/// Replaces a file in one rename, so a crash or a full disk leaves the old file or the new one, never half of
/// either. The new file gets the old one's permissions; a new file is 0600, since isso.cfg holds secrets.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, byte[] content)
    {
        var target = Target(path);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(target))!;
        var temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(target)}.{Guid.NewGuid():n}.tmp");
        try
        {
            using (var stream = OutputFile.CreatePrivate(temp, FileMode.CreateNew))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows() && System.IO.File.Exists(target))
            {
                // An existing file keeps its own permissions.
                System.IO.File.SetUnixFileMode(temp, System.IO.File.GetUnixFileMode(target));
            }
            System.IO.File.Move(temp, target, overwrite: true);
        }
        catch
        {
            System.IO.File.Delete(temp);
            throw;
        }
    }

    /// <summary>A symbolic link is followed, so the link stays and the file it names is replaced.</summary>
    private static string Target(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } final
            ? final.FullName
            : path;
    }
}
