using System.Globalization;
using Parley.Core.Import;
using Parley.Storage.Sqlite;

namespace Parley.Benchmarks.Seeding;

/// <summary>The threads the mixed load reads, counts, comments on and votes on: ten of the same size, like a blog's front page.</summary>
internal static class MixedThreads
{
    public const int Count = 10;

    public static IReadOnlyList<string> Uris { get; } =
        [.. Enumerable.Range(0, Count).Select(n => string.Create(CultureInfo.InvariantCulture, $"/bench/mixed/{n}/"))];

    public static List<ImportedThread> Build(Scale scale) =>
        [.. Uris.Select((uri, n) => SeedThreads.Build(uri, $"Mixed {n}", scale.MixedThreadComments, seed: 500 + n))];

    /// <summary>The ids of the seeded comments, which the votes pick from (the database assigns them on import).</summary>
    public static async Task<IReadOnlyList<long>> CommentIdsAsync(string path, CancellationToken ct)
    {
        using var store = SqliteCommentStore.Open(path);
        var threads = await store.ExportAsync(ct);
        return [.. threads.SelectMany(t => t.Comments).Select(c => c.Id)];
    }
}
