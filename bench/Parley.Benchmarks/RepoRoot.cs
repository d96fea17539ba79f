namespace Parley.Benchmarks;

/// <summary>The checkout the harness belongs to: the folder holding <c>Parley.slnx</c>.</summary>
internal static class RepoRoot
{
    /// <summary>Walks up from the binary first (bench/…/bin/…), then from the working folder.</summary>
    public static string? Find() => Above(AppContext.BaseDirectory) ?? Above(Environment.CurrentDirectory);

    private static string? Above(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
