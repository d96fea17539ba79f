namespace Parley.Storage;

/// <summary>
/// <c>[general] dbpath</c> names something that cannot be the database file. An <see cref="IOException"/>, so every
/// command that reports I/O failures reports this one too, in one sentence that names the key.
/// </summary>
public sealed class DatabasePathException(string path, string reason)
    : IOException($"[general] dbpath {path} cannot be the database: {reason}")
{
    /// <summary>Why a path cannot hold the database; null when it can (its folder may still be created).</summary>
    public static string? Problem(string fullPath)
    {
        if (Directory.Exists(fullPath))
        {
            return "it is a folder; name a file in it, like " + Path.Combine(fullPath, "comments.db");
        }
        for (var folder = Path.GetDirectoryName(fullPath); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                return $"{folder} is a file, not a folder";
            }
            if (Directory.Exists(folder))
            {
                return null;
            }
        }
        return null;
    }
}
