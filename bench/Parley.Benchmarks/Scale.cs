namespace Parley.Benchmarks;

/// <summary>
/// How big the seeded data is. <see cref="TenThousand"/> is the size of <c>/bench/ten-thousand/</c> (its name is kept
/// in the smoke run so the endpoints read the same); the large database holds <see cref="LargeComments"/> comments
/// over <see cref="LargeThreads"/> threads, that thread included; each thread of the mixed load starts with
/// <see cref="MixedThreadComments"/> comments.
/// </summary>
internal sealed record Scale(int TenThousand, int LargeComments, int LargeThreads, int MixedThreadComments)
{
    public static Scale FullRun { get; } = new(10_000, 1_000_000, 10_000, 500);

    public static Scale SmokeRun { get; } = new(1_000, 10_000, 100, 50);
}
