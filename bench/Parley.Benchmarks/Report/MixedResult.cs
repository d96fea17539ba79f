using Parley.Benchmarks.Load;
using Parley.Benchmarks.Mixed;

namespace Parley.Benchmarks.Report;

/// <summary>
/// The mixed load over <see cref="Threads"/> threads of <see cref="CommentsPerThread"/> seeded comments, and its
/// fetches alone on the same server; <see cref="Ratio"/> is the mix's req/s over the fetches' alone, and
/// <see cref="Sent"/> the requests of each kind the mix sent.
/// </summary>
internal sealed record MixedResult(
    int Threads, int CommentsPerThread, LoadMix Mix, LoadResult Mixed, LoadResult ReadOnly, double Ratio, IReadOnlyDictionary<string, long> Sent);
