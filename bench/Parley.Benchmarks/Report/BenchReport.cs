using Parley.Benchmarks.Load;
using Parley.Benchmarks.Seeding;

namespace Parley.Benchmarks.Report;

/// <summary>One endpoint under load on Parley and on the baseline; <see cref="Ratio"/> is Parley's req/s over the baseline's.</summary>
internal sealed record EndpointResult(string Id, string Name, string Database, LoadResult Parley, LoadResult Baseline, double Ratio);

/// <summary>A server process: milliseconds from start to its first 200, resident memory idle and at its peak (MB of 1024 kB).</summary>
internal sealed record ProcessFigures(string Name, string Database, double StartMs, double IdleRssMb, double PeakRssMb);

/// <summary>How the loads were run, and on which source (<c>git describe</c> of the checkout, "-dirty" with local changes).</summary>
internal sealed record BenchSettings(
    string Source, int WrkThreads, int WrkConnections, string WrkTimeout, int WarmupSeconds, int DurationSeconds,
    int TenThousandThreadComments, int LargeComments, int LargeThreads);

/// <summary>Everything a run measured: the content of latest.json, from which latest.md is written.</summary>
internal sealed record BenchReport(
    DateTimeOffset Date,
    string Mode,
    MachineInfo Machine,
    BenchSettings Settings,
    IReadOnlyList<SeedResult> Seeding,
    IReadOnlyList<ProcessFigures> Processes,
    IReadOnlyList<EndpointResult> Endpoints,
    MixedResult? Mixed,
    IReadOnlyList<FirstAnswer> FirstAnswers,
    IReadOnlyList<TargetResult> Targets,
    IReadOnlyList<string> Errors);
