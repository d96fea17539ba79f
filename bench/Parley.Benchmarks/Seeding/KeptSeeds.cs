namespace Parley.Benchmarks.Seeding;

/// <summary>
/// Seeded SQLite databases kept between runs (<c>--seeds DIR</c>): a run that finds one of its scale starts from a copy
/// instead of seeding again, and a run that seeds leaves a copy behind.
/// </summary>
internal static class KeptSeeds
{
    /// <summary>Seeds <paramref name="path"/> through <paramref name="seed"/>, or copies the kept one; null when copied.</summary>
    public static async Task<SeedResult?> SeedAsync(
        string? folder, string name, Scale scale, string path, Func<Task<SeedResult>> seed)
    {
        if (folder is null)
        {
            return await seed();
        }
        // The scale is in the name: a smoke run's seeds never stand in for a full run's.
        var kept = Path.Combine(folder, $"{name}-{scale.TenThousand}-{scale.LargeComments}-{scale.LargeThreads}.db");
        if (File.Exists(kept))
        {
            File.Copy(kept, path, overwrite: true);
            if (File.Exists(kept + "-wal"))
            {
                File.Copy(kept + "-wal", path + "-wal", overwrite: true);
            }
            Console.WriteLine($"  {name} database copied from {kept}");
            return null;
        }
        var result = await seed();
        Directory.CreateDirectory(folder);
        // The import closes its connections, so the file holds everything; a leftover log is copied as well.
        File.Copy(path, kept + ".part", overwrite: true);
        if (File.Exists(path + "-wal"))
        {
            File.Copy(path + "-wal", kept + "-wal", overwrite: true);
        }
        File.Move(kept + ".part", kept, overwrite: true);
        return result;
    }
}
