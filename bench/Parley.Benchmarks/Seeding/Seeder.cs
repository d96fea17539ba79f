using System.Diagnostics;
using System.Globalization;
using Parley.Core.Import;
using Parley.Storage.Sqlite;

namespace Parley.Benchmarks.Seeding;

/// <summary>What seeding one database took: in all, and inside the storage layer's import alone.</summary>
internal sealed record SeedResult(string Database, int Threads, int Comments, double Seconds, double ImportSeconds);

/// <summary>
/// Builds the databases through the storage layer's import (the only code that writes SQL).
/// <c>/bench/ten-thousand/</c> goes in first in the small and the large one, so its ids and every byte served from it are the same.
/// </summary>
internal static class Seeder
{
    public const string TenThousandUri = "/bench/ten-thousand/";
    public const string HundredUri = "/bench/hundred/";
    /// <summary>
    /// The large database's most recently created thread (its last), for POST /new; seeded, because a thread POST /new
    /// creates makes Parley fetch the page for its title.
    /// </summary>
    public const string NewestUri = "/bench/newest/";
    public const int CountThreads = 10;
    private const int TenThousandSeed = 42;

    // Threads per import call on the large database: one transaction per ~20,000 comments keeps memory flat.
    private const int LargeBatchComments = 20_000;

    public static string CountUri(int n) => string.Create(CultureInfo.InvariantCulture, $"/bench/count/{n}/");

    public static async Task<SeedResult> SmallAsync(string path, Scale scale, CancellationToken ct)
    {
        var threads = new List<ImportedThread> { TenThousand(scale) };
        threads.Add(SeedThreads.Build(HundredUri, "A hundred comments", 100, seed: 1));
        for (var n = 0; n < CountThreads; n++)
        {
            threads.Add(SeedThreads.Build(CountUri(n), $"Counted {n}", 2 + (n % 5), seed: 100 + n));
        }
        return await ImportAsync("small", path, [threads], ct);
    }

    public static async Task<SeedResult> LargeAsync(string path, Scale scale, CancellationToken ct)
    {
        return await ImportAsync("large", path, LargeBatches(scale), ct);
    }

    /// <summary>The threads of the mixed load (<see cref="MixedThreads"/>), in a database of their own.</summary>
    public static async Task<SeedResult> MixedAsync(string path, Scale scale, CancellationToken ct)
    {
        return await ImportAsync("mixed", path, [MixedThreads.Build(scale)], ct);
    }

    private static ImportedThread TenThousand(Scale scale) =>
        SeedThreads.Build(TenThousandUri, "Ten thousand comments", scale.TenThousand, TenThousandSeed);

    private static IEnumerable<List<ImportedThread>> LargeBatches(Scale scale)
    {
        var batch = new List<ImportedThread> { TenThousand(scale) };
        var size = scale.TenThousand;
        var sizes = OtherThreadSizes(scale);
        for (var i = 0; i < sizes.Length; i++)
        {
            // The last thread is the newest: POST /new on it is measured beside POST /new on the first one.
            var uri = i == sizes.Length - 1 ? NewestUri : string.Create(CultureInfo.InvariantCulture, $"/bench/large/{i}/");
            batch.Add(SeedThreads.Build(uri, $"Large {i}", sizes[i], seed: 1_000 + i));
            size += sizes[i];
            if (size >= LargeBatchComments)
            {
                yield return batch;
                batch = [];
                size = 0;
            }
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>
    /// Sizes of the other threads, summing exactly to the comments left: pairs of threads vary around the mean in
    /// opposite directions, so some pages are busy and some are quiet, as on a real site.
    /// </summary>
    private static int[] OtherThreadSizes(Scale scale)
    {
        var count = scale.LargeThreads - 1;
        var remaining = scale.LargeComments - scale.TenThousand;
        var mean = remaining / count;
        var sizes = new int[count];
        var random = new Random(7);
        for (var i = 0; i + 1 < count; i += 2)
        {
            var swing = random.Next(mean);
            sizes[i] = mean + swing;
            sizes[i + 1] = mean - swing;
        }
        if (count % 2 == 1)
        {
            sizes[count - 1] = mean;
        }
        for (var i = 0; i < remaining - (mean * count); i++)
        {
            sizes[i]++;
        }
        return sizes;
    }

    private static async Task<SeedResult> ImportAsync(string name, string path, IEnumerable<List<ImportedThread>> batches, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var importing = new Stopwatch();
        int threads = 0, comments = 0;
        using (var store = SqliteCommentStore.Open(path))
        {
            foreach (var batch in batches)
            {
                importing.Start();
                var counts = await store.ImportAsync(batch, progress: null, ct);
                importing.Stop();
                threads += counts.Threads;
                comments += counts.Comments;
            }
        }
        return new SeedResult(name, threads, comments, clock.Elapsed.TotalSeconds, importing.Elapsed.TotalSeconds);
    }
}
