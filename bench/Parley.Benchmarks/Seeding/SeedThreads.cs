using System.Globalization;
using Parley.Core.Import;

namespace Parley.Benchmarks.Seeding;

/// <summary>
/// Deterministic threads: each from its own seed, so a thread is the same wherever and whenever it is inserted
/// (which keeps <c>/bench/ten-thousand/</c> byte-identical in both databases).
/// </summary>
internal static class SeedThreads
{
    // 2023-11-14 UTC: seeded comments are spread over the two years before it.
    private const double Epoch = 1_700_000_000;
    private const double TwoYears = 2 * 365 * 86_400;

    /// <summary>A thread of <paramref name="count"/> comments, about 40% top-level and the rest replies to them.</summary>
    public static ImportedThread Build(string uri, string title, int count, int seed)
    {
        var random = new Random(seed);
        var comments = new List<ImportedComment>(count);
        var topLevel = new List<string>();
        var created = Epoch - TwoYears + (random.NextDouble() * TwoYears / 2);
        // Spread the thread over up to a year: the mean gap between comments shrinks as the thread grows.
        var meanGap = 365 * 86_400.0 / Math.Max(count, 1);
        for (var i = 0; i < count; i++)
        {
            created += random.NextDouble() * 2 * meanGap;
            var key = i.ToString(CultureInfo.InvariantCulture);
            string? parent = null;
            if (topLevel.Count > 0 && random.Next(10) >= 4)
            {
                // Replies favour recent top-level comments, as conversations do.
                var back = Math.Min(topLevel.Count, 1 + (int)(Math.Pow(random.NextDouble(), 3) * topLevel.Count));
                parent = topLevel[topLevel.Count - back];
            }
            else
            {
                topLevel.Add(key);
            }
            comments.Add(Comment(random, key, parent, created));
        }
        return new ImportedThread(uri, title, comments);
    }

    private static ImportedComment Comment(Random random, string key, string? parent, double created)
    {
        var (author, email, website, address) = Commenters.Next(random);
        return new ImportedComment
        {
            Key = key,
            ParentKey = parent,
            Created = Math.Round(created, 6),
            // One comment in twenty was edited a little later.
            Modified = random.Next(20) == 0 ? Math.Round(created + random.Next(60, 900), 6) : null,
            RemoteAddr = address,
            Text = CommentTexts.Next(random),
            Author = author,
            Email = email,
            Website = website,
            // Most comments get no votes, a few get many.
            Likes = random.Next(3) == 0 ? (long)(Math.Pow(random.NextDouble(), 3) * 60) : 0,
            Dislikes = random.Next(15) == 0 ? 1 + random.Next(3) : 0,
            Notification = email is null ? 0 : random.Next(2),
        };
    }
}
